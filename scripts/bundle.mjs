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
  // pdfkit and fontkit read data files next to their own sources; they load from node_modules.
  external: ['pdfkit', 'fontkit'],
  // Bundled CommonJS packages call require(); give them one.
  banner: { js: "import { createRequire as __phrgCreateRequire } from 'node:module'; const require = __phrgCreateRequire(import.meta.url);" },
});
