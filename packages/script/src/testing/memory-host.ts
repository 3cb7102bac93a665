import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReloadLogEvent, ScriptHost } from '../host.js';

/** A host for tests: files from a map or a folder resolver, writes kept in memory. */
export interface TestHost extends ScriptHost {
  readonly written: Map<string, Uint8Array>;
  readonly events: ReloadLogEvent[];
  readonly controller: AbortController;
}

export interface TestHostOptions {
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Maps a script path to a file on disk (corpus tests); null when it has none. */
  readonly resolve?: (path: string) => string | null;
  readonly maxRows?: number;
  readonly maxMemoryBytes?: number;
  readonly signal?: AbortSignal;
}

export function testHost(options: TestHostOptions = {}): TestHost {
  const written = new Map<string, Uint8Array>();
  const events: ReloadLogEvent[] = [];
  const controller = new AbortController();
  const files = options.files ?? {};
  return {
    written,
    events,
    controller,
    signal: options.signal ?? controller.signal,
    limits: {
      maxRows: options.maxRows ?? 10_000_000,
      maxMemoryBytes: options.maxMemoryBytes ?? 1e9,
    },
    async readFile(path) {
      const own = written.get(path) ?? files[path];
      if (own !== undefined) return typeof own === 'string' ? new TextEncoder().encode(own) : own;
      const onDisk = options.resolve?.(path) ?? null;
      if (onDisk === null) throw new Error(`no such file ${path}`);
      return new Uint8Array(await readFile(onDisk));
    },
    async writeFile(path, bytes) {
      written.set(path, bytes);
    },
    async listFiles(pattern) {
      const regex = new RegExp(
        `^${pattern
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
      return [...Object.keys(files), ...written.keys()].filter((path) => regex.test(path)).sort();
    },
    log(event) {
      events.push(event);
    },
  };
}

/** Resolves `lib://data/x` and `lib://testdata/x` to a corpus data folder, plain names to `base`. */
export function corpusResolver(base: string, dataDir: string): (path: string) => string | null {
  return (path) => {
    const lib = /^lib:\/\/(?:data|testdata)\/(.+)$/i.exec(path);
    if (lib) return join(dataDir, lib[1] as string);
    if (path.startsWith('lib://')) return null;
    return join(base, path);
  };
}
