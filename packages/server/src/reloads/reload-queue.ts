import type { UserPrincipal } from '../auth/principal.js';
import { objectIds } from '../blob/object-store.js';
import type { ReloadsTable } from '../db/schema.js';
import { ApiError } from '../http/errors.js';
import { newId, nowIso } from '../http/ids.js';
import { currentScript } from '../services/apps.js';
import type { Platform } from '../services/platform.js';
import { currentUser, ReloadFileResolver } from './file-resolver.js';
import { finishReload, publishReload } from './reload-publisher.js';
import { ReloadFailure, type ReloadRunner } from './reload-runner.js';

export interface QueueLimits {
  readonly concurrency: number;
  readonly perTenantQueueLimit: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

export interface ReloadOutcome {
  readonly success: boolean;
  readonly status: string;
  readonly error?: string;
}

interface Running {
  readonly tenantId: string;
  readonly controller: AbortController;
  readonly log: string[];
  readonly listeners: Set<(line: string) => void>;
}

/**
 * The reload queue, kept in the metadata store so it survives restarts. At most `concurrency`
 * reloads run at once; when a slot frees, the oldest queued reload of the tenant with the fewest
 * running starts, so one tenant's burst never starves another. Work starts only when a slot is
 * free (just in time), never all at once.
 */
export class ReloadQueue {
  readonly #running = new Map<string, Running>();
  readonly #waiters = new Map<string, Array<(outcome: ReloadOutcome) => void>>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #finishedListeners = new Set<(status: string) => void>();
  #pumping = false;
  #again = false;
  #stopped = false;

  constructor(
    private readonly platform: Platform,
    private readonly runner: ReloadRunner,
    private readonly limits: QueueLimits,
  ) {}

  get runningCount(): number {
    return this.#running.size;
  }

  async enqueue(user: UserPrincipal, appId: string, partial: boolean): Promise<ReloadsTable> {
    const db = this.platform.store.db;
    const queued = await db
      .selectFrom('reloads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', user.tenantId)
      .where('status', '=', 'QUEUED')
      .executeTakeFirstOrThrow();
    if (Number(queued.n) >= this.limits.perTenantQueueLimit) {
      throw new ApiError(
        'RELOADS-001',
        `the tenant already has ${queued.n} reloads waiting; try again later`,
      );
    }
    const row: ReloadsTable = {
      id: newId(),
      tenant_id: user.tenantId,
      app_id: appId,
      user_id: user.userId,
      type: 'external',
      status: 'QUEUED',
      partial: partial ? 1 : 0,
      creation_time: nowIso(),
      start_time: null,
      end_time: null,
      error_code: null,
      error_message: null,
      version: null,
    };
    await db.insertInto('reloads').values(row).execute();
    this.kick();
    return row;
  }

  /** Starts queued work if a slot is free; safe to call any time. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = true;
    void this.#pump()
      .catch((error: Error) => this.platform.log.error({ err: error }, 'reload queue pump failed'))
      .finally(() => {
        this.#pumping = false;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  async #pump(): Promise<void> {
    const db = this.platform.store.db;
    while (!this.#stopped && this.#running.size < this.limits.concurrency) {
      const queued = await db
        .selectFrom('reloads')
        .selectAll()
        .where('status', '=', 'QUEUED')
        .orderBy('creation_time')
        .orderBy('id')
        .limit(500)
        .execute();
      const next = this.#fairest(queued);
      if (!next) return;
      const claimed = await db
        .updateTable('reloads')
        .set({ status: 'RELOADING', start_time: nowIso() })
        .where('id', '=', next.id)
        .where('status', '=', 'QUEUED')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      this.#start(next);
    }
  }

  #fairest(queued: readonly ReloadsTable[]): ReloadsTable | undefined {
    const perTenant = new Map<string, number>();
    for (const r of this.#running.values())
      perTenant.set(r.tenantId, (perTenant.get(r.tenantId) ?? 0) + 1);
    let best: ReloadsTable | undefined;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const row of queued) {
      const count = perTenant.get(row.tenant_id) ?? 0;
      if (count < bestCount) {
        best = row;
        bestCount = count;
      }
    }
    return best;
  }

  #start(row: ReloadsTable): void {
    const running: Running = {
      tenantId: row.tenant_id,
      controller: new AbortController(),
      log: [],
      listeners: new Set(),
    };
    this.#running.set(row.id, running);
    const log = this.platform.log.child({
      tenantId: row.tenant_id,
      appId: row.app_id,
      reloadId: row.id,
    });
    log.info('reload started');
    const work = this.#execute(row, running)
      .then(async (outcome) => {
        await this.platform.objects.put(
          row.tenant_id,
          objectIds.reloadLog(row.id),
          Buffer.from(running.log.join('\n'), 'utf8'),
        );
        log.info({ status: outcome.status }, 'reload ended');
        this.#settle(row.id, outcome);
      })
      .catch((error: Error) => {
        log.error({ err: error }, 'reload bookkeeping failed');
        this.#settle(row.id, { success: false, status: 'FAILED', error: 'internal error' });
      })
      .finally(() => {
        this.#running.delete(row.id);
        this.#inFlight.delete(work);
        this.kick();
      });
    this.#inFlight.add(work);
  }

  async #execute(row: ReloadsTable, running: Running): Promise<ReloadOutcome> {
    const db = this.platform.store.db;
    const append = (line: string) => {
      running.log.push(line);
      for (const listener of running.listeners) listener(line);
    };
    try {
      const app = await db
        .selectFrom('apps')
        .selectAll()
        .where('tenant_id', '=', row.tenant_id)
        .where('id', '=', row.app_id)
        .executeTakeFirst();
      if (!app) throw new ReloadFailure('FAILED', 'RELOADS-002', 'the app no longer exists');
      const user = await currentUser(db, row.tenant_id, row.user_id);
      if (!user)
        throw new ReloadFailure(
          'FAILED',
          'RELOADS-004',
          'the user who started the reload is no longer active',
        );
      const script = (await currentScript(this.platform, row.tenant_id, row.app_id)) ?? '';
      const resolver = new ReloadFileResolver(this.platform, app, user);
      append(`Reload started ${nowIso()}`);
      const output = await this.runner(
        {
          reloadId: row.id,
          tenantId: row.tenant_id,
          appId: row.app_id,
          script,
          partial: row.partial === 1,
        },
        {
          readFile: (path) => resolver.readFile(path),
          listFiles: (pattern) => resolver.listFiles(pattern),
          log: append,
          signal: running.controller.signal,
          timeoutMs: this.limits.timeoutMs,
          memoryMb: this.limits.memoryMb,
        },
      );
      await publishReload(this.platform, row, output);
      append('App saved');
      return { success: true, status: 'SUCCEEDED' };
    } catch (error) {
      const failure =
        error instanceof ReloadFailure
          ? error
          : new ReloadFailure('FAILED', 'RELOADS-003', (error as Error).message);
      // Stopped by a shutdown: stop() has put the reload back in the queue; leave it there.
      if (this.#stopped && failure.status === 'CANCELED') {
        return { success: false, status: 'QUEUED', error: 'requeued at shutdown' };
      }
      if (failure.internalDetail) {
        this.platform.log.error(
          { reloadId: row.id, stderr: failure.internalDetail },
          'reload process crashed',
        );
      }
      append(`Error: ${failure.message}`);
      await finishReload(this.platform, row, failure.status, failure.code, failure.message);
      return { success: false, status: failure.status, error: failure.message };
    }
  }

  /** Called with the terminal status of every reload that ends here (metrics). */
  onFinished(listener: (status: string) => void): () => void {
    this.#finishedListeners.add(listener);
    return () => this.#finishedListeners.delete(listener);
  }

  #settle(reloadId: string, outcome: ReloadOutcome): void {
    if (outcome.status !== 'QUEUED') {
      for (const listener of this.#finishedListeners) listener(outcome.status);
    }
    for (const waiter of this.#waiters.get(reloadId) ?? []) waiter(outcome);
    this.#waiters.delete(reloadId);
  }

  /** Cancels a queued reload at once, or stops a running one (status CANCELING until it ends). */
  async cancel(row: ReloadsTable): Promise<'CANCELED' | 'CANCELING'> {
    const db = this.platform.store.db;
    if (row.status === 'QUEUED') {
      const done = await db
        .updateTable('reloads')
        .set({
          status: 'CANCELED',
          end_time: nowIso(),
          error_code: 'RELOADS-008',
          error_message: 'the reload was canceled',
        })
        .where('id', '=', row.id)
        .where('status', '=', 'QUEUED')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1) {
        this.#settle(row.id, { success: false, status: 'CANCELED', error: 'canceled' });
        return 'CANCELED';
      }
    }
    const running = this.#running.get(row.id);
    if (!running) throw new ApiError('RELOADS-002', `reload ${row.id} has already finished`);
    await db
      .updateTable('reloads')
      .set({ status: 'CANCELING' })
      .where('id', '=', row.id)
      .where('status', '=', 'RELOADING')
      .execute();
    running.controller.abort();
    return 'CANCELING';
  }

  /** The log so far of a running reload; null when it is not running here. */
  liveLog(reloadId: string): string | null {
    return this.#running.get(reloadId)?.log.join('\n') ?? null;
  }

  onLog(reloadId: string, listener: (line: string) => void): () => void {
    const running = this.#running.get(reloadId);
    running?.listeners.add(listener);
    return () => running?.listeners.delete(listener);
  }

  /** Settles when the reload ends (immediately for one that already has). */
  async waitFor(reloadId: string): Promise<ReloadOutcome> {
    const row = await this.platform.store.db
      .selectFrom('reloads')
      .select(['status', 'error_message'])
      .where('id', '=', reloadId)
      .executeTakeFirst();
    if (row && !['QUEUED', 'RELOADING', 'CANCELING'].includes(row.status)) {
      return {
        success: row.status === 'SUCCEEDED',
        status: row.status,
        ...(row.error_message ? { error: row.error_message } : {}),
      };
    }
    return new Promise((resolve) => {
      const list = this.#waiters.get(reloadId) ?? [];
      list.push(resolve);
      this.#waiters.set(reloadId, list);
    });
  }

  /**
   * At start-up: reloads that were running when the last process died cannot be resumed (their
   * child is gone); they end FAILED and the app keeps serving its last published version.
   */
  async recover(): Promise<number> {
    const result = await this.platform.store.db
      .updateTable('reloads')
      .set({
        status: 'FAILED',
        end_time: nowIso(),
        error_code: 'RELOADS-009',
        error_message: 'the server stopped during the reload',
      })
      .where('status', 'in', ['RELOADING', 'CANCELING'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** SIGTERM: take no more work; running reloads are stopped and put back in the queue. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const ids = [...this.#running.keys()];
    for (const running of this.#running.values()) running.controller.abort();
    if (ids.length > 0) {
      await this.platform.store.db
        .updateTable('reloads')
        .set({ status: 'QUEUED', start_time: null })
        .where('id', 'in', ids)
        .execute();
    }
    await Promise.allSettled([...this.#inFlight]);
  }
}
