/**
 * Calculation results memoised by a fingerprint of everything they depend on: the model, the
 * selection state, the object definition and the user's data reduction (research/performance.md
 * §1.4). The server holds one per app and shares it across the app's sessions, so a state any
 * user already reached answers from memory. Least-recently-used entries go first; the budget
 * counts entries, and each entry's rough cost in cells lets large results count for more.
 */
export class ResultCache {
  private readonly entries = new Map<string, { value: unknown; cost: number }>();
  private used = 0;
  hits = 0;
  misses = 0;

  /** `budget` in cost units (about one per cell of a result). */
  constructor(private readonly budget = 2_000_000) {}

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    // Re-inserting moves the entry to the young end of the Map's insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.value as T;
  }

  set(key: string, value: unknown, cost = 1): void {
    const existing = this.entries.get(key);
    if (existing) {
      this.used -= existing.cost;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, cost });
    this.used += cost;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.budget || this.entries.size === 1) break;
      this.entries.delete(oldest);
      this.used -= entry.cost;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}

/** The cache key of one calculation (`kind` names what is cached: layout, cube rows, ...). */
export function resultKey(
  kind: string,
  modelId: string,
  stateHash: string,
  definition: string,
  dataReductionKey = '',
): string {
  // The full definition, not a hash of it: two definitions must never share an entry.
  return `${kind}|${modelId}|${stateHash}|${dataReductionKey}|${definition}`;
}

const fingerprints = new WeakMap<object, string>();

/**
 * The parts of a calculation context besides model and state that change results: the app's
 * variables (bare names in expressions read them) and the locale (texts of numbers and dates).
 * Computed once per context object.
 */
export function contextFingerprint(ctx: {
  readonly variables: ReadonlyMap<string, string>;
  readonly locale: unknown;
}): string {
  let fingerprint = fingerprints.get(ctx);
  if (fingerprint === undefined) {
    fingerprint = JSON.stringify([[...ctx.variables], ctx.locale]);
    fingerprints.set(ctx, fingerprint);
  }
  return fingerprint;
}
