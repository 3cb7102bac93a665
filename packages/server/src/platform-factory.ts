import { resolve } from 'node:path';
import pino, { type DestinationStream, type Logger } from 'pino';
import { LocalBlobStore } from './blob/blob-store.js';
import { ObjectStore } from './blob/object-store.js';
import type { Config } from './config/config.js';
import { KeyRing } from './crypto/key-ring.js';
import { loadOrCreateRootKey } from './crypto/root-key.js';
import { openMetadataStore } from './db/database.js';
import type { EngineStats } from './engine-api/index.js';
import { buildHttpApp, type HttpOptions } from './http/app.js';
import type { CairnApp } from './http/types.js';
import { childProcessRunner } from './reloads/child-process-runner.js';
import { ReloadQueue } from './reloads/reload-queue.js';
import type { ReloadRunner } from './reloads/reload-runner.js';
import { registerEngineApi } from './services/engine-api-registration.js';
import { createEngineDeps } from './services/engine-deps.js';
import { type Platform, PlatformEvents } from './services/platform.js';

export interface CreateAppOptions extends HttpOptions {
  /** Replaces the child-process reload runner (tests). */
  readonly runner?: ReloadRunner;
  readonly logger?: Logger;
}

export interface CairnInstance {
  readonly app: CairnApp;
  readonly platform: Platform;
  readonly queue: ReloadQueue;
  /** The Engine API's live counters (sessions, apps in memory), once it is registered. */
  engineStats(): EngineStats | null;
  /** Stops the queue (requeueing running reloads), closes sockets and the store. */
  close(): Promise<void>;
}

/** Masks secrets that can travel in URLs: invite tokens and CSRF or access tokens in queries. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/login\/invite\/)[^/?#]+/, '$1[redacted]')
    .replace(/([?&](?:qlik-csrf-token|accessToken|token)=)[^&#]*/gi, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: unknown;
  socket?: { remoteAddress?: string };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      // Requests are logged by method, redacted URL and address; headers (keys, cookies) never.
      serializers: {
        req: (req: LoggedRequest) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url ?? ''),
          remoteAddress: req.socket?.remoteAddress,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}

/** Opens the store and keys, and builds the HTTP app; does not listen or start reloads. */
export async function createApp(
  config: Config,
  options: CreateAppOptions = {},
): Promise<CairnInstance> {
  const log = options.logger ?? createLogger(config.logLevel);
  const store = await openMetadataStore(config);
  const root = loadOrCreateRootKey(config.masterKeyFile);
  const keys = new KeyRing(root.key, async (tenantId) => {
    const row = await store.db
      .selectFrom('tenants')
      .select('wrapped_key')
      .where('id', '=', tenantId)
      .executeTakeFirst();
    if (!row) throw new Error(`tenant ${tenantId} has no key`);
    return row.wrapped_key;
  });
  const objects = new ObjectStore(new LocalBlobStore(resolve(config.dataDir, 'objects')), keys);
  const platform: Platform = { config, store, objects, keys, log, events: new PlatformEvents() };
  const runner = options.runner ?? childProcessRunner();
  const queue = new ReloadQueue(platform, runner, {
    concurrency: config.reloadConcurrency,
    perTenantQueueLimit: config.reloadQueueLimitPerTenant,
    timeoutMs: config.reloadTimeoutSeconds * 1000,
    memoryMb: config.reloadMemoryMb,
  });
  const deps = createEngineDeps(platform, queue, runner);
  let engineStats: EngineStats | null = null;
  const app = await buildHttpApp(platform, queue, log, {
    ...options,
    extend: async (http) => {
      await registerEngineApi(http, deps, (stats) => {
        engineStats = stats;
      });
      await options.extend?.(http);
    },
  });
  let closed = false;
  return {
    app,
    platform,
    queue,
    engineStats: () => engineStats,
    async close() {
      if (closed) return;
      closed = true;
      await queue.stop();
      await app.close();
      await store.close();
    },
  };
}
