import type { Command } from 'commander';
import { configPath, readConfig } from '../context/config-file.js';
import { usageError } from '../errors.js';
import { RestClient } from '../http/rest-client.js';
import { printResult } from '../output/print.js';
import { outputOptions } from './shared.js';

interface OperatorOptions {
  operatorKey?: string;
  server?: string;
}

/**
 * Tenant management is the platform operator's, authenticated by the operator key rather than a
 * tenant user's API key; only the server URL comes from the context.
 */
function operatorClient(opts: OperatorOptions): RestClient {
  const key = opts.operatorKey || process.env.CAIRN_OPERATOR_KEY;
  if (!key) throw usageError('tenant commands need --operator-key or CAIRN_OPERATOR_KEY');
  const server = opts.server || process.env.CAIRN_URL || serverFromContext();
  return new RestClient(server.replace(/\/+$/, ''), key);
}

/** A missing context is only an error when no --server was given either. */
function serverFromContext(): string {
  const config = readConfig(configPath());
  const current = config.current ? config.contexts[config.current] : undefined;
  if (!current)
    throw usageError('no server: pass --server <url>, set CAIRN_URL, or create a context');
  return current.server;
}

export function registerTenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('tenants (platform operator only)');
  const withOperator = (cmd: Command) =>
    cmd
      .option('--operator-key <key>', 'the operator key (or CAIRN_OPERATOR_KEY)')
      .option('--server <url>', 'the server (or CAIRN_URL, or the current context)');

  withOperator(tenant.command('create <name>'))
    .description('create a tenant with its first admin; prints the admin API key once')
    .requiredOption('--admin-email <email>', "the first admin's e-mail")
    .option('--admin-name <name>', "the first admin's name")
    .option('--hostname <host...>', 'host names that address this tenant')
    .action(async (name: string, opts: OperatorOptions & Record<string, unknown>, cmd: Command) => {
      const body = {
        name,
        ...(opts.hostname ? { hostnames: opts.hostname } : {}),
        admin: {
          email: opts.adminEmail as string,
          name: (opts.adminName as string | undefined) ?? (opts.adminEmail as string),
        },
      };
      const created = await operatorClient(opts).request('POST', '/api/v1/tenants', { json: body });
      printResult(created, outputOptions(cmd));
    });

  withOperator(tenant.command('ls'))
    .description('list tenants')
    .action(async (opts: OperatorOptions, cmd: Command) => {
      const rows = await operatorClient(opts).list('/api/v1/tenants');
      printResult(rows, outputOptions(cmd), ['id', 'name', 'status', 'hostnames']);
    });
}
