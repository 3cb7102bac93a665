import {
  type DataModel,
  type Inference,
  infer,
  type SelectionSnapshot,
  SelectionState,
  searchField,
} from '@cairn/engine';
import type { Selections, SelectVerb } from './calculator.js';

/**
 * `Selections` over the engine's `SelectionState`, with the inference of the current state
 * memoised by the state's hash (the verbs possible / alternative / excluded need it, and so does
 * every layout computed afterwards).
 */
export class EngineSelections implements Selections {
  readonly state: SelectionState;
  private inferred: Inference | null = null;

  constructor(readonly model: DataModel) {
    this.state = new SelectionState(model);
  }

  inference(): Inference {
    if (!this.inferred || this.inferred.stateHash !== this.state.hash()) {
      this.inferred = infer(this.model, this.state);
    }
    return this.inferred;
  }

  private has(field: string): boolean {
    return this.model.fieldByName(field) !== undefined;
  }

  selectValues(field: string, symbols: readonly number[], toggle: boolean): boolean {
    if (!this.has(field)) return false;
    const size = this.model.fieldByName(field)?.symbols.size ?? 0;
    const valid = symbols.filter((s) => Number.isInteger(s) && s >= 0 && s < size);
    return this.state.select(field, valid, toggle ? 'toggle' : 'replace');
  }

  selectMatch(field: string, match: string, toggle: boolean): boolean {
    const target = this.model.fieldByName(field);
    if (!target) return false;
    const symbols = searchField(target, match, { textMode: 'exact' });
    if (symbols.length === 0) return false;
    return this.state.select(field, symbols, toggle ? 'toggle' : 'replace');
  }

  selectVerb(field: string, verb: SelectVerb): boolean {
    if (!this.has(field)) return false;
    switch (verb) {
      case 'all':
        return this.state.selectAll(field);
      case 'possible':
        return this.state.selectPossible(field, this.inference());
      case 'alternative':
        return this.state.selectAlternative(field, this.inference());
      case 'excluded':
        return this.state.selectExcluded(field, this.inference());
      default: {
        const unknown: never = verb;
        return unknown;
      }
    }
  }

  clearField(field: string): boolean {
    return this.has(field) ? this.state.clear(field) : false;
  }

  clearAll(lockedAlso: boolean): void {
    this.state.clearAll(lockedAlso);
  }

  lock(field: string | null): void {
    if (field === null) this.state.lockAll();
    else if (this.has(field)) this.state.lock(field);
  }

  unlock(field: string | null): void {
    if (field === null) this.state.unlockAll();
    else if (this.has(field)) this.state.unlock(field);
  }

  back(): void {
    this.state.back();
  }

  forward(): void {
    this.state.forward();
  }

  get backCount(): number {
    return this.state.backCount;
  }

  get forwardCount(): number {
    return this.state.forwardCount;
  }

  selected(field: string): readonly number[] {
    return this.has(field) ? this.state.selectedSymbols(field) : [];
  }

  snapshot(): unknown {
    return this.state.snapshot();
  }

  restore(snapshot: unknown): void {
    this.state.restore(snapshot as SelectionSnapshot);
  }

  hash(): string {
    return this.state.hash();
  }
}
