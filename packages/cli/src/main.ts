import { Command, CommanderError } from 'commander';
import { registerApiKeyCommands } from './commands/api-key.js';
import { registerAppCommands } from './commands/app.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerContextCommands } from './commands/context.js';
import { registerDataFileCommands } from './commands/data-file.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerReloadCommands } from './commands/reload.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSpaceCommands } from './commands/space.js';
import { registerTenantCommands } from './commands/tenant.js';
import { registerUserCommands } from './commands/user.js';
import { CliError, ExitCode } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('cairn')
    .description('Cairn, the open analytics cloud: run the server and drive it from scripts')
    .option('--json', 'print JSON (the default when output is piped)')
    .showHelpAfterError('(run `cairn --help` for usage)');
  registerServeCommand(program);
  registerContextCommands(program);
  registerTenantCommands(program);
  registerUserCommands(program);
  registerApiKeyCommands(program);
  registerSpaceCommands(program);
  registerAppCommands(program);
  registerDataFileCommands(program);
  registerReloadCommands(program);
  registerAuditCommands(program);
  registerEvalCommand(program);
  program.commands.forEach(exitOverrideDeep);
  program.exitOverride();
  return program;
}

/** Commander exits by itself on usage errors; we turn them into exit code 2 instead. */
function exitOverrideDeep(command: Command): void {
  command.exitOverride();
  command.commands.forEach(exitOverrideDeep);
}

/** Runs the CLI and answers the exit code rather than exiting, so tests can call it in-process. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(error.code) ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`cairn: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`cairn: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return ExitCode.refused;
  }
}
