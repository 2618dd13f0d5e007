// Bundles the CLI and the build worker into lib/bundle/ with esbuild. Start-up time is mostly
// module loading (the unified ecosystem is hundreds of small files), and one file per entry,
// with shared chunks split out, loads several times faster. Commands and the PDF renderer
// stay separate chunks, loaded only when used.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../lib/bundle/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/site/worker.ts', 'pages-worker': 'src/site/pages-worker.ts' },
  outdir: 'lib/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // pdfkit and fontkit read data files next to their own sources, and pagefind finds its binary
  // beside itself; they load from node_modules.
  external: ['pdfkit', 'fontkit', 'pagefind'],
  // Bundled CommonJS packages call require(); give them one.
  banner: { js: "import { createRequire as __phrgCreateRequire } from 'node:module'; const require = __phrgCreateRequire(import.meta.url);" },
});

// The HTML pages' Source Serif 4 (the PDF's face), as WOFF2 from @fontsource: only the latin
// and latin-ext subsets of the four faces the styles use, and a stylesheet declaring them
// (font-display: swap), into lib/fonts/; a site build copies them into its output folder.
{
  const { copyFile, mkdir, readFile, writeFile } = await import('node:fs/promises');
  const source = new URL('../node_modules/@fontsource/source-serif-4/', import.meta.url);
  const target = new URL('../lib/fonts/', import.meta.url);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const rules = [];
  for (const sheet of ['400.css', '400-italic.css', '700.css', '700-italic.css']) {
    const css = await readFile(new URL(sheet, source), 'utf8');
    for (const block of css.split('\n\n')) {
      const name = /\/\* (source-serif-4-(latin|latin-ext)-\d+-\w+) \*\//.exec(block)?.[1];
      if (!name) continue;
      await copyFile(new URL(`files/${name}.woff2`, source), new URL(`${name}.woff2`, target));
      rules.push(block.trim().replace(/src: [^;]+;/, `src: url(${name}.woff2) format('woff2');`));
    }
  }
  if (rules.length !== 8 || rules.some((rule) => !rule.includes('font-display: swap'))) throw new Error('@fontsource/source-serif-4 is not laid out as expected');
  await copyFile(new URL('LICENSE', source), new URL('OFL.txt', target)); // the licence travels with the fonts
  await writeFile(new URL('source-serif-4.css', target), `/* Source Serif 4 (SIL Open Font License 1.1), from @fontsource/source-serif-4. */\n${rules.join('\n\n')}\n`);
}
