// Bundles the CLI and the build workers into lib/bundle/ with esbuild, and copies the PDF's
// fonts into lib/fonts/ and the HTML pages' into lib/fonts/web/. Start-up time is mostly module loading (the unified ecosystem is
// hundreds of small files), and one file per entry, with shared chunks split out, loads
// several times faster. Commands and the PDF renderer stay separate chunks, loaded only when
// used. Everything is bundled, pdfkit and fontkit included (their data files are only read
// for pdfkit's built-in fonts and PDF/A, neither of which phrg-brief uses), except Pagefind,
// whose binary must be found on disk: it is the package's one dependency.
//
// Source maps only with --sourcemap (then `node --enable-source-maps` shows src/ lines):
// they more than doubled the package's size for no user's benefit.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
await rm(new URL('lib/bundle/', root), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/site/worker.ts', 'pages-worker': 'src/site/pages-worker.ts' },
  absWorkingDir: fileURLToPath(root),
  outdir: 'lib/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: process.argv.includes('--sourcemap') ? 'linked' : false,
  // White space and syntax only (4.9 → 3.0 MB): names are kept, so --debug traces still say
  // which function failed.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // pagefind finds its platform's binary beside itself: it loads from node_modules.
  external: ['pagefind'],
  // Bundled CommonJS packages call require(); give them one.
  banner: { js: "import { createRequire as __phrgCreateRequire } from 'node:module'; const require = __phrgCreateRequire(import.meta.url);" },
});

// A digest of the bundle, beside it: the build cache is keyed by it as well as by the version,
// so that a phrg-brief rebuilt from changed sources under the same version (a tarball made
// again, a clone's new commit) renders every record again, not only those that changed.
{
  const dir = new URL('lib/bundle/', root);
  const digest = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) digest.update(`${name}\n`).update(await readFile(new URL(name, dir)));
  await writeFile(new URL('build-id', dir), `${digest.digest('hex').slice(0, 16)}\n`);
}

// The default PDF theme names its fonts by file name alone: the faces it uses are copied
// from the font package (a devDependency, every weight, 6 MB) with the font's licence.
const FONT_PACKAGE = '@expo-google-fonts/source-serif-4';
const theme = parse(await readFile(new URL('templates/default/pdf-theme.yaml', root), 'utf8'));
const packageDir = dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`));
const available = new Map();
for (const entry of await readdir(packageDir, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.ttf')) available.set(entry.name, join(entry.parentPath, entry.name));
}
const fontsDir = new URL('lib/fonts/', root);
await rm(fontsDir, { recursive: true, force: true });
await mkdir(fontsDir, { recursive: true });
for (const name of Object.values(theme.fonts)) {
  const source = available.get(name);
  if (!source) throw new Error(`pdf-theme.yaml names ${name}, which ${FONT_PACKAGE} does not have`);
  await copyFile(source, new URL(name, fontsDir));
}
await copyFile(join(packageDir, 'LICENSE_FONT'), new URL('OFL.txt', fontsDir));

// The HTML pages' Source Serif 4 (the PDF's face), as WOFF2 from @fontsource: every subset
// (Latin, Cyrillic, Greek, Vietnamese: the scripts the PDF sets in it) of the four faces the
// styles use, and a stylesheet declaring them (font-display: swap, and each subset's
// unicode-range, so that a browser loads only those a page's characters need), into
// lib/fonts/web/; a site build copies them into its output folder.
{
  const source = new URL('../node_modules/@fontsource/source-serif-4/', import.meta.url);
  const target = new URL('../lib/fonts/web/', import.meta.url);
  await mkdir(target, { recursive: true });
  const rules = [];
  for (const sheet of ['400.css', '400-italic.css', '700.css', '700-italic.css']) {
    const css = await readFile(new URL(sheet, source), 'utf8');
    for (const block of css.split('\n\n')) {
      const name = /\/\* (source-serif-4-[a-z-]+-\d+-\w+) \*\//.exec(block)?.[1];
      if (!name) continue;
      await copyFile(new URL(`files/${name}.woff2`, source), new URL(`${name}.woff2`, target));
      rules.push(block.trim().replace(/src: [^;]+;/, `src: url(${name}.woff2) format('woff2');`));
    }
  }
  if (rules.length !== 24 || rules.some((rule) => !rule.includes('font-display: swap') || !rule.includes('unicode-range')))
    throw new Error('@fontsource/source-serif-4 is not laid out as expected');
  await copyFile(new URL('LICENSE', source), new URL('OFL.txt', target)); // the licence travels with the fonts
  await writeFile(
    new URL('source-serif-4.css', target),
    `/* Source Serif 4 (SIL Open Font License 1.1), from @fontsource/source-serif-4. */\n${rules.join('\n\n')}\n`,
  );
}

// schema/record.schema.json, the JSON Schema of a record's front-matter, from the zod schema
// that validates it, so editors can complete and check records as they are typed (a test
// keeps the committed file equal to it). The generator is bundled like the CLI and run here:
// a TypeScript loader's start would cost more than the bundling.
{
  const generator = new URL('lib/bundle/.record-schema.mjs', root);
  await build({
    entryPoints: ['src/validate/json-schema.ts'],
    absWorkingDir: fileURLToPath(root),
    outfile: fileURLToPath(generator),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  try {
    const { recordSchemaJson } = await import(pathToFileURL(fileURLToPath(generator)).href);
    await writeFile(new URL('schema/record.schema.json', root), recordSchemaJson());
  } finally {
    await rm(generator, { force: true });
  }
}
