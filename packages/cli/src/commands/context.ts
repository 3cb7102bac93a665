import type { Command } from 'commander';
import { configPath, readConfig, writeConfig } from '../context/config-file.js';
import { usageError } from '../errors.js';
import { printResult } from '../output/print.js';
import { outputOptions } from './shared.js';

export function registerContextCommands(program: Command): void {
  const context = program.command('context').description('servers and API keys to talk to');

  context
    .command('create <name>')
    .description('save a server URL and API key under a name and make it current')
    .requiredOption('--server <url>', 'the Cairn server, e.g. http://127.0.0.1:8080')
    .requiredOption('--api-key <key>', 'an API key created with `cairn api-key create`')
    .action((name: string, opts: { server: string; apiKey: string }) => {
      if (!/^https?:\/\//.test(opts.server)) {
        throw usageError(`--server must be an http(s) URL, got "${opts.server}"`);
      }
      const path = configPath();
      const config = readConfig(path);
      config.contexts[name] = { server: opts.server.replace(/\/+$/, ''), apiKey: opts.apiKey };
      config.current = name;
      writeConfig(path, config);
      process.stderr.write(`context "${name}" saved in ${path} and made current\n`);
    });

  context
    .command('use <name>')
    .description('make a saved context current')
    .action((name: string) => {
      const path = configPath();
      const config = readConfig(path);
      if (!config.contexts[name]) throw usageError(unknownContext(name, config.contexts));
      config.current = name;
      writeConfig(path, config);
    });

  context
    .command('ls')
    .description('list saved contexts (keys are not shown)')
    .action((_opts: unknown, command: Command) => {
      const config = readConfig(configPath());
      const rows = Object.entries(config.contexts).map(([name, c]) => ({
        name,
        server: c.server,
        current: name === config.current,
      }));
      printResult(rows, outputOptions(command), ['name', 'server', 'current']);
    });

  context
    .command('rm <name>')
    .description('forget a saved context')
    .action((name: string) => {
      const path = configPath();
      const config = readConfig(path);
      if (!config.contexts[name]) throw usageError(unknownContext(name, config.contexts));
      delete config.contexts[name];
      if (config.current === name) config.current = null;
      writeConfig(path, config);
    });
}

function unknownContext(name: string, contexts: Record<string, unknown>): string {
  const known = Object.keys(contexts);
  return `no context named "${name}"; saved: ${known.length ? known.join(', ') : '(none)'}`;
}
