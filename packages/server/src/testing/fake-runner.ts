import type { ReloadRunner } from '../reloads/reload-runner.js';
import { ReloadFailure } from '../reloads/reload-runner.js';

/**
 * A stand-in for the load-script interpreter in queue tests: each script line `LOAD <path>`
 * reads that file through the platform; the "model" is the concatenated bytes. `FAIL <text>`
 * fails the reload. Enough to test the queue, resolver and publishing without @cairn/script.
 */
export const fakeRunner: ReloadRunner = async (job, env) => {
  const chunks: Buffer[] = [];
  for (const line of job.script
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [verb, ...rest] = line.split(' ');
    const arg = rest.join(' ');
    if (verb === 'LOAD') {
      chunks.push(Buffer.from(await env.readFile(arg)));
      env.log(`loaded ${arg}`);
    } else if (verb === 'FAIL') {
      throw new ReloadFailure('FAILED', 'RELOADS-003', arg);
    }
  }
  const model = Buffer.concat(chunks);
  return {
    model,
    metadata: {
      fields: [],
      tables: [
        {
          name: 'T',
          is_system: false,
          is_loose: false,
          no_of_rows: model.length,
          no_of_fields: 1,
          comment: '',
        },
      ],
    },
    variables: {},
  };
};
