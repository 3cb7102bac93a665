import { type LocaleSettings, localeFromVariables, type Value } from '@cairn/engine';
import type { ScriptNode } from '../control/block-tree.js';
import { ScriptError } from '../errors.js';
import type { ReloadLogEvent, ScriptHost, ScriptWarning } from '../host.js';
import type { ScriptTable } from './script-table.js';
import { ScriptVariables } from './variables.js';

/** Where the statement being run is, for errors raised deep inside it. */
export interface StatementLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/**
 * Everything a reload holds while it runs: tables (in creation order), mapping tables, variables,
 * subroutines, QUALIFY state, the log, and the host with its budgets. One per reload; never shared.
 */
export class ReloadContext {
  readonly tables = new Map<string, ScriptTable>();
  readonly mappings = new Map<string, Map<string, Value>>();
  readonly variables = new ScriptVariables();
  readonly subs = new Map<string, { params: readonly string[]; body: readonly ScriptNode[] }>();
  readonly log: ReloadLogEvent[] = [];
  readonly warnings: ScriptWarning[] = [];
  readonly autoNumbers = new Map<string, Map<string | number, number>>();
  /** ALIAS: fields renamed in every later LOAD. */
  readonly aliases = new Map<string, string>();
  qualify: { patterns: string[]; exceptions: string[] } = { patterns: [], exceptions: [] };
  /** The table the last LOAD created or added to (`CONCATENATE`/`JOIN` without a name use it). */
  lastTable: string | null = null;
  /** Bumped whenever any table changes, so cached field-value sets know to rebuild. */
  version = 0;
  location: StatementLocation = { file: 'main', line: 1, column: 1, text: '' };
  private readonly started = performance.now();
  private localeCache: { key: string; locale: LocaleSettings } | null = null;

  constructor(readonly host: ScriptHost) {}

  get elapsedMs(): number {
    return Math.round(performance.now() - this.started);
  }

  /** The locale the SET variables describe right now. */
  get locale(): LocaleSettings {
    const key = LOCALE_VARIABLES.map((name) => this.variables.text(name) ?? '').join('\u0001');
    if (this.localeCache?.key !== key) {
      this.localeCache = { key, locale: localeFromVariables((name) => this.variables.text(name)) };
    }
    return this.localeCache.locale;
  }

  emit(event: ReloadLogEvent): void {
    this.log.push(event);
    this.host.log(event);
  }

  warn(warning: ScriptWarning): void {
    this.warnings.push(warning);
    this.emit({ kind: 'warning', elapsedMs: this.elapsedMs, warning });
  }

  /** An error located at the statement being run. */
  error(code: ScriptError['code'], detail: string): ScriptError {
    return new ScriptError(code, detail, this.location);
  }

  /** Turns an offset in the statement being run into a script location (set per statement). */
  locateOffset: ((offset: number, text: string) => StatementLocation) | null = null;

  /** An error located at `offset` of the statement being run, quoting `text`. */
  errorAt(code: ScriptError['code'], detail: string, offset: number, text: string): ScriptError {
    const where = this.locateOffset === null ? this.location : this.locateOffset(offset, text);
    return new ScriptError(code, detail, where);
  }

  /** Stops the reload when it was cancelled or went over a budget. */
  checkBudgets(extraRows = 0, extraBytes = 0): void {
    if (this.host.signal.aborted) throw this.error('CANCELLED', 'the reload was cancelled');
    let rows = extraRows;
    for (const table of this.tables.values()) rows += table.rowCount;
    if (rows > this.host.limits.maxRows) {
      throw this.error(
        'ROW_LIMIT',
        `the reload holds ${rows} rows, over its budget of ${this.host.limits.maxRows}`,
      );
    }
    let bytes = extraBytes;
    for (const table of this.tables.values()) bytes += table.estimateBytes();
    if (bytes > this.host.limits.maxMemoryBytes) {
      throw this.error(
        'MEMORY_LIMIT',
        `the reload's tables need about ${bytes} bytes, over its budget of ${this.host.limits.maxMemoryBytes}`,
      );
    }
  }

  table(name: string): ScriptTable {
    const table = this.tables.get(name);
    if (table === undefined) throw this.error('TABLE_NOT_FOUND', `table "${name}" not found`);
    return table;
  }

  /** A new table name: the wanted one, else `name-1`, `name-2` … as Qlik does. */
  freeTableName(wanted: string): string {
    if (!this.tables.has(wanted)) return wanted;
    for (let n = 1; ; n++) if (!this.tables.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
  }
}

const LOCALE_VARIABLES = [
  'ThousandSep',
  'DecimalSep',
  'MoneyThousandSep',
  'MoneyDecimalSep',
  'MoneyFormat',
  'TimeFormat',
  'DateFormat',
  'TimestampFormat',
  'MonthNames',
  'LongMonthNames',
  'DayNames',
  'LongDayNames',
  'FirstWeekDay',
  'BrokenWeeks',
  'ReferenceDay',
  'FirstMonthOfYear',
  'CollationLocale',
];
