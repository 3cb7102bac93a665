import { deserializeModel } from '@cairn/engine';
import { appendAudit } from '../audit/audit-log.js';
import { resourceActions } from '../auth/access.js';
import { authenticate, SESSION_COOKIE } from '../auth/authenticate.js';
import type { UserPrincipal } from '../auth/principal.js';
import { objectIds } from '../blob/object-store.js';
import type { AppsTable } from '../db/schema.js';
import {
  type AppMeta,
  type EngineApiDeps,
  EngineDepsError,
  type EnginePrincipal,
  type ReloadHandle,
  type UpgradeRequest,
} from '../engine-api/index.js';
import { ApiError } from '../http/errors.js';
import { safeEqual } from '../http/ids.js';
import { currentUser, ReloadFileResolver } from '../reloads/file-resolver.js';
import type { ReloadQueue } from '../reloads/reload-queue.js';
import type { ReloadRunner } from '../reloads/reload-runner.js';
import { appResource, requireApp } from './app-access.js';
import { readAppDocument, updateAppDocument } from './app-document.js';
import { currentScript, saveScript, updateAppAttributes } from './apps.js';
import type { Platform } from './platform.js';

/** REST errors mapped onto the Engine API's kinds; anything else passes through. */
async function engineErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiError) {
      const kind =
        error.status === 404
          ? 'not-found'
          : error.status === 403
            ? 'forbidden'
            : error.status === 409
              ? 'conflict'
              : 'invalid';
      throw new EngineDepsError(kind, error.detail);
    }
    throw error;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * The platform side of the Engine API (engine-api/deps.ts): authentication of upgrades, app
 * documents with the caller's rights from the one access module, saving, reloads and events.
 */
export function createEngineDeps(
  platform: Platform,
  queue: ReloadQueue,
  runner: ReloadRunner,
): EngineApiDeps {
  const { db } = platform.store;
  const userOf = async (p: EnginePrincipal): Promise<UserPrincipal> => {
    const user = await currentUser(db, p.tenantId, p.userId);
    if (!user) throw new EngineDepsError('forbidden', 'the user is no longer active');
    return user;
  };
  const meta = async (app: AppsTable): Promise<AppMeta> => {
    const doc = await readAppDocument(platform, app.tenant_id, app.id);
    return {
      id: app.id,
      name: app.name,
      description: app.description,
      spaceId: app.space_id,
      lastReloadTime: app.last_reload_time,
      modifiedDate: app.updated_at,
      published: false,
      thumbnail: null,
      custom: doc.custom,
    };
  };

  return {
    logger: platform.log,
    memoryBudgetMb: platform.config.engineMemoryMb,

    async authenticate(request: UpgradeRequest) {
      const header = request.headers.authorization;
      const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
      const principal = await authenticate(db, platform.config.operatorKey, {
        authorization: header,
        sessionCookie: header ? undefined : cookie,
      });
      if (principal?.kind !== 'user') return null;
      if (principal.via === 'session') {
        // Browsers send cookies on cross-site upgrades: require the CSRF token and our origin.
        const url = new URL(request.url, platform.config.publicUrl);
        const sent =
          url.searchParams.get('qlik-csrf-token') ??
          request.headers['x-qlik-csrf-token'] ??
          request.headers['qlik-csrf-token'];
        if (
          typeof sent !== 'string' ||
          !principal.csrfToken ||
          !safeEqual(sent, principal.csrfToken)
        )
          return null;
        const origin = request.headers.origin;
        const allowed = [
          new URL(platform.config.publicUrl).origin,
          `http://${request.headers.host}`,
          `https://${request.headers.host}`,
        ];
        if (origin !== undefined && !allowed.includes(origin)) return null;
      }
      const row = await db
        .selectFrom('users')
        .select('name')
        .where('tenant_id', '=', principal.tenantId)
        .where('id', '=', principal.userId)
        .executeTakeFirst();
      return {
        tenantId: principal.tenantId,
        userId: principal.userId,
        userName: row?.name ?? principal.userId,
        via: principal.via === 'session' ? 'session-cookie' : 'api-key',
      };
    },

    async listApps(principal) {
      const user = await userOf(principal);
      const apps = await db
        .selectFrom('apps')
        .selectAll()
        .where('tenant_id', '=', user.tenantId)
        .execute();
      const visible: AppMeta[] = [];
      for (const app of apps) {
        if (resourceActions(user, await appResource(db, user, app)).has('app:read'))
          visible.push(await meta(app));
      }
      return visible;
    },

    openApp: (principal, appId) =>
      engineErrors(async () => {
        const user = await userOf(principal);
        const { app, resource } = await requireApp(db, user, appId, 'app:read');
        const actions = resourceActions(user, resource);
        await appendAudit(db, {
          tenantId: user.tenantId,
          userId: user.userId,
          eventType: 'com.qlik.v1.app.opened',
          data: { id: app.id, name: app.name },
          extensions: { spaceId: app.space_id ?? '', topLevelResourceId: app.id },
        });
        const doc = await readAppDocument(platform, user.tenantId, app.id);
        const version = app.current_version;
        const vars =
          version === null
            ? null
            : await platform.objects.get(
                user.tenantId,
                `${objectIds.appModel(app.id, version)}.vars`,
              );
        const variables =
          vars === null ? {} : (JSON.parse(vars.toString('utf8')) as Record<string, string>);
        return {
          meta: await meta(app),
          version: String(version ?? 0),
          rights: {
            read: true,
            select: true,
            editObjects: actions.has('app:edit'),
            editScript: actions.has('app:edit'),
            reload: actions.has('app:reload'),
          },
          script: (await currentScript(platform, user.tenantId, app.id)) ?? '',
          objects: doc.objects,
          scriptVariables: Object.entries(variables).map(([name, definition]) => ({
            name,
            definition,
          })),
          async loadModel() {
            if (version === null) return null;
            const bytes = await platform.objects.get(
              user.tenantId,
              objectIds.appModel(app.id, version),
            );
            return bytes === null ? null : deserializeModel(bytes);
          },
        };
      }),

    saveObjects: (principal, appId, change) =>
      engineErrors(async () => {
        const user = await userOf(principal);
        await requireApp(db, user, appId, 'app:edit');
        await updateAppDocument(platform, user.tenantId, appId, (doc) => {
          const removed = new Set(change.remove);
          const upserts = new Map(change.upsert.map((o) => [o.id, o]));
          doc.objects = doc.objects
            .filter((o) => !removed.has(o.id) && !upserts.has(o.id))
            .concat([...upserts.values()]);
        });
      }),

    saveScript: (principal, appId, script) =>
      engineErrors(async () => {
        await saveScript(platform, await userOf(principal), appId, script, '');
      }),

    saveAppProperties: (principal, appId, change) =>
      engineErrors(async () => {
        const user = await userOf(principal);
        await requireApp(db, user, appId, 'app:edit');
        if (change.name !== undefined || change.description !== undefined) {
          await updateAppAttributes(platform, user, appId, {
            name: change.name,
            description: change.description,
          });
        }
        if (change.custom) {
          const custom = change.custom;
          await updateAppDocument(platform, user.tenantId, appId, (doc) => {
            doc.custom = { ...doc.custom, ...custom };
          });
        }
      }),

    reload: (principal, appId, options) =>
      engineErrors(async (): Promise<ReloadHandle> => {
        const user = await userOf(principal);
        await requireApp(db, user, appId, 'app:reload');
        const row = await queue.enqueue(user, appId, options.partial);
        return {
          id: row.id,
          onLog: (listener) => queue.onLog(row.id, listener),
          done: queue
            .waitFor(row.id)
            .then((o) => ({ success: o.success, ...(o.error ? { error: o.error } : {}) })),
          cancel: () => {
            void db
              .selectFrom('reloads')
              .selectAll()
              .where('id', '=', row.id)
              .executeTakeFirst()
              .then((r) => (r ? queue.cancel(r) : undefined))
              .catch(() => undefined);
          },
        };
      }),

    runSessionScript: (principal, script, onLog) =>
      engineErrors(async () => {
        const user = await userOf(principal);
        // A session app lives in no space: it reads the user's personal files, like a personal app.
        const pseudoApp: AppsTable = {
          id: 'session',
          tenant_id: user.tenantId,
          space_id: null,
          owner_id: user.userId,
          name: '',
          description: '',
          usage: 'ANALYTICS',
          current_version: null,
          last_reload_time: null,
          created_at: '',
          updated_at: '',
        };
        const resolver = new ReloadFileResolver(platform, pseudoApp, user);
        const output = await runner(
          {
            reloadId: 'session',
            tenantId: user.tenantId,
            appId: 'session',
            script,
            partial: false,
          },
          {
            readFile: (p) => resolver.readFile(p),
            listFiles: (p) => resolver.listFiles(p),
            log: onLog,
            signal: new AbortController().signal,
            timeoutMs: platform.config.reloadTimeoutSeconds * 1000,
            memoryMb: platform.config.reloadMemoryMb,
          },
        );
        const model = deserializeModel(output.model);
        return {
          model,
          variables: Object.entries(output.variables).map(([name, definition]) => ({
            name,
            definition,
          })),
        };
      }),

    subscribe: (listener) => platform.events.subscribe(listener),
  };
}
