import type { Inference } from '../inference/inference.js';
import { SymbolState } from '../inference/symbol-state.js';
import type { DataModel, ModelField } from '../model/data-model.js';
import { type FieldSearchOptions, searchField } from '../search/field-search.js';
import { SelectionError } from './selection-error.js';
import { SelectionHistory, type SelectionSnapshot } from './selection-history.js';
import type { SelectionView } from './selection-view.js';
import { hashText } from './state-hash.js';

/** A field is named by its name or its index in `model.fields`. */
export type FieldRef = string | number;

/** How `select` combines the given symbols with the field's current selection. */
export type SelectMode = 'replace' | 'toggle' | 'add' | 'remove';

/** One field's selection as `qSelectionObject` lists it. */
export interface CurrentSelection {
  readonly field: number;
  readonly name: string;
  readonly symbols: readonly number[];
  readonly locked: boolean;
  /** Order in which fields got their selection (`qSortIndex`). */
  readonly sortIndex: number;
}

/**
 * One session's selections in one model (per alternate state). Every change that alters the
 * selections is a history entry. Locked fields refuse changes: those calls return false and
 * change nothing, as Qlik answers `{qSuccess:false}` (research/engine-protocol.md §3.9).
 */
export class SelectionState implements SelectionView {
  private selections = new Map<number, readonly number[]>();
  private readonly order = new Map<number, number>();
  private readonly locks = new Set<number>();
  private readonly history: SelectionHistory;
  private nextOrder = 0;
  private cachedHash: string | undefined;
  /** Increases on every change (selections or locks); cheap change detection for callers. */
  version = 0;

  constructor(readonly model: DataModel) {
    this.history = new SelectionHistory(this.selections);
  }

  selectedFields(): readonly number[] {
    return [...this.selections.keys()].sort((a, b) => a - b);
  }

  selectedSymbols(field: FieldRef): readonly number[] {
    return this.selections.get(this.field(field).index) ?? [];
  }

  isLocked(field: FieldRef): boolean {
    return this.locks.has(this.field(field).index);
  }

  get backCount(): number {
    return this.history.backCount;
  }

  get forwardCount(): number {
    return this.history.forwardCount;
  }

  /** Selects symbol indexes of a field; an empty result clears the field. */
  select(field: FieldRef, symbols: Iterable<number>, mode: SelectMode = 'replace'): boolean {
    const target = this.field(field);
    if (this.locks.has(target.index)) return false;
    const given = new Set<number>();
    for (const symbol of symbols) {
      if (!Number.isInteger(symbol) || symbol < 0 || symbol >= target.symbols.size) {
        throw new SelectionError(
          'SELECTION_BAD_SYMBOL',
          `field "${target.name}" has no symbol ${symbol} (it holds ${target.symbols.size})`,
        );
      }
      given.add(symbol);
    }
    const current = new Set(this.selections.get(target.index) ?? []);
    let next: Set<number>;
    if (mode === 'replace') next = given;
    else if (mode === 'add') next = new Set([...current, ...given]);
    else if (mode === 'remove') next = new Set([...current].filter((s) => !given.has(s)));
    else {
      next = current;
      for (const symbol of given) {
        if (next.has(symbol)) next.delete(symbol);
        else next.add(symbol);
      }
    }
    this.commit(new Map([[target.index, [...next].sort((a, b) => a - b)]]));
    return true;
  }

  toggle(field: FieldRef, symbols: Iterable<number>): boolean {
    return this.select(field, symbols, 'toggle');
  }

  /**
   * Selects the values a search string matches (wildcards, `>=10<20`, `=expression`); false,
   * and no change, when the field is locked or nothing matches.
   */
  selectMatch(
    field: FieldRef,
    search: string,
    options: FieldSearchOptions & { mode?: SelectMode } = {},
  ): boolean {
    const target = this.field(field);
    if (this.locks.has(target.index)) return false;
    const matches = searchField(target, search, options);
    // A search that matches nothing selects nothing and leaves the field as it was.
    if (matches.length === 0) return false;
    return this.select(target.index, matches, options.mode);
  }

  /** Selects the selected and optional values (Qlik's "select possible"). */
  selectPossible(field: FieldRef, inference: Inference): boolean {
    return this.selectInStates(field, inference, [
      SymbolState.selected,
      SymbolState.optional,
      SymbolState.locked,
    ]);
  }

  /** Replaces the field's selection by its alternative values. */
  selectAlternative(field: FieldRef, inference: Inference): boolean {
    return this.selectInStates(field, inference, [SymbolState.alternative]);
  }

  /** Selects every value not currently possible: alternatives and excluded (Qlik's inverse). */
  selectExcluded(field: FieldRef, inference: Inference): boolean {
    return this.selectInStates(field, inference, [
      SymbolState.alternative,
      SymbolState.excluded,
      SymbolState.excludedSelected,
    ]);
  }

  selectAll(field: FieldRef): boolean {
    const target = this.field(field);
    return this.select(target.index, range(target.symbols.size));
  }

  clear(field: FieldRef): boolean {
    return this.select(field, []);
  }

  /** Clears every field; locked fields keep their selection unless `lockedAlso`. */
  clearAll(lockedAlso = false): boolean {
    const changes = new Map<number, readonly number[]>();
    for (const field of this.selections.keys()) {
      if (lockedAlso || !this.locks.has(field)) changes.set(field, []);
    }
    if (lockedAlso) this.locks.clear();
    this.commit(changes);
    return true;
  }

  lock(field: FieldRef): boolean {
    this.locks.add(this.field(field).index);
    this.changed();
    return true;
  }

  unlock(field: FieldRef): boolean {
    this.locks.delete(this.field(field).index);
    this.changed();
    return true;
  }

  /** Locks every field that has a selection (Qlik's LockAll). */
  lockAll(): void {
    for (const field of this.selections.keys()) this.locks.add(field);
    this.changed();
  }

  unlockAll(): void {
    this.locks.clear();
    this.changed();
  }

  /**
   * Steps back in history. Locked fields keep their current selection: a lock protects a field
   * from every other change, so it protects it from history too.
   */
  back(): boolean {
    const entry = this.history.back();
    if (entry === undefined) return false;
    this.restoreEntry(entry);
    return true;
  }

  forward(): boolean {
    const entry = this.history.forward();
    if (entry === undefined) return false;
    this.restoreEntry(entry);
    return true;
  }

  /** The current selections without history, e.g. to restore after a cancelled modal edit. */
  snapshot(): SelectionSnapshot {
    return this.selections;
  }

  /** Replaces all unlocked selections by a snapshot, as one history entry. */
  restore(snapshot: SelectionSnapshot): void {
    const changes = new Map<number, readonly number[]>();
    for (const field of this.selections.keys()) changes.set(field, []);
    for (const [field, symbols] of snapshot) changes.set(field, symbols);
    for (const field of this.locks) changes.delete(field);
    this.commit(changes);
  }

  /** A copy with the same selections and locks and an empty history (for set analysis). */
  clone(): SelectionState {
    const copy = new SelectionState(this.model);
    copy.selections = new Map(this.selections);
    for (const [field, order] of this.order) copy.order.set(field, order);
    for (const field of this.locks) copy.locks.add(field);
    copy.nextOrder = this.nextOrder;
    copy.history.push(copy.selections);
    return copy;
  }

  /** Fields with a selection in the order they were selected (`qSelectionObject`). */
  currentSelections(): CurrentSelection[] {
    return [...this.selections]
      .map(([field, symbols]) => ({
        field,
        name: this.model.fields[field]?.name ?? '',
        symbols,
        locked: this.locks.has(field),
        sortIndex: this.order.get(field) ?? 0,
      }))
      .sort((a, b) => a.sortIndex - b.sortIndex);
  }

  /**
   * A stable key for caches: equal selections and locks in the same model give the same hash in
   * every process. Selection order and history do not take part, since they change no result.
   */
  hash(): string {
    if (this.cachedHash === undefined) {
      const parts: string[] = [this.model.id];
      for (const field of this.selectedFields()) {
        const lock = this.locks.has(field) ? 'L' : '';
        parts.push(`${field}${lock}:${(this.selections.get(field) ?? []).join(',')}`);
      }
      for (const field of [...this.locks].sort((a, b) => a - b)) parts.push(`L${field}`);
      this.cachedHash = hashText(parts.join('|'));
    }
    return this.cachedHash;
  }

  private selectInStates(
    field: FieldRef,
    inference: Inference,
    states: readonly number[],
  ): boolean {
    const target = this.field(field);
    if (inference.modelId !== this.model.id) {
      throw new SelectionError(
        'SELECTION_WRONG_MODEL',
        `inference of model ${inference.modelId} used with a selection state of model ${this.model.id}`,
      );
    }
    const codes = inference.fields[target.index]?.states ?? new Uint8Array(0);
    const symbols: number[] = [];
    for (let s = 0; s < target.symbols.size; s++) {
      if (states.includes(codes[s + 1] ?? SymbolState.excluded)) symbols.push(s);
    }
    return this.select(target.index, symbols);
  }

  private commit(changes: ReadonlyMap<number, readonly number[]>): void {
    const next = new Map(this.selections);
    for (const [field, symbols] of changes) {
      if (symbols.length === 0) {
        next.delete(field);
        this.order.delete(field);
      } else {
        if (!this.order.has(field) || !sameSymbols(next.get(field), symbols)) {
          this.order.set(field, this.nextOrder++);
        }
        next.set(field, Object.freeze([...symbols]));
      }
    }
    this.selections = next;
    this.history.push(next);
    this.changed();
  }

  private restoreEntry(entry: SelectionSnapshot): void {
    const next = new Map(entry);
    for (const field of this.locks) {
      const current = this.selections.get(field);
      if (current === undefined) next.delete(field);
      else next.set(field, current);
    }
    for (const field of this.order.keys()) if (!next.has(field)) this.order.delete(field);
    for (const field of next.keys())
      if (!this.order.has(field)) this.order.set(field, this.nextOrder++);
    this.selections = next;
    this.changed();
  }

  private changed(): void {
    this.cachedHash = undefined;
    this.version++;
  }

  private field(ref: FieldRef): ModelField {
    const field = typeof ref === 'number' ? this.model.fields[ref] : this.model.fieldByName(ref);
    if (field === undefined) {
      throw new SelectionError('SELECTION_UNKNOWN_FIELD', `the model has no field "${ref}"`);
    }
    return field;
  }
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function sameSymbols(a: readonly number[] | undefined, b: readonly number[]): boolean {
  return a !== undefined && a.length === b.length && a.every((s, i) => s === b[i]);
}
