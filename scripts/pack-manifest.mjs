// `npm pack` and `npm publish` pack package.json as it is on disk once `prepack` has run.
// `prepare` is there for clones and git installs (see scripts/prepare.mjs) and means nothing
// to a packed package, but npm lists it as an install script to approve whenever a tarball is
// installed. So `prepack` takes it out (`strip`) and `postpack` puts package.json back
// (`restore`), byte for byte, as pinst does for `postinstall`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const saved = new URL('../package.json.prepack', import.meta.url);

if (process.argv[2] === 'strip') {
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(saved, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  throw new Error('usage: node scripts/pack-manifest.mjs strip|restore');
}
