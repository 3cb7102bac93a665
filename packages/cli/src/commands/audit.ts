import type { Command } from 'commander';
import { printResult } from '../output/print.js';
import { clientFor, outputOptions } from './shared.js';

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('the audit trail')
    .command('ls')
    .description('list audit events, newest first')
    .option('--type <eventType>', 'only this event type, e.g. com.qlik.user-session.begin')
    .option('--user <userId>', 'only events by this user')
    .option('--limit <n>', 'how many', '50')
    .action(async (opts: { type?: string; user?: string; limit: string }, cmd: Command) => {
      const page = await clientFor().request<{ data: unknown[] }>('GET', '/api/v1/audits', {
        query: { eventType: opts.type, userId: opts.user, limit: opts.limit, sort: '-eventTime' },
      });
      printResult(page.data, outputOptions(cmd), ['eventTime', 'eventType', 'userId', 'id']);
    });
}
