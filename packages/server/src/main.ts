/**
 * Entry point: `node --import tsx packages/server/src/main.ts` (what `npm start` and
 * `cairn serve` run). Invalid configuration exits 1 with the message naming the setting.
 */
import { ConfigError } from './config/config.js';
import { startServerFromEnv } from './server.js';

startServerFromEnv().catch((error: Error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Cairn failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
