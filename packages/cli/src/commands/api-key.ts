import type { Command } from 'commander';
import { printResult } from '../output/print.js';
import { clientFor, outputOptions } from './shared.js';

export function registerApiKeyCommands(program: Command): void {
  const apiKey = program.command('api-key').description('API keys (Developer or TenantAdmin)');

  apiKey
    .command('create')
    .description('create an API key; its token is printed once and never again')
    .requiredOption('--description <text>', 'what the key is for')
    .option('--expiry <duration>', 'ISO-8601 duration, e.g. P30D', 'P30D')
    .action(async (opts: { description: string; expiry: string }, cmd: Command) => {
      const created = await clientFor().request('POST', '/api/v1/api-keys', {
        json: { description: opts.description, expiry: opts.expiry },
      });
      printResult(created, outputOptions(cmd));
    });

  apiKey
    .command('ls')
    .description('list API keys')
    .action(async (_opts: unknown, cmd: Command) => {
      const rows = await clientFor().list('/api/v1/api-keys');
      printResult(rows, outputOptions(cmd), ['id', 'description', 'status', 'expiry']);
    });

  apiKey
    .command('revoke <id>')
    .description('revoke an API key at once')
    .action(async (id: string) => {
      await clientFor().request('DELETE', `/api/v1/api-keys/${encodeURIComponent(id)}`);
      process.stderr.write(`API key ${id} revoked\n`);
    });
}
