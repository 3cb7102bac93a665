/**
 * Exit codes are part of the CLI's contract with scripts: 0 success, 1 the server refused the
 * request, 2 the command line was wrong, 3 the server could not be reached.
 */
export const ExitCode = {
  ok: 0,
  refused: 1,
  usage: 2,
  unreachable: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** The server's error body, printed as it came when the output is JSON. */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}
