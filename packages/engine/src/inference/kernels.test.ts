import { describe, expect, it } from 'vitest';
import {
  applyLink,
  collectLinkCodes,
  dead,
  failsSeveral,
  initVerdicts,
  splitRows,
  verdictsToPossible,
} from './kernels.js';

describe('scan kernels on row ranges', () => {
  it('kernels run over two ranges give the same verdicts as one pass', () => {
    const codes = Uint8Array.of(1, 2, 3, 1, 2, 3);
    const mask = Uint8Array.of(0, 1, 0, 1);
    const whole = new Uint8Array(6);
    initVerdicts(codes, mask, dead, whole, 0, 6);
    const split = new Uint8Array(new SharedArrayBuffer(6));
    for (const [start, end] of splitRows(6, 2)) initVerdicts(codes, mask, dead, split, start, end);
    expect([...split]).toEqual([...whole]);
  });

  it('applyLink marks one failed link, then several', () => {
    const verdicts = new Uint8Array(3);
    applyLink(Uint8Array.of(1, 2, 2), Uint8Array.of(0, 1, 0), 0, verdicts, 0, 3);
    applyLink(Uint8Array.of(1, 1, 2), Uint8Array.of(0, 1, 0), 4, verdicts, 0, 3);
    expect([...verdicts]).toEqual([0, 1, failsSeveral]);
  });

  it('collectLinkCodes takes rows that pass or fail only that link', () => {
    const out = new Uint8Array(4);
    collectLinkCodes(Uint8Array.of(1, 2, 3), Uint8Array.of(0, 1, failsSeveral), 0, out, 0, 3);
    expect([...out]).toEqual([0, 1, 1, 0]);
  });

  it('verdictsToPossible counts the rows that pass everything', () => {
    const possible = new Uint8Array(3);
    expect(verdictsToPossible(Uint8Array.of(0, dead, 0), possible, 0, 3)).toBe(2);
  });

  it('splitRows covers every row once', () => {
    expect(splitRows(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
  });
});
