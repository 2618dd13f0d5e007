/**
 * The files every HTML page shares: Source Serif 4 as WOFF2 and the stylesheet declaring it,
 * copied from phrg-brief's own `lib/fonts/web/` (made by the bundle from @fontsource) into the
 * output folder's `fonts/`, so the pages need no font service.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileIfChanged } from '../write/atomic.js';
import { FONTS_DIR } from './site-frame.js';

/** lib/fonts/web beside the bundle (lib/bundle/), or from the sources when run unbundled. */
function fontsSource(): string | undefined {
  return [new URL('../fonts/web/', import.meta.url), new URL('../../lib/fonts/web/', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(join(dir, 'source-serif-4.css')));
}

/** Copies the fonts in (leaving files that are the same alone); returns their names in the output folder. */
export async function writeSiteAssets(outDir: string): Promise<string[]> {
  const source = fontsSource();
  if (!source) throw new Error('phrg-brief’s fonts (lib/fonts) are missing; run npm run build');
  const names = readdirSync(source).sort();
  for (const name of names) await writeFileIfChanged(join(outDir, FONTS_DIR, name), readFileSync(join(source, name)));
  return names.map((name) => `${FONTS_DIR}/${name}`);
}
