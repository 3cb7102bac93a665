import type { DataModel } from '@cairn/engine';
import type { FastifyBaseLogger } from 'fastify';
import type { Calculator } from '../calc/calculator.js';

/**
 * Loaded data models, one per (tenant, app, version), shared by every session of that version.
 * Under the memory budget (CAIRN_ENGINE_MEMORY_MB) idle models, those no session holds, are
 * unloaded least recently used first; a model in use is never unloaded, so the budget can be
 * exceeded while many apps are open at once (logged).
 */
interface Entry {
  readonly key: string;
  readonly loading: Promise<Calculator | null>;
  bytes: number;
  holders: number;
  lastUsed: number;
}

export interface ModelLease {
  readonly calculator: Calculator | null;
  release(): void;
}

/** Rough resident size: code arrays plus ~48 bytes per symbol (text, number, hash slot). */
export function estimateModelBytes(model: DataModel): number {
  let bytes = 0;
  for (const table of model.tables) {
    for (const column of table.columns) bytes += column.codes.byteLength;
  }
  for (const field of model.fields) bytes += field.symbols.size * 48;
  return bytes;
}

export class AppRegistry {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly createCalculator: (model: DataModel) => Calculator,
    private readonly logger: FastifyBaseLogger,
  ) {}

  async acquire(
    tenantId: string,
    appId: string,
    version: string,
    load: () => Promise<DataModel | null>,
  ): Promise<ModelLease> {
    const key = `${tenantId}\u0000${appId}\u0000${version}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const loading = load().then((model) => (model ? this.createCalculator(model) : null));
      const created: Entry = { key, loading, bytes: 0, holders: 0, lastUsed: 0 };
      entry = created;
      this.entries.set(key, created);
      loading.then(
        (calc) => {
          created.bytes = calc ? estimateModelBytes(calc.model) : 0;
          this.evict();
        },
        () => this.entries.delete(key),
      );
    }
    entry.holders++;
    entry.lastUsed = ++this.clock;
    const held = entry;
    let released = false;
    try {
      const calculator = await held.loading;
      return {
        calculator,
        release: () => {
          if (released) return;
          released = true;
          held.holders--;
          held.lastUsed = ++this.clock;
          this.evict();
        },
      };
    } catch (error) {
      held.holders--;
      throw error;
    }
  }

  /** Bytes of all loaded models (in use or idle). */
  get residentBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    return total;
  }

  get loadedCount(): number {
    return this.entries.size;
  }

  private evict(): void {
    let resident = this.residentBytes;
    if (resident <= this.budgetBytes) return;
    const idle = [...this.entries.values()]
      .filter((e) => e.holders === 0 && e.bytes > 0)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    for (const entry of idle) {
      if (resident <= this.budgetBytes) break;
      this.entries.delete(entry.key);
      resident -= entry.bytes;
      this.logger.info({ bytes: entry.bytes }, 'engine model unloaded (memory budget)');
    }
    if (resident > this.budgetBytes) {
      this.logger.warn({ resident, budget: this.budgetBytes }, 'engine memory budget exceeded');
    }
  }
}
