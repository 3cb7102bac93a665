import { Dual, type Value } from '@cairn/engine';
import type { CellValue } from 'exceljs';
import { dateDual, serialFromUnixMs, timestampDual } from '../serial-dates.js';

const TRUE = new Dual(-1, 'TRUE');
const FALSE = new Dual(0, 'FALSE');

/**
 * One Excel cell as a Qlik value. exceljs gives dates as JS Dates holding the serial read as
 * UTC, so the serial comes back exactly; a date without time gets date text. Formulas give their
 * cached result, rich text its plain text, hyperlinks their text; error cells (#N/A …) are NULL.
 * Known gap: the text of a date is ISO, not the cell's Excel number format, and numbers carry
 * no format at all.
 */
export function cellValue(value: CellValue): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? TRUE : FALSE;
  if (value instanceof Date) {
    const serial = serialFromUnixMs(value.getTime());
    return Number.isInteger(serial) ? dateDual(serial) : timestampDual(serial);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellValue((value as { result?: CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return String(value.text);
  return null;
}
