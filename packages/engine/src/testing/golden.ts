import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Compares text with a golden file. On mismatch it writes `<name>-changed.<ext>` beside the
 * golden so the difference can be reviewed and, if intended, copied over; a missing golden is
 * written once (and the test fails so it gets reviewed). CI never writes goldens.
 */
export function expectGolden(actual: string, path: string): void {
  const changed = path.replace(/(\.[^./]+)$/, '-changed$1');
  if (!existsSync(path)) {
    if (process.env.CI !== 'true') writeFileSync(path, actual);
    throw new Error(`golden file ${path} did not exist; wrote it, review and re-run`);
  }
  const expected = readFileSync(path, 'utf8');
  if (expected === actual) {
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `differs from ${path}; see ${changed}`).toBe(expected);
}
