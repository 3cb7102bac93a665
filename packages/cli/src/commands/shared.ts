import type { Command } from 'commander';
import { resolveContext } from '../context/resolve-context.js';
import { RestClient } from '../http/rest-client.js';
import type { OutputOptions } from '../output/print.js';

/** Options every command inherits from the program (`--json`). */
export function outputOptions(command: Command): OutputOptions {
  return command.optsWithGlobals<OutputOptions>();
}

/** The REST client of the current context, resolved only by commands that talk to a server. */
export function clientFor(): RestClient {
  const context = resolveContext();
  return new RestClient(context.server, context.apiKey);
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
