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
        // A bad setting, or an unreadable key file or data folder, is the user's to fix: say
        // what and where (the messages name the setting or the file), without a stack trace.
        if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.usage);
        throw new CliError(`cannot start: ${(error as Error).message}`, ExitCode.refused);
      }
    });
}
