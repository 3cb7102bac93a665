import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError, ExitCode } from '../errors.js';
import { printResult } from '../output/print.js';
import { clientFor, outputOptions } from './shared.js';

interface Connection {
  id: string;
  spaceId?: string;
}

export function registerDataFileCommands(program: Command): void {
  const dataFile = program.command('data-file').description('data files in spaces');

  dataFile
    .command('upload <path>')
    .description('upload a file (CSV, XLSX, Parquet, JSON, QVD) into a space')
    .option('--space <spaceId>', 'the space (default: your personal space)')
    .option('--name <name>', 'the name it gets (default: the file name)')
    .action(async (path: string, opts: { space?: string; name?: string }, cmd: Command) => {
      const client = clientFor();
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        throw new CliError(`cannot read ${path}: ${(error as Error).message}`, ExitCode.usage);
      }
      const json: Record<string, string> = { name: opts.name ?? basename(path) };
      if (opts.space) json.connectionId = await connectionOf(opts.space);
      const form = new FormData();
      form.append('File', new Blob([new Uint8Array(bytes)]), json.name);
      form.append('Json', new Blob([JSON.stringify(json)], { type: 'application/json' }));
      const created = await client.request('POST', '/api/v1/data-files', { body: form });
      printResult(created, outputOptions(cmd));
    });

  dataFile
    .command('ls')
    .description('list data files')
    .option('--space <spaceId>', 'only files in this space')
    .action(async (opts: { space?: string }, cmd: Command) => {
      const connectionId = opts.space ? await connectionOf(opts.space) : undefined;
      const rows = await clientFor().list('/api/v1/data-files', { connectionId });
      printResult(rows, outputOptions(cmd), ['id', 'name', 'size', 'spaceId', 'modifiedDate']);
    });

  dataFile
    .command('rm <id>')
    .description('delete a data file')
    .action(async (id: string) => {
      await clientFor().request('DELETE', `/api/v1/data-files/${encodeURIComponent(id)}`);
      process.stderr.write(`data file ${id} deleted\n`);
    });
}

/** Data files address a space through its `DataFiles` connection, as Qlik Cloud's API does. */
async function connectionOf(spaceId: string): Promise<string> {
  const connections = await clientFor().list<Connection>('/api/v1/data-files/connections', {
    spaceId,
  });
  const found = connections.find((c) => c.spaceId === spaceId) ?? connections[0];
  if (!found) {
    throw new CliError(
      `space ${spaceId} has no DataFiles connection you can use`,
      ExitCode.refused,
    );
  }
  return found.id;
}
