import type { Command } from 'commander';
import { printResult } from '../output/print.js';
import type { Reload } from './follow-reload.js';
import { clientFor, outputOptions } from './shared.js';

export function registerReloadCommands(program: Command): void {
  const reload = program.command('reload').description('reloads of apps');

  reload
    .command('ls')
    .description("list an app's reloads, newest first")
    .requiredOption('--app <appId>', 'the app')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: { app: string; limit: string }, cmd: Command) => {
      const page = await clientFor().request<{ data: Reload[] }>('GET', '/api/v1/reloads', {
        query: { appId: opts.app, limit: opts.limit, sort: '-creationTime' },
      });
      printResult(page.data, outputOptions(cmd), ['id', 'status', 'creationTime', 'endTime']);
    });

  reload
    .command('log <reloadId>')
    .description("print a reload's log (so far, while it runs)")
    .action(async (reloadId: string) => {
      const client = clientFor();
      const found = await client.request<Reload>(
        'GET',
        `/api/v1/reloads/${encodeURIComponent(reloadId)}`,
      );
      const log = await client.request<string>(
        'GET',
        `/api/v1/apps/${encodeURIComponent(found.appId)}/reloads/logs/${encodeURIComponent(reloadId)}`,
        { text: true },
      );
      process.stdout.write(log.endsWith('\n') ? log : `${log}\n`);
    });

  reload
    .command('cancel <reloadId>')
    .description('cancel a queued or running reload')
    .action(async (reloadId: string) => {
      await clientFor().request(
        'POST',
        `/api/v1/reloads/${encodeURIComponent(reloadId)}/actions/cancel`,
      );
      process.stderr.write(`reload ${reloadId} cancel requested\n`);
    });
}
