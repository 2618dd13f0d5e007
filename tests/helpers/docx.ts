/** Reads Word files back as a reviewer would: their XML parts, pandoc's text, LibreOffice's PDF. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

/** Every part of the package, by its path in the zip, as text. */
export function docxParts(file: string): Record<string, string> {
  const parts = unzipSync(readFileSync(file));
  return Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strFromU8(data)]));
}

/**
 * The document as pandoc's plain text, with pandoc's list markers ("-   ", "1.  ") taken off as
 * the words helper takes off bullet glyphs: they are the reader's rendering, not the text.
 * With `markers`, they are left on, for a test of the numbering itself.
 */
export function pandocPlain(file: string, { markers = false } = {}): string {
  const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
  return markers ? text : text.replace(/^(\s*)(?:-|\d+\.) {2,3}/gm, '$1');
}

/**
 * Converts to PDF with headless LibreOffice, in a profile of its own so that it neither meets
 * a running LibreOffice nor leaves settings behind. Resolves to the PDF's path and the output.
 * A conversion costs about 5 CPU-seconds, even of a one-line file; start-up with a fresh profile
 * is a tenth of that, and --nologo, --nodefault, a named filter or SAL_USE_VCLPLUGIN=svp
 * measured no different, so the call stays as a user would type it. It runs asynchronously, so
 * that a test file can start it first and test other things while it works.
 */
export function libreOfficePdf(file: string, outDir: string): Promise<{ pdf: string; output: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'phrg-brief-lo-'));
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file];
  return new Promise((resolve, reject) => {
    execFile('soffice', args, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error) reject(new Error(`soffice failed: ${error.message}\n${stderr}`));
      else resolve({ pdf: join(outDir, basename(file).replace(/\.docx$/, '.pdf')), output: stdout });
    });
  });
}
