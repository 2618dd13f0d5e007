/**
 * The lint configuration's own rules can fail: an import against the pipeline's layers, one
 * that closes a cycle, or a module of over 300 lines is reported. (npm run lint checks src/ itself.)
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const eslint = new ESLint({ cwd: REPO });
/**
 * The same configuration without import-x/no-cycle, for the layer rules: no-cycle parses all
 * of src/ to follow its imports, which only the cycle test needs.
 */
const layersOnly = new ESLint({ cwd: REPO, overrideConfig: { files: ['src/**/*.ts'], rules: { 'import-x/no-cycle': 'off' } } });

async function problems(path: string, code: string, linter = layersOnly): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: join(REPO, path) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('npm run lint', () => {
  it('refuses an import against the pipeline’s layers', async () => {
    expect(await problems('src/load/example.ts', "import { validateRecord } from '../validate/record.js';\nexport const v = validateRecord;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: '..\/validate\/record.js' import is restricted .*load reads files/),
    ]);
    expect(await problems('src/validate/example.ts', "import type { Theme } from '../render/pdf/theme.js';\nexport type T = Theme;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports:/),
    ]);
    expect(await problems('src/render/example.ts', "import { main } from '../cli/main.js';\nexport const m = main;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports:/),
    ]);
    expect(await problems('src/diagnostics/example.ts', "import { buildSite } from '../site/build.js';\nexport const b = buildSite;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports:/),
    ]);
  }, 60_000);

  it('allows the imports the layers permit', async () => {
    expect(await problems('src/render/example.ts', "import { composeBriefing } from '../compose/briefing.js';\nexport const c = composeBriefing;\n")).toEqual(
      [],
    );
  }, 60_000);

  it('refuses a module of over 300 lines', async () => {
    const lines = (count: number): string => Array.from({ length: count }, (_, i) => `export const v${i} = ${i};`).join('\n');
    expect(await problems('src/site/example.ts', lines(300))).toEqual([]);
    expect(await problems('src/site/example.ts', lines(301))).toEqual([expect.stringMatching(/^max-lines: File has too many lines \(301\)/)]);
  }, 60_000);

  it('refuses an import that closes a cycle', async () => {
    // load/record.ts imports diagnostics/diagnostic.ts; importing back closes the loop.
    const code = "import { loadRecordFile } from '../load/record.js';\nexport const l = loadRecordFile;\n";
    expect(await problems('src/diagnostics/diagnostic.ts', code, eslint)).toContainEqual(
      expect.stringMatching(/^import-x\/no-cycle: Dependency cycle detected/),
    );
  }, 60_000);
});
