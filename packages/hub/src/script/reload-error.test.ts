import { describe, expect, it } from 'vitest';
import { locateScriptError, reloadErrorLocation } from './reload-error.js';

describe('locateScriptError', () => {
  it('locateScriptError reads "line N, column M"', () => {
    expect(locateScriptError('Unknown statement at line 3, column 5: "LOD"')).toMatchObject({
      line: 3,
      column: 5,
    });
  });

  it('locateScriptError reads a file:line:col position', () => {
    expect(locateScriptError('script.qvs:7:2 Field not found')).toMatchObject({
      line: 7,
      column: 2,
    });
  });

  it('locateScriptError reads the script runner\'s "main:line:col" prefix', () => {
    const message = 'main:5:1: cannot open "nowhere": file "nowhere" does not exist';
    expect(locateScriptError(message)).toMatchObject({ line: 5, column: 1 });
  });

  it('locateScriptError returns null when the message names no line', () => {
    expect(locateScriptError('Out of memory')).toBeNull();
  });
});

describe('reloadErrorLocation', () => {
  it('reloadErrorLocation falls back to the last error line of the log', () => {
    const log = 'Started\nError: field X not found (line 2)\nError: bad token at line 9\nEnded';
    expect(reloadErrorLocation('Reload failed', log)?.line).toBe(9);
  });
});
