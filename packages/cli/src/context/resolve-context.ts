import { usageError } from '../errors.js';
import { type Context, configPath, readConfig } from './config-file.js';

/**
 * The server and key a command talks to: `CAIRN_URL` and `CAIRN_API_KEY` win over the current
 * context, so scripts and CI can run without a config file.
 */
export function resolveContext(env: NodeJS.ProcessEnv = process.env): Context {
  const config = readConfig(configPath(env));
  const current = config.current ? config.contexts[config.current] : undefined;
  const server = env.CAIRN_URL || current?.server;
  const apiKey = env.CAIRN_API_KEY || current?.apiKey;
  if (!server || !apiKey) {
    throw usageError(
      'no server context: run `cairn context create <name> --server <url> --api-key <key>` ' +
        'or set CAIRN_URL and CAIRN_API_KEY',
    );
  }
  return { server: server.replace(/\/+$/, ''), apiKey };
}
