import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Compares `actual` with the committed golden file `golden/<name>`. On a mismatch (or when the
 * file is missing) it writes `golden/<name>.changed` beside it for review, Plot-style, and
 * returns the expected text so the test fails with a readable diff. Rename the `.changed` file
 * over the golden one to accept a deliberate change.
 */
export function golden(name: string, actual: string): string {
  const path = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (expected !== actual) writeFileSync(`${path}.changed`, actual);
  return expected;
}

/** One golden line per case: the inputs, a tab, the output. */
export function goldenTable(rows: readonly (readonly [string, string])[]): string {
  return `${rows.map(([input, output]) => `${input}\t${output}`).join('\n')}\n`;
}
