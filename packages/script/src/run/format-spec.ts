import type { FileFormat, FileFormatSpec } from '@cairn/formats';
import type { FormatItem } from '../parse/ast.js';

const FORMATS: ReadonlySet<string> = new Set(['txt', 'csv', 'qvd', 'ooxml', 'json', 'parquet']);
const OTHER_FORMATS: ReadonlySet<string> = new Set([
  'biff',
  'dif',
  'fix',
  'html',
  'kml',
  'xml',
  'xmlgeneric',
  'xmlsax',
  'xmlsimple',
  'qvx',
]);
const CODE_PAGES: ReadonlySet<string> = new Set(['utf8', 'unicode', 'ansi', 'oem', 'mac']);

/**
 * Turns the words of a Qlik format spec (`txt, utf8, embedded labels, delimiter is ';'`) into the
 * formats package's `FileFormatSpec`. Returns the offending item's text when an item is valid Qlik
 * but not supported yet, or not understood at all.
 */
export function toFormatSpec(
  items: readonly FormatItem[],
): { spec: FileFormatSpec } | { unsupported: string } | { invalid: string } {
  const spec: { -readonly [K in keyof FileFormatSpec]: FileFormatSpec[K] } = {};
  for (const item of items) {
    const words = item.map((word) => word.toLowerCase());
    const first = words[0] ?? '';
    const text = item.join(' ');
    const argument = item[item.length - 1] ?? '';
    if (words.length === 1 && FORMATS.has(first)) spec.format = first as FileFormat;
    else if (words.length === 1 && OTHER_FORMATS.has(first))
      return { unsupported: `the ${first} file format` };
    else if (words.length === 1 && CODE_PAGES.has(first)) spec.codePage = first;
    else if (first === 'codepage' && words[1] === 'is')
      spec.codePage = Number(argument) || argument;
    else if (
      words[1] === 'labels' &&
      (first === 'embedded' || first === 'explicit' || first === 'no')
    ) {
      spec.labels = first === 'no' ? 'none' : first;
    } else if (first === 'delimiter' && words[1] === 'is') spec.delimiter = argument;
    else if (first === 'msq') spec.quoting = 'msq';
    else if (first === 'no' && words[1] === 'quotes') spec.quoting = 'none';
    else if (first === 'header' && words[1] === 'is') spec.headerLines = Number(item[2]);
    else if (first === 'comment' && words[1] === 'is') spec.comment = argument;
    else if (first === 'table' && words[1] === 'is') spec.table = item.slice(2).join(' ');
    else if (first === 'no' && words[1] === 'eof') continue;
    else if (['record', 'filters', 'tab', 'url', 'userAgent', 'all'].includes(first)) {
      return { unsupported: `the format option "${text}"` };
    } else return { invalid: text };
  }
  return { spec };
}
