#!/usr/bin/env node
// Tiny shim: the CLI is bundled from src/ into lib/ by `npm install` in a clone (the prepare
// script) and before packing (prepack); the package ships it built.
// Said before the bundle is loaded: on an older Node it fails on an import, with no word of why.
// 20.12: the first 20 whose directory entries say which folder they are in (Dirent.parentPath).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(`phrg-brief: needs Node.js 20.12 or later; this is Node.js ${process.versions.node} (see https://nodejs.org)\n`);
  process.exit(2);
}
let cli;
try {
  cli = await import('../lib/bundle/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/lib/bundle/cli.js')) throw error;
  process.stderr.write('phrg-brief: not compiled yet; run `npm install` (or `npm run build`) in the phrg-brief folder\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv);
