/**
 * One socket's handles (engine-protocol.md §3.11): -1 is Global, others are numbered from 1 in
 * the order objects are opened. Getting the same object twice returns the same handle, since
 * enigma caches its API objects by handle. `valid` is the change-notification bit (§1.6): set by
 * GetLayout, cleared (and reported once) when the layout may have changed.
 */
export type HandleClass =
  | 'Global'
  | 'Doc'
  | 'GenericObject'
  | 'Field'
  | 'GenericVariable'
  | 'GenericDimension'
  | 'GenericMeasure'
  | 'GenericBookmark';

export interface HandleEntry {
  readonly handle: number;
  readonly cls: HandleClass;
  /** Object id, field name, or app id for the Doc. */
  readonly id: string;
  valid: boolean;
}

export const GLOBAL_HANDLE = -1;

export class HandleTable {
  private readonly byHandle = new Map<number, HandleEntry>();
  private readonly byTarget = new Map<string, HandleEntry>();
  private next = 1;

  constructor() {
    this.byHandle.set(GLOBAL_HANDLE, { handle: GLOBAL_HANDLE, cls: 'Global', id: '', valid: true });
  }

  get(handle: number): HandleEntry | undefined {
    return this.byHandle.get(handle);
  }

  find(cls: HandleClass, id: string): HandleEntry | undefined {
    return this.byTarget.get(`${cls}\u0000${id}`);
  }

  open(cls: HandleClass, id: string): HandleEntry {
    const existing = this.find(cls, id);
    if (existing) return existing;
    const entry: HandleEntry = { handle: this.next++, cls, id, valid: false };
    this.byHandle.set(entry.handle, entry);
    this.byTarget.set(`${cls}\u0000${id}`, entry);
    return entry;
  }

  close(handle: number): HandleEntry | undefined {
    const entry = this.byHandle.get(handle);
    if (!entry || handle === GLOBAL_HANDLE) return undefined;
    this.byHandle.delete(handle);
    this.byTarget.delete(`${entry.cls}\u0000${entry.id}`);
    return entry;
  }

  /** Every handle except Global. */
  entries(): HandleEntry[] {
    return [...this.byHandle.values()].filter((e) => e.handle !== GLOBAL_HANDLE);
  }

  get size(): number {
    return this.byHandle.size - 1;
  }
}
