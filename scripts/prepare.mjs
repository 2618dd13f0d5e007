// npm's `prepare`: builds lib/ on `npm install` in a clone and when phrg-brief is installed
// from git (npm then runs `prepare`, never `prepack`, before packing the clone). `npm pack`
// and `npm publish` run both scripts; `prepack` builds there, so this one stands aside.
import { spawnSync } from 'node:child_process';

if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, 'run', 'bundle'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'bundle'], { stdio: 'inherit', shell: true });
process.exit(result.status ?? 1);
