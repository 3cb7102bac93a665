import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the Cairn server (settings come from environment variables; see README)')
    .action(async () => {
      // Loaded on demand: every other command is a thin HTTP client and should start fast.
      const { startServerFromEnv } = await import('@cairn/server');
      await startServerFromEnv(process.env);
    });
}
