import {
  type Expression,
  numOf,
  type RowFunctionCall,
  type RowFunctionHost,
  textOf,
  type Value,
} from '@cairn/engine';
import { FieldValueIndex, identityOf } from './field-value-index.js';
import { fileBaseNameOf, fileNameOf } from './paths.js';
import type { ReloadContext } from './reload-context.js';
import type { ScriptTable } from './script-table.js';

/** What the LOAD being run tells the row functions; all zero/null outside a LOAD. */
export interface LoadRowState {
  recNo: number;
  rowNo: number;
  iterNo: number;
  /** The table being built (Peek's default table, and rows Exists must see). */
  output: ScriptTable | null;
  /** Evaluates an expression on the previous source record, or null on the first. */
  previous: ((expression: Expression) => Value) | null;
  filePath: string | null;
  /** Bytes of the file being read (FileSize()). */
  fileSize: number | null;
}

export function emptyRowState(): LoadRowState {
  return {
    recNo: 0,
    rowNo: 0,
    iterNo: 0,
    output: null,
    previous: null,
    filePath: null,
    fileSize: null,
  };
}

const NAMES = [
  'recno',
  'rowno',
  'iterno',
  'peek',
  'previous',
  'exists',
  'fieldvalue',
  'fieldvaluecount',
  'noofrows',
  'nooffields',
  'nooftables',
  'tablename',
  'tablenumber',
  'fieldname',
  'fieldnumber',
  'applymap',
  'mapsubstring',
  'autonumber',
  'autonumberhash128',
  'autonumberhash256',
  'filedir',
  'filesize',
  'filename',
  'filebasename',
  'fileextension',
  'filepath',
] as const;

/**
 * The script-only functions that need interpreter state (inter-record, table, mapping and file
 * functions), answered through the engine evaluator's row-function hook.
 */
export class ScriptRowFunctions implements RowFunctionHost {
  readonly names: ReadonlySet<string> = new Set(NAMES);
  private readonly fieldValues: FieldValueIndex;

  constructor(
    private readonly context: ReloadContext,
    readonly state: LoadRowState,
  ) {
    this.fieldValues = new FieldValueIndex(context);
  }

  call(call: RowFunctionCall): Value {
    const arg = (i: number): Value => {
      const expression = call.args[i];
      return expression === undefined ? null : call.evaluate(expression);
    };
    const text = (i: number): string => textOf(arg(i)) ?? '';
    // A field-name argument may be written unquoted (`Exists(Id)`): take the name, not its value.
    const fieldName = (i: number): string => {
      const expression = call.args[i];
      return expression?.kind === 'field' ? expression.name : text(i);
    };
    const { state, context } = this;
    switch (call.name as (typeof NAMES)[number]) {
      case 'recno':
        return state.recNo;
      case 'rowno':
        return state.rowNo;
      case 'iterno':
        return state.iterNo;
      case 'peek':
        return this.peek(
          fieldName(0),
          call.args.length > 1 ? numOf(arg(1)) : -1,
          call.args.length > 2 ? text(2) : null,
        );
      case 'previous': {
        const expression = call.args[0];
        return expression === undefined || state.previous === null
          ? null
          : state.previous(expression);
      }
      case 'exists': {
        const value = call.args.length > 1 ? arg(1) : this.currentValue(call, text);
        return value !== null && this.fieldValues.exists(fieldName(0), value, state.output)
          ? -1
          : 0;
      }
      case 'fieldvalue': {
        return this.fieldValues.values(fieldName(0), state.output)[numOf(arg(1)) - 1] ?? null;
      }
      case 'fieldvaluecount':
        return this.fieldValues.values(fieldName(0), state.output).length;
      case 'noofrows':
        return context.tables.get(text(0))?.rowCount ?? null;
      case 'nooffields':
        return context.tables.get(text(0))?.columns.length ?? null;
      case 'nooftables':
        return context.tables.size;
      case 'tablename':
        return [...context.tables.keys()][numOf(arg(0))] ?? null;
      case 'tablenumber': {
        const index = [...context.tables.keys()].indexOf(text(0));
        return index < 0 ? null : index;
      }
      case 'fieldname':
        return context.tables.get(text(1))?.columns[numOf(arg(0)) - 1]?.name ?? null;
      case 'fieldnumber': {
        const table = context.tables.get(text(1));
        const index = table?.fieldNames.indexOf(text(0)) ?? -1;
        return index < 0 ? 0 : index + 1;
      }
      case 'applymap':
        return this.applyMap(text(0), arg(1), call.args.length > 2 ? arg(2) : undefined);
      case 'mapsubstring':
        return this.mapSubstring(text(0), text(1));
      case 'autonumber':
        return this.autoNumber(arg(0), call.args.length > 1 ? text(1) : '');
      case 'autonumberhash128':
      case 'autonumberhash256': {
        // One counter per function, keyed by the argument texts together (as Qlik hashes them).
        const key = call.args.map((_, i) => text(i)).join('\u0000');
        return this.autoNumber(key, `\u0000${call.name}`);
      }
      case 'filedir':
        return state.filePath === null
          ? null
          : state.filePath.slice(0, state.filePath.lastIndexOf('/'));
      case 'filesize':
        return state.fileSize;
      case 'filename':
        return state.filePath === null ? null : fileNameOf(state.filePath);
      case 'filebasename':
        return state.filePath === null ? null : fileBaseNameOf(state.filePath);
      case 'fileextension': {
        const name = state.filePath === null ? null : fileNameOf(state.filePath);
        return name === null
          ? null
          : name.includes('.')
            ? name.slice(name.lastIndexOf('.') + 1)
            : '';
      }
      case 'filepath':
        return state.filePath;
    }
  }

  /** `Exists(F)` alone tests the current row's value of F. */
  private currentValue(call: RowFunctionCall, text: (i: number) => string): Value {
    const first = call.args[0];
    if (first?.kind === 'field') return call.evaluate(first);
    return text(0);
  }

  /** `Peek(field [, row [, table]])`: row 0 is the first, -1 the last. */
  private peek(field: string, row: number, tableName: string | null): Value {
    const table =
      tableName !== null
        ? this.context.tables.get(tableName)
        : (this.state.output ??
          (this.context.lastTable === null
            ? undefined
            : this.context.tables.get(this.context.lastTable)));
    if (table === undefined || !Number.isInteger(row)) return null;
    const index = row < 0 ? table.rowCount + row : row;
    if (index < 0 || index >= table.rowCount) return null;
    return table.valueAt(field, index);
  }

  private applyMap(name: string, value: Value, fallback: Value | undefined): Value {
    const mapping = this.context.mappings.get(name);
    if (mapping === undefined)
      throw this.context.error('MAPPING_NOT_FOUND', `mapping table "${name}" not found`);
    const key = textOf(value);
    const mapped = key === null ? undefined : mapping.get(key);
    if (mapped !== undefined) return mapped;
    return fallback === undefined ? value : fallback;
  }

  /** Replaces every key occurrence left to right; replaced text is not scanned again. */
  private mapSubstring(name: string, text: string): Value {
    const mapping = this.context.mappings.get(name);
    if (mapping === undefined)
      throw this.context.error('MAPPING_NOT_FOUND', `mapping table "${name}" not found`);
    const keys = [...mapping.keys()]
      .filter((key) => key !== '')
      .sort((a, b) => b.length - a.length);
    let out = '';
    let i = 0;
    outer: while (i < text.length) {
      for (const key of keys) {
        if (text.startsWith(key, i)) {
          out += textOf(mapping.get(key) ?? null) ?? '';
          i += key.length;
          continue outer;
        }
      }
      out += text[i];
      i++;
    }
    return out;
  }

  private autoNumber(value: Value, counter: string): Value {
    if (value === null) return null;
    let numbers = this.context.autoNumbers.get(counter);
    if (numbers === undefined) {
      numbers = new Map();
      this.context.autoNumbers.set(counter, numbers);
    }
    const key = identityOf(value);
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(key, number);
    }
    return number;
  }
}
