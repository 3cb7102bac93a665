import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, ExitCode } from '../errors.js';

/** A named server + API key pair, as qlik-cli keeps its contexts. */
export interface Context {
  readonly server: string;
  readonly apiKey: string;
}

export interface ConfigFile {
  current: string | null;
  contexts: Record<string, Context>;
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'cairn', 'config.json');
}

export function readConfig(path: string): ConfigFile {
  if (!existsSync(path)) return { current: null, contexts: {} };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ConfigFile>;
    return { current: parsed.current ?? null, contexts: parsed.contexts ?? {} };
  } catch (error) {
    throw new CliError(
      `cannot read ${path}: ${(error as Error).message}; fix or delete the file, then run ` +
        '`cairn context create`',
      ExitCode.usage,
    );
  }
}

/** Writes the file readable by its owner only: it holds API keys. */
export function writeConfig(path: string, config: ConfigFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
