/** Selections of every field with a selection: field index → ascending symbol indexes. */
export type SelectionSnapshot = ReadonlyMap<number, readonly number[]>;

/**
 * Back/forward history of one selection state (research/engine-protocol.md §3.6): every change
 * pushes an entry and drops the forward entries; back and forward move the cursor.
 */
export class SelectionHistory {
  private readonly entries: SelectionSnapshot[];
  private cursor = 0;

  constructor(initial: SelectionSnapshot) {
    this.entries = [initial];
  }

  get backCount(): number {
    return this.cursor;
  }

  get forwardCount(): number {
    return this.entries.length - 1 - this.cursor;
  }

  push(snapshot: SelectionSnapshot): void {
    this.entries.length = this.cursor + 1;
    this.entries.push(snapshot);
    this.cursor++;
  }

  back(): SelectionSnapshot | undefined {
    if (this.cursor === 0) return undefined;
    this.cursor--;
    return this.entries[this.cursor];
  }

  forward(): SelectionSnapshot | undefined {
    if (this.cursor >= this.entries.length - 1) return undefined;
    this.cursor++;
    return this.entries[this.cursor];
  }
}
