// Builds the web hub before `npm start` when its bundle is missing or older than its sources, so
// a fresh clone needs no separate build step and a rebuilt checkout never serves a stale hub.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const hub = join(import.meta.dirname, '..', 'packages', 'hub');
const bundle = join(hub, 'dist', 'index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(join(hub, 'package.json')) || !existsSync(join(hub, 'src'))) process.exit(0);
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(hub, 'src')))
  process.exit(0);

console.log('Building the web hub (first start only)...');
const result = spawnSync('npm', ['run', 'build', '--workspace', 'packages/hub'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
