import { describe, expect, it } from 'vitest';
import { cellKeyAction } from './keyboard.js';

describe('cellKeyAction', () => {
  it('cellKeyAction moves with arrows and resizes with Shift+arrows', () => {
    expect([cellKeyAction('ArrowRight', false), cellKeyAction('ArrowUp', true)]).toEqual([
      { kind: 'move', cols: 1, rows: 0 },
      { kind: 'resize', cols: 0, rows: -1 },
    ]);
  });

  it('cellKeyAction ignores other keys', () => {
    expect(cellKeyAction('a', false)).toBeNull();
  });
});
