import type { SymbolTableData } from './symbol-table.js';

// A dual whose text looks like a date (2024-01-31, 31/01/2024, 1.31.2024), optionally with a time.
const dateLike = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(\s|T|$)/;
const timeLike = /\d{1,2}:\d{2}/;

/**
 * The system tags Qlik derives from a field's values after a reload (research/script-qvd.md
 * §4.7): `$key` when more than one table holds it, `$numeric`/`$integer` when every value has a
 * number, `$text`/`$ascii` when every value is text. `$date`/`$timestamp` need the value's
 * format: the script sets them when it knows it; here they are guessed only from duals whose
 * texts all look like dates, a known approximation of Qlik's format-based rule.
 */
export function deriveFieldTags(symbols: SymbolTableData, tableCount: number): string[] {
  const tags: string[] = [];
  if (tableCount > 1) tags.push('$key');
  const size = symbols.size;
  if (size === 0) return tags;
  let numeric = true;
  let integer = true;
  let text = true;
  let ascii = true;
  let dates = true;
  let times = false;
  for (let i = 0; i < size; i++) {
    if (symbols.isNumeric(i)) {
      text = false;
      if (!Number.isInteger(symbols.num(i))) integer = false;
      const shown = symbols.texts[i];
      if (shown === null || shown === undefined || !dateLike.test(shown)) dates = false;
      else if (timeLike.test(shown)) times = true;
    } else {
      numeric = false;
      integer = false;
      dates = false;
      if (ascii && !isAscii(symbols.text(i))) ascii = false;
    }
  }
  if (numeric) tags.push('$numeric');
  if (integer) tags.push('$integer');
  if (text) tags.push('$text');
  if (text && ascii) tags.push('$ascii');
  if (numeric && dates) tags.push(times ? '$timestamp' : '$date');
  return tags;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
