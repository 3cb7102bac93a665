import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchArea } from './lib/bench-area.js';
import { benchEnvironment } from './lib/bench-area.js';

/*
 * `npm run bench [-- area...]`: runs every benchmark area of this folder (files named
 * `engine-*.ts` and `load-*.ts`, each exporting `area: BenchArea`), or only the named ones, and
 * prints one JSON line per workload. A result mismatch between Cairn and a peer fails the run
 * (exit 1); a missed target does not.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => /^(engine|load)-[a-z0-9-]+\.ts$/.test(name) && !name.endsWith('.test.ts'))
  .sort();

const env = benchEnvironment();
let failed = false;
for (const file of files) {
  const module = (await import(pathToFileURL(`${here}/${file}`).href)) as { area?: BenchArea };
  const area = module.area;
  if (!area || (wanted.length > 0 && !wanted.includes(area.name))) continue;
  try {
    await area.run(env);
  } catch (error) {
    failed = true;
    console.error(JSON.stringify({ area: area.name, error: String(error) }));
  }
}
process.exit(failed ? 1 : 0);
