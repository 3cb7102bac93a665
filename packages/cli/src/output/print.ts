/**
 * Output rules shared by every command: JSON when piped or asked for (a list prints its `data`
 * array, one object prints itself), an aligned table on a terminal.
 */
export interface OutputOptions {
  readonly json?: boolean;
}

export function wantsJson(options: OutputOptions): boolean {
  return options.json === true || !process.stdout.isTTY;
}

export function printResult(
  value: unknown,
  options: OutputOptions,
  columns?: readonly string[],
): void {
  if (wantsJson(options)) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  if (Array.isArray(value)) {
    process.stdout.write(formatTable(value as Record<string, unknown>[], columns));
    return;
  }
  if (value && typeof value === 'object') {
    const rows = Object.entries(value).map(([key, v]) => ({ field: key, value: cellText(v) }));
    process.stdout.write(formatTable(rows, ['field', 'value']));
    return;
  }
  process.stdout.write(`${String(value)}\n`);
}

export function formatTable(
  rows: readonly Record<string, unknown>[],
  columns?: readonly string[],
): string {
  if (rows.length === 0) return '(none)\n';
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => cols.map((col) => cellText(pick(row, col))));
  const widths = cols.map((col, i) => Math.max(col.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(cols.map((c) => c.toUpperCase())), ...cells.map(line)].join('\n')}\n`;
}

/** Reads `a.b` paths so list columns can reach into nested objects such as `attributes.name`. */
function pick(row: Record<string, unknown>, path: string): unknown {
  let value: unknown = row;
  for (const key of path.split('.')) {
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
