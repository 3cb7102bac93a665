import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import enigma from 'enigma.js';
import Fastify, { type FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { Calculator } from '../calc/calculator.js';
import type { EngineLimits } from '../transport/limits.js';
import { createEngineApiPlugin } from '../transport/plugin.js';
import type { FakeDeps } from './fake-deps.js';

/**
 * Starts the Engine API on a Fastify instance on 127.0.0.1, port 0, with fake platform deps, and
 * opens sessions with the real enigma.js client and its shipped schema.
 */
const require = createRequire(import.meta.url);
export const schema = require('enigma.js/schemas/12.2027.0.json') as object;

export interface Harness {
  readonly app: FastifyInstance;
  readonly port: number;
  session(path: string, key?: string, extra?: Partial<EnigmaJS.Configuration>): EnigmaJS.Session;
  close(): Promise<void>;
}

export async function startHarness(
  deps: FakeDeps,
  createCalculator: (model: import('@cairn/engine').DataModel) => Calculator,
  limits: Partial<EngineLimits> = {},
): Promise<Harness> {
  const app = Fastify({ logger: false });
  await app.register(createEngineApiPlugin(deps, { createCalculator, limits }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const open: EnigmaJS.Session[] = [];
  return {
    app,
    port,
    session(path, key = 'editor-key', extra = {}) {
      const session = enigma.create({
        schema,
        url: `ws://127.0.0.1:${port}${path}`,
        createSocket: (url: string) =>
          new WebSocket(url, {
            headers: { Authorization: `Bearer ${key}` },
          }) as unknown as globalThis.WebSocket,
        ...extra,
      });
      open.push(session);
      return session;
    },
    async close() {
      await Promise.allSettled(open.map((s) => s.close()));
      await app.close();
    },
  };
}

/** Calls a generated enigma method by name (the typings ship no per-class methods). */
export function rpc<T = EnigmaJS.QixObject>(
  api: object,
  method: string,
  ...args: unknown[]
): Promise<T> {
  const fn = (api as Record<string, unknown>)[method];
  if (typeof fn !== 'function') throw new Error(`enigma API has no method ${method}`);
  return (fn as (...a: unknown[]) => Promise<T>).apply(api, args);
}

/** The error an enigma call rejects with, as `{code, message}`; fails when it resolves. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code: number; message: string };
    return { code, message };
  }
  throw new Error('expected the call to reject');
}
