import { cpus, loadavg } from 'node:os';

/** One family of workloads (engine, load, ...), run by `bench/run.ts`. */
export interface BenchArea {
  readonly name: string;
  run(env: BenchEnvironment): Promise<void>;
}

export interface BenchEnvironment {
  /** Fact rows, from BENCH_ROWS (default 10,000,000; CI runs 100,000). */
  readonly rows: number;
  /** Timed runs per side after warm-up (at least 7). */
  readonly runs: number;
  readonly warmups: number;
}

export function benchEnvironment(): BenchEnvironment {
  const rows = Number(process.env.BENCH_ROWS ?? 10_000_000);
  if (!Number.isInteger(rows) || rows <= 0)
    throw new Error(`BENCH_ROWS '${process.env.BENCH_ROWS}' is not a positive integer`);
  return { rows, runs: Math.max(7, Number(process.env.BENCH_RUNS ?? 9)), warmups: 3 };
}

/** The machine line printed once per run, so figures can be compared across machines. */
export function machineLine(): Record<string, unknown> {
  const cpu = cpus();
  return {
    machine: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
