import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the shared corpus of real QVD files and load scripts lives: `CAIRN_CORPUS_DIR`, else
 * `../shared/corpus` beside the repo. Returns null (after saying why) when it is absent so a
 * user's clone still passes; under `CI=true` a missing corpus is an error, so CI cannot pass by
 * skipping.
 */
export function corpusDir(): string | null {
  const dir = resolve(process.env.CAIRN_CORPUS_DIR ?? resolve(repoRoot, '..', 'shared', 'corpus'));
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true') {
    throw new Error(`corpus not found at ${dir}: set CAIRN_CORPUS_DIR (required under CI=true)`);
  }
  console.warn(`skipping corpus tests: no corpus at ${dir} (set CAIRN_CORPUS_DIR to run them)`);
  return null;
}
