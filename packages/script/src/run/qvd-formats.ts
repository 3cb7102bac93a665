import {
  Dual,
  formatDate,
  formatInterval,
  formatNumber,
  type LocaleSettings,
  type TableInput,
  type Value,
} from '@cairn/engine';
import type { FormatTable, QvdNumberFormat } from '@cairn/formats';

/**
 * QVDs may keep a formatted field's values as pure numbers and say how to show them in the field's
 * NumberFormat (qvc_Rates.qvd: DATE fields with Fmt M/D/YYYY stored as int32). Qlik gives such
 * values their text from that format on load; this does the same, once per symbol. Duals and texts
 * keep the text stored in the file.
 */
export function applyQvdFormats(table: FormatTable, locale: LocaleSettings): TableInput {
  const formats = table.fieldFormats;
  if (formats === undefined) return table;
  return {
    ...table,
    batches: table.batches.map((batch) => ({
      rowCount: batch.rowCount,
      columns: batch.columns.map((column) => {
        const format = formats[column.name];
        const render = format === undefined ? null : renderer(format, locale);
        if (render === null || column.kind !== 'indexed') return column;
        return { ...column, symbols: column.symbols.map((symbol) => withText(symbol, render)) };
      }),
    })),
  };
}

function withText(symbol: Value, render: (n: number) => string): Value {
  return typeof symbol === 'number' ? new Dual(symbol, render(symbol)) : symbol;
}

function renderer(format: QvdNumberFormat, locale: LocaleSettings): ((n: number) => string) | null {
  const pattern = format.fmt;
  if (pattern === '') return null;
  switch (format.type) {
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return (n) => formatDate(n, pattern, locale);
    case 'INTERVAL':
      return (n) => formatInterval(n, pattern);
    case 'MONEY':
    case 'FIX': {
      const separators = {
        decimalSep: format.dec || locale.decimalSep,
        thousandSep: format.thou || locale.thousandSep,
      };
      return (n) => formatNumber(n, pattern, locale, separators);
    }
    default:
      return null;
  }
}
