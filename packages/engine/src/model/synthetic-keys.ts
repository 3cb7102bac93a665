import { allocateCodes } from './code-buffer.js';
import type { CodeArray, ModelWarning } from './data-model.js';
import type { Draft, DraftTable } from './draft.js';
import { SymbolKind, SymbolTableData } from './symbol-table.js';

/**
 * Replaces every set of two or more fields that tables share by a synthetic key, as Qlik does
 * (research/script-qvd.md §4.7): a table `$Syn n` holds the distinct combinations of the shared
 * fields plus a key field `$Syn n`, and each table holding all of them keeps only the key. The
 * largest shared set goes first; a `$Syn` table can itself share fields later, so keys chain.
 * A row whose shared fields are all null gets a null key (it associates with nothing).
 */
export function addSyntheticKeys(draft: Draft): ModelWarning[] {
  const warnings: ModelWarning[] = [];
  const taken = new Set([...draft.tables.map((t) => t.name), ...draft.fields.map((f) => f.name)]);
  for (let n = 1; ; n++) {
    const shared = largestSharedSet(draft.tables);
    if (shared === null) return warnings;
    const holders = draft.tables.filter((t) => shared.every((f) => t.fields.includes(f)));
    // A loaded table or field may already be called `$Syn n`; skip to the next free number.
    while (taken.has(`$Syn ${n}`)) n++;
    const name = `$Syn ${n}`;
    taken.add(name);
    const fieldIndex = draft.fields.length;
    const combos = new ComboIndex(shared.map((f) => draft.fields[f]?.symbols.size ?? 0));
    for (const table of holders) {
      const keyCodes = keyColumn(table, shared, combos);
      const first = Math.min(...shared.map((f) => table.fields.indexOf(f)));
      const keep = table.fields.map((f) => !shared.includes(f));
      const fields = table.fields.filter((_, i) => keep[i]);
      const codes = table.codes.filter((_, i) => keep[i]);
      const at = table.fields.slice(0, first).filter((f) => !shared.includes(f)).length;
      fields.splice(at, 0, fieldIndex);
      codes.splice(at, 0, keyCodes);
      table.fields = fields;
      table.codes = codes;
    }
    draft.fields.push({
      name,
      symbols: keySymbols(combos.count),
      tags: new Set(['$key', '$numeric', '$integer', '$hidden', '$synthetic']),
      comment: '',
      isSystem: true,
    });
    draft.tables.push(synTable(name, fieldIndex, shared, combos));
    const fieldNames = shared.map((f) => draft.fields[f]?.name ?? '');
    const tableNames = holders.map((t) => t.name);
    warnings.push({
      code: 'SYNTHETIC_KEY',
      message: `synthetic key ${name} created for fields ${fieldNames.join(', ')} shared by tables ${tableNames.join(', ')}`,
      tables: tableNames,
    });
  }
}

/** The largest set of fields two tables share (ties: the earliest pair), or null if none > 1. */
function largestSharedSet(tables: readonly DraftTable[]): number[] | null {
  let best: number[] | null = null;
  for (let i = 0; i < tables.length; i++) {
    const a = tables[i] as DraftTable;
    for (let j = i + 1; j < tables.length; j++) {
      const b = tables[j] as DraftTable;
      const shared = a.fields.filter((f) => b.fields.includes(f));
      if (shared.length > 1 && (best === null || shared.length > best.length)) best = shared;
    }
  }
  return best;
}

/**
 * Assigns key codes 1..k to distinct combinations of codes, in order of first appearance. A
 * combination is keyed by one number (mixed radix over the fields' code ranges) when that fits
 * in 2^53, so the common case allocates nothing per row.
 */
class ComboIndex {
  readonly rows: number[][] = [];
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  private readonly radixes: number[];
  private readonly numeric: boolean;

  constructor(fieldSizes: readonly number[]) {
    this.radixes = fieldSizes.map((size) => size + 1);
    this.numeric = this.radixes.reduce((product, radix) => product * radix, 1) < 2 ** 53;
  }

  get count(): number {
    return this.rows.length;
  }

  code(columns: readonly CodeArray[], row: number): number {
    if (this.numeric) {
      let key = 0;
      for (let c = 0; c < columns.length; c++) {
        key = key * (this.radixes[c] as number) + ((columns[c] as CodeArray)[row] as number);
      }
      const known = this.byNumber.get(key);
      if (known !== undefined) return known;
      this.byNumber.set(key, this.rows.length + 1);
    } else {
      const key = columns.map((codes) => codes[row]).join(',');
      const known = this.byText.get(key);
      if (known !== undefined) return known;
      this.byText.set(key, this.rows.length + 1);
    }
    this.rows.push(columns.map((codes) => codes[row] as number));
    return this.rows.length;
  }
}

function keyColumn(table: DraftTable, shared: readonly number[], combos: ComboIndex): CodeArray {
  const columns = shared.map((f) => table.codes[table.fields.indexOf(f)] as CodeArray);
  const keys = new Uint32Array(table.rowCount);
  for (let row = 0; row < table.rowCount; row++) {
    let allNull = true;
    for (const codes of columns) if (codes[row] !== 0) allNull = false;
    if (!allNull) keys[row] = combos.code(columns, row);
  }
  // Narrowed later, once the key field's final symbol count is known.
  return keys;
}

function keySymbols(count: number): SymbolTableData {
  const nums = new Float64Array(count);
  for (let i = 0; i < count; i++) nums[i] = i + 1;
  return new SymbolTableData(
    nums,
    new Array<null>(count).fill(null),
    new Uint8Array(count).fill(SymbolKind.number),
  );
}

function synTable(
  name: string,
  keyField: number,
  shared: readonly number[],
  combos: ComboIndex,
): DraftTable {
  const rowCount = combos.count;
  const keyCodes = new Uint32Array(rowCount);
  const columns = shared.map(() => new Uint32Array(rowCount));
  combos.rows.forEach((parts, row) => {
    keyCodes[row] = row + 1;
    parts.forEach((code, c) => {
      (columns[c] as Uint32Array)[row] = code;
    });
  });
  return {
    name,
    rowCount,
    fields: [...shared, keyField],
    codes: [...columns, keyCodes],
    isSynthetic: true,
    isLooselyCoupled: false,
    comment: '',
  };
}

/** Narrows every column to the storage rule once all symbol counts are final. */
export function narrowColumns(draft: Draft): void {
  for (const table of draft.tables) {
    table.codes = table.codes.map((codes, i) => {
      const size = draft.fields[table.fields[i] as number]?.symbols.size ?? 0;
      const exact = allocateCodes(0, size);
      if (exact.constructor === codes.constructor) return codes;
      const out = allocateCodes(codes.length, size);
      out.set(codes);
      return out;
    });
  }
}
