import type { Command } from 'commander';
import { printResult } from '../output/print.js';
import { clientFor, outputOptions, splitList } from './shared.js';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('users of the tenant');

  user
    .command('ls')
    .description('list users')
    .option('--filter <scim>', 'a SCIM filter, e.g. \'email eq "ann@example.com"\'')
    .action(async (opts: { filter?: string }, cmd: Command) => {
      const rows = await clientFor().list('/api/v1/users', { filter: opts.filter });
      printResult(rows, outputOptions(cmd), ['id', 'name', 'email', 'status']);
    });

  user
    .command('create')
    .description('create a user (an invite link to set a password is returned)')
    .requiredOption('--email <email>', 'e-mail, also the sign-in name')
    .option('--name <name>', 'display name')
    .option('--roles <names>', 'comma-separated tenant roles, e.g. Developer,TenantAdmin')
    .action(async (opts: { email: string; name?: string; roles?: string }, cmd: Command) => {
      const body = {
        subject: opts.email,
        email: opts.email,
        name: opts.name ?? opts.email,
        assignedRoles: splitList(opts.roles).map((name) => ({ name })),
      };
      printResult(
        await clientFor().request('POST', '/api/v1/users', { json: body }),
        outputOptions(cmd),
      );
    });

  user
    .command('roles')
    .description('list the roles that can be assigned to users')
    .action(async (_opts: unknown, cmd: Command) => {
      const rows = await clientFor().list('/api/v1/roles');
      printResult(rows, outputOptions(cmd), ['id', 'name', 'type', 'level']);
    });
}
