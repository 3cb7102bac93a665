import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { printResult } from '../output/print.js';
import { followReload, type Reload } from './follow-reload.js';
import { clientFor, outputOptions } from './shared.js';

interface NxApp {
  attributes: { id: string; name: string };
}

export function registerAppCommands(program: Command): void {
  const app = program.command('app').description('analytics apps');

  app
    .command('ls')
    .description('list the apps you can see')
    .option('--space <spaceId>', 'only apps in this space (`personal` for your own)')
    .option('--query <text>', 'only apps whose name contains this')
    .action(async (opts: { space?: string; query?: string }, cmd: Command) => {
      const rows = await clientFor().list('/api/v1/items', {
        resourceType: 'app',
        spaceId: opts.space,
        query: opts.query,
      });
      printResult(rows, outputOptions(cmd), [
        'resourceId',
        'name',
        'spaceId',
        'resourceReloadStatus',
      ]);
    });

  app
    .command('create <name>')
    .description('create an empty app')
    .option('--space <spaceId>', 'the space to create it in (default: your personal space)')
    .option('--description <text>', 'description')
    .action(async (name: string, opts: { space?: string; description?: string }, cmd: Command) => {
      const attributes = {
        name,
        ...(opts.space ? { spaceId: opts.space } : {}),
        ...(opts.description ? { description: opts.description } : {}),
      };
      const created = await clientFor().request<NxApp>('POST', '/api/v1/apps', {
        json: { attributes },
      });
      printResult(created, outputOptions(cmd));
    });

  app
    .command('rm <appId>')
    .description('delete an app and its files')
    .action(async (appId: string) => {
      await clientFor().request('DELETE', `/api/v1/apps/${encodeURIComponent(appId)}`);
      process.stderr.write(`app ${appId} deleted\n`);
    });

  app
    .command('reload <appId>')
    .description('reload an app and wait for the result')
    .option('--no-wait', 'return as soon as the reload is queued')
    .action(async (appId: string, opts: { wait: boolean }, cmd: Command) => {
      const client = clientFor();
      const queued = await client.request<Reload>('POST', '/api/v1/reloads', { json: { appId } });
      const result = opts.wait ? await followReload(client, queued.id) : queued;
      printResult(result, outputOptions(cmd));
    });

  const script = app.command('script').description("an app's load script");
  script
    .command('get <appId>')
    .description('print the current load script')
    .action(async (appId: string) => {
      const current = await clientFor().request<{ script: string }>(
        'GET',
        `/api/v1/apps/${encodeURIComponent(appId)}/scripts/current`,
      );
      process.stdout.write(current.script.endsWith('\n') ? current.script : `${current.script}\n`);
    });
  script
    .command('set <appId> <file>')
    .description('store a new script version from a file (`-` reads standard input)')
    .option('--message <text>', 'a note for this version')
    .action(async (appId: string, file: string, opts: { message?: string }) => {
      const text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      await clientFor().request('POST', `/api/v1/apps/${encodeURIComponent(appId)}/scripts`, {
        json: { script: text, ...(opts.message ? { versionMessage: opts.message } : {}) },
      });
      process.stderr.write(`script of app ${appId} saved\n`);
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
