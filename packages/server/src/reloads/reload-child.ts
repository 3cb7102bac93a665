/**
 * The reload process: runs one load script with `runScript` from @cairn/script and sends the
 * serialized model back. It holds no keys and opens no store; every file comes from the parent
 * over IPC. Started by child-process-runner.ts, never imported.
 */
import type { DataModel } from '@cairn/engine';
import type { FromChild, ToChild } from './child-messages.js';
import { modelMetadata } from './model-metadata.js';

type ScriptResult = { model: DataModel; variables: Record<string, string> };
type RunScript = (script: string, host: unknown) => Promise<ScriptResult>;
type SerializeModel = (model: DataModel) => Uint8Array;

const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
let nextId = 1;

function send(message: FromChild): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

function ask<T>(message: FromChild & { id: number }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending.set(message.id, { resolve: resolve as (v: never) => void, reject });
    void send(message);
  });
}

/** Formats one reload log event as a line of Qlik's script log. */
function logLine(event: Record<string, unknown>): string {
  switch (event.kind) {
    case 'statement':
      return `${String(event.line).padStart(4, '0')} ${String(event.text)}`;
    case 'table':
      return `${String(event.table)} << ${String(event.source)}; ${String(event.rowsFetched)} Lines fetched`;
    case 'trace':
      return String(event.message);
    case 'warning':
      return `Warning: ${String((event.warning as { message?: unknown })?.message)}`;
    case 'finished':
      return `${String(event.fields)} fields found; ${String(event.tables)} tables; ${String(event.rows)} rows`;
    case 'failed':
      return `Error: ${String((event.error as { message?: unknown })?.message)}`;
    default:
      return String(event.kind);
  }
}

async function loadFunctions(): Promise<{ runScript: RunScript; serializeModel: SerializeModel }> {
  const script: Record<string, unknown> = await import('@cairn/script');
  const engine: Record<string, unknown> = await import('@cairn/engine');
  if (typeof script.runScript !== 'function' || typeof engine.serializeModel !== 'function') {
    throw new Error('the load-script interpreter is not available in this build');
  }
  return {
    runScript: script.runScript as RunScript,
    serializeModel: engine.serializeModel as SerializeModel,
  };
}

async function run(start: Extract<ToChild, { type: 'start' }>): Promise<void> {
  const { runScript, serializeModel } = await loadFunctions();
  const controller = new AbortController();
  const host = {
    readFile: (path: string) => ask<Uint8Array>({ type: 'read', id: nextId++, path }),
    listFiles: (pattern: string) => ask<string[]>({ type: 'list', id: nextId++, pattern }),
    writeFile: async (path: string) => {
      throw new Error(`STORE into ${path} is not supported yet`);
    },
    log: (event: Record<string, unknown>) => void send({ type: 'log', line: logLine(event) }),
    signal: controller.signal,
    limits: { maxRows: 2_000_000_000, maxMemoryBytes: start.memoryMb * 1024 * 1024 },
  };
  const result = await runScript(start.script, host);
  const model = serializeModel(result.model);
  await send({
    type: 'done',
    model,
    metadata: modelMetadata(result.model),
    variables: result.variables,
  });
}

process.on('message', (raw) => {
  const message = raw as ToChild;
  if (message.type === 'start') {
    run(message).then(
      () => process.exit(0),
      async (error: Error & { code?: unknown }) => {
        const code = typeof error.code === 'string' ? error.code : 'RELOADS-003';
        await send({ type: 'failed', code, message: error.message });
        process.exit(1);
      },
    );
    return;
  }
  const waiter = pending.get(message.id);
  if (!waiter) return;
  pending.delete(message.id);
  if (message.error !== undefined) waiter.reject(new Error(message.error));
  else waiter.resolve((message.type === 'file' ? message.bytes : message.paths) as never);
});
