/**
 * System tools some tests need (Chromium, poppler, qpdf, Java, git, pandoc, LibreOffice; Hugo,
 * a bench peer). Locally a missing tool skips those tests with a notice naming it; with
 * PHRG_BRIEF_REQUIRE_TOOLS=1 (always in CI) it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Tool {
  name: string;
  /** A command to run, or an absolute path to look for. */
  probe: string;
  install: string;
}

export const CHROMIUM: Tool = { name: 'chromium', probe: '/usr/bin/chromium', install: 'apt-get install -y chromium' };
export const JAVA: Tool = { name: 'java', probe: 'java', install: 'apt-get install -y default-jre-headless' };
export const PDFTOTEXT: Tool = { name: 'pdftotext', probe: 'pdftotext', install: 'apt-get install -y poppler-utils' };
export const QPDF: Tool = { name: 'qpdf', probe: 'qpdf', install: 'apt-get install -y qpdf' };
export const PANDOC: Tool = { name: 'pandoc', probe: 'pandoc', install: 'apt-get install -y pandoc' };
export const SOFFICE: Tool = { name: 'soffice', probe: 'soffice', install: 'apt-get install -y libreoffice-writer-nogui' };
export const GIT: Tool = { name: 'git', probe: 'git', install: 'apt-get install -y git' };
/** GNU patch: what the README says applies fmt --check's diff. */
export const PATCH: Tool = { name: 'patch', probe: 'patch', install: 'apt-get install -y patch' };
/** A bench peer (tests/bench/peers.test.ts), beside Pandoc. */
export const HUGO: Tool = { name: 'hugo', probe: 'hugo', install: 'apt-get install -y hugo' };

function present(tool: Tool): boolean {
  if (tool.probe.startsWith('/')) return existsSync(tool.probe);
  try {
    execFileSync('sh', ['-c', `command -v ${tool.probe}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True when every tool is there; otherwise prints a notice (or throws under CI). */
export function haveTools(...tools: Tool[]): boolean {
  const missing = tools.filter((tool) => !present(tool));
  if (missing.length === 0) return true;
  const lines = missing.map((tool) => `${tool.name} (install: ${tool.install})`).join('; ');
  if (process.env.PHRG_BRIEF_REQUIRE_TOOLS === '1') {
    throw new Error(`PHRG_BRIEF_REQUIRE_TOOLS=1 but missing: ${lines}`);
  }
  process.stderr.write(`notice: skipping tests that need ${lines}\n`);
  return false;
}
