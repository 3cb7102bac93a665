import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { printResult } from '../output/print.js';
import { clientFor, outputOptions, splitList } from './shared.js';

const spaceTypes = ['shared', 'managed', 'data'];

export function registerSpaceCommands(program: Command): void {
  const space = program.command('space').description('spaces that hold apps and data files');

  space
    .command('ls')
    .description('list the spaces you can see')
    .action(async (_opts: unknown, cmd: Command) => {
      const rows = await clientFor().list('/api/v1/spaces');
      printResult(rows, outputOptions(cmd), ['id', 'name', 'type', 'ownerId']);
    });

  space
    .command('create <name>')
    .description('create a space')
    .option('--type <type>', `one of ${spaceTypes.join(', ')}`, 'shared')
    .option('--description <text>', 'description')
    .action(async (name: string, opts: { type: string; description?: string }, cmd: Command) => {
      if (!spaceTypes.includes(opts.type)) {
        throw usageError(`--type must be one of ${spaceTypes.join(', ')}, got "${opts.type}"`);
      }
      const created = await clientFor().request('POST', '/api/v1/spaces', {
        json: {
          name,
          type: opts.type,
          ...(opts.description ? { description: opts.description } : {}),
        },
      });
      printResult(created, outputOptions(cmd));
    });

  space
    .command('assign <spaceId>')
    .description('give a user roles in a space')
    .requiredOption('--user <userId>', 'the user to assign')
    .requiredOption('--roles <roles>', 'comma-separated space roles, e.g. consumer,producer')
    .action(async (spaceId: string, opts: { user: string; roles: string }, cmd: Command) => {
      const created = await clientFor().request(
        'POST',
        `/api/v1/spaces/${encodeURIComponent(spaceId)}/assignments`,
        { json: { type: 'user', assigneeId: opts.user, roles: splitList(opts.roles) } },
      );
      printResult(created, outputOptions(cmd));
    });
}
