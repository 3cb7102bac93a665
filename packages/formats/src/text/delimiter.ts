import { FormatError } from '../errors.js';
import { firstLine } from './lines.js';

const GUESSES = ['\t', ';', ',', '|'];

/**
 * The field delimiter for a spec's `delimiter`: a single character, `'\t'` as written in a
 * script (backslash + t), the words `tab` / `spaces`, or, when absent, the candidate that occurs
 * most in the first line (tab, `;`, `,`, `|`; `,` when none occurs).
 */
export function resolveDelimiter(
  delimiter: string | undefined,
  body: string,
  file: string,
): string {
  if (delimiter === undefined || delimiter === '') {
    const line = firstLine(body);
    let best = ',';
    let bestCount = 0;
    for (const candidate of GUESSES) {
      const count = line.split(candidate).length - 1;
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }
  const word = delimiter.toLowerCase();
  if (word === 'tab' || delimiter === '\\t') return '\t';
  if (word === 'spaces') return 'spaces';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new FormatError(
      'FORMAT_OPTION_INVALID',
      `delimiter ${JSON.stringify(delimiter)} is not one character, '\\t', tab or spaces`,
      { file },
    );
  }
  return delimiter;
}

/**
 * `delimiter is spaces`: fields are separated by runs of spaces, without quoting (the layout
 * of fixed-width reports). Calls `onRecord` with each non-empty, non-comment line's fields.
 */
export function splitSpaces(
  body: string,
  comment: string | undefined,
  onRecord: (record: string[], line: number) => void,
): void {
  const lines = body.split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    if (comment && line.startsWith(comment)) return;
    const trimmed = line.replace(/^ +| +$/g, '');
    if (trimmed === '') return;
    onRecord(trimmed.split(/ +/), i + 1);
  });
}
