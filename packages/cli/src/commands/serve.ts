import type { Command } from 'commander';
import { CliError, ExitCode } from '../errors.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Cairn server (settings come from environment variables; see README)')
    .action(async () => {
      // Loaded on demand: every other command is a thin HTTP client and should start fast.
      const { ConfigError, startServerFromEnv } = await import('@cairn/server');
      try {
        await startServerFromEnv(process.env);
      } catch (error) {
        // A bad setting is the user's to fix: say which, without a stack trace.
        if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.usage);
        throw error;
      }
    });
}
