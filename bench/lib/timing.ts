/** Median of a list of milliseconds. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Pair {
  readonly cairn: number;
  readonly peer: number;
}

/**
 * Runs two sides interleaved, round by round (so a noisy neighbour hits both alike): warm-ups
 * first (V8 tiers up after a couple of runs), then `runs` timed rounds; returns the medians.
 */
export async function interleaved(
  cairn: () => unknown,
  peer: () => Promise<unknown>,
  warmups: number,
  runs: number,
): Promise<Pair> {
  for (let i = 0; i < warmups; i++) {
    cairn();
    await peer();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    cairn();
    a.push(performance.now() - start);
    start = performance.now();
    await peer();
    b.push(performance.now() - start);
  }
  return { cairn: median(a), peer: median(b) };
}

export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
