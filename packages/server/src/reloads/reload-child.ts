/**
 * The reload process: runs one load script with `runScript` from @cairn/script and sends the
 * serialized model back. It holds no keys and opens no store; every file comes from the parent
 * over IPC. Started by child-process-runner.ts, never imported.
 */
import { serializeModel } from '@cairn/engine';
import { type ReloadLogEvent, runScript, ScriptError, type ScriptHost } from '@cairn/script';
import type { FromChild, ToChild } from './child-messages.js';
import { modelMetadata } from './model-metadata.js';

const pending = new Map<number, { resolve: (value: never) => void; reject: (e: Error) => void }>();
let nextId = 1;

function send(message: FromChild): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

function ask<T>(message: FromChild & { id: number }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    pending.set(message.id, { resolve: resolve as (value: never) => void, reject });
    void send(message);
  });
}

/** One reload log event as a line of Qlik's script log. */
export function logLine(event: ReloadLogEvent): string {
  switch (event.kind) {
    case 'started':
      return 'Reload started';
    case 'statement':
      return `${event.file}:${event.line} ${event.text}`;
    case 'table':
      return `${event.table} << ${event.source} ${event.rowsFetched} Lines fetched (${event.fields.length} fields, ${event.rowsInTable} rows in table)`;
    case 'trace':
      return event.message;
    case 'warning':
      return `Warning: ${event.warning.message}`;
    case 'finished':
      return `${event.fields} fields found, ${event.tables} tables, ${event.rows} rows`;
    case 'failed':
      return `Error: ${event.error.message}`;
  }
}

async function run(start: Extract<ToChild, { type: 'start' }>): Promise<void> {
  const controller = new AbortController();
  const host: ScriptHost = {
    readFile: (path) => ask<Uint8Array>({ type: 'read', id: nextId++, path }),
    listFiles: (pattern) => ask<string[]>({ type: 'list', id: nextId++, pattern }),
    writeFile: async (path) => {
      // STORE into the tenant's data files needs a write path through the parent (later issue).
      throw new Error(`STORE into ${JSON.stringify(path)} is not supported yet`);
    },
    log: (event) => void send({ type: 'log', line: logLine(event) }),
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
      async (error: Error) => {
        // Script errors carry file:line:column and the offending text; other errors only a message.
        const code = 'RELOADS-003';
        if (error instanceof ScriptError)
          void send({ type: 'log', line: `Script error ${error.code}` });
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
