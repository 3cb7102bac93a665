import {
  type CalcContext,
  computeCubeTable,
  computeHyperCube,
  createCalcContext,
  type DataModel,
  type HyperCubeDef,
  type Inference,
  infer,
  isPossibleState,
  parseExpression,
  ResultCache,
  SelectionState,
} from '@cairn/engine';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BenchArea, BenchEnvironment } from './lib/bench-area.js';
import { machineLine } from './lib/bench-area.js';
import { starSql } from './lib/star-data.js';
import { buildStarModel, modelBytes } from './lib/star-model.js';
import { interleaved, round } from './lib/timing.js';

/*
 * The engine workloads of issue 2 against DuckDB (2 threads, in memory, same data): each prints
 * {"workload","rows","cairn_ms","peer","peer_ms","ratio","target","ok"} with medians of
 * interleaved runs. Results are compared first; a mismatch throws and fails the run.
 */
export const area: BenchArea = { name: 'engine', run };

type Connection = Awaited<ReturnType<DuckDBInstance['connect']>>;

async function run(env: BenchEnvironment): Promise<void> {
  console.log(JSON.stringify({ area: 'engine', rows: env.rows, ...machineLine() }));
  const model = buildStarModel(env.rows);
  console.log(
    JSON.stringify({
      workload: 'memory.model',
      rows: env.rows,
      bytes_per_row: round(modelBytes(model) / env.rows),
    }),
  );
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  for (const sql of starSql(env.rows)) await db.run(sql);

  await stateSelect(env, model, db);
  const unselected = new SelectionState(model);
  const base = infer(model, unselected);
  await cube(
    env,
    'cube.dense',
    0.5,
    model,
    unselected,
    base,
    denseDef,
    'SELECT d1, d2, sum(m1), sum(m2) FROM fact GROUP BY d1, d2',
    db,
  );
  const filtered = new SelectionState(model);
  const d3 = model.fieldByName('d3')!;
  filtered.select(
    d3.index,
    range(3_000)
      .map((v) => d3.symbols.find(v))
      .filter((s) => s >= 0),
  );
  await cube(
    env,
    'cube.filtered',
    1.0,
    model,
    filtered,
    infer(model, filtered),
    denseDef,
    'SELECT d1, d2, sum(m1), sum(m2) FROM fact WHERE d3 < 3000 GROUP BY d1, d2',
    db,
  );
  await cube(
    env,
    'cube.cross',
    0.7,
    model,
    unselected,
    base,
    crossDef,
    'SELECT c.region, sum(f.m1) FROM fact f JOIN customers c ON f.key = c.key GROUP BY c.region',
    db,
  );
  await cube(
    env,
    'cube.set',
    1.0,
    model,
    unselected,
    base,
    setDef,
    'SELECT d2, sum(m1) FROM fact WHERE d1 = 3 GROUP BY d2',
    db,
  );
  await cacheHit(env, model, unselected, base, db);
  db.closeSync();
}

const page = (width: number) => [
  { qTop: 0, qLeft: 0, qWidth: width, qHeight: Math.floor(10_000 / width) },
];
const dimension = (field: string) => ({
  qDef: { qFieldDefs: [field], qSortCriterias: [{ qSortByNumeric: 1 }] },
});
const measure = (expression: string) => ({ qDef: { qDef: `=${expression}` } });

const denseDef: HyperCubeDef = {
  qDimensions: [dimension('d1'), dimension('d2')],
  qMeasures: [measure('Sum(m1)'), measure('Sum(m2)')],
  qInitialDataFetch: page(4),
};
const crossDef: HyperCubeDef = {
  qDimensions: [dimension('region')],
  qMeasures: [measure('Sum(m1)')],
  qInitialDataFetch: page(2),
};
const setDef: HyperCubeDef = {
  qDimensions: [dimension('d2')],
  qMeasures: [measure('Sum({<d1={3}>} m1)')],
  qSuppressZero: true,
  qInitialDataFetch: page(2),
};

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function report(workload: string, rows: number, cairn: number, peer: number, target: number): void {
  const ratio = cairn / peer;
  const ok = workload === 'cache.hit' ? cairn < target : ratio <= target;
  console.log(
    JSON.stringify({
      workload,
      rows,
      cairn_ms: round(cairn),
      peer: 'duckdb',
      peer_ms: round(peer),
      ratio: round(ratio),
      target,
      ok,
    }),
  );
}

/** Selecting d1 = 3 and reading every other field's possible values. */
async function stateSelect(env: BenchEnvironment, model: DataModel, db: Connection): Promise<void> {
  const d1 = model.fieldByName('d1')!;
  const fields = ['d2', 'd3', 'key', 'm1', 'm2', 'region'];
  const cairn = () => {
    const state = new SelectionState(model);
    state.select(d1.index, [d1.symbols.find(3)]);
    const inference = infer(model, state);
    return fields.map((name) => possibleCount(inference, model.fieldByName(name)!.index));
  };
  const peer = async () => {
    const counts: number[] = [];
    for (const name of fields) {
      const sql =
        name === 'region'
          ? 'SELECT DISTINCT c.region FROM fact f JOIN customers c ON f.key = c.key WHERE f.d1 = 3'
          : `SELECT DISTINCT ${name} FROM fact WHERE d1 = 3`;
      counts.push((await db.runAndReadAll(sql)).getRows().length);
    }
    return counts;
  };
  check('state.select', JSON.stringify(cairn()), JSON.stringify(await peer()));
  const { cairn: c, peer: p } = await interleaved(cairn, peer, env.warmups, env.runs);
  report('state.select', env.rows, c, p, 0.25);
}

function possibleCount(inference: Inference, field: number): number {
  let count = 0;
  for (const state of inference.fields[field]!.states) if (isPossibleState(state)) count++;
  return count;
}

/**
 * A cube under a state whose inference is already known (the selection computed it); each run
 * gets a fresh copy of the inference object so no row list cached on it is reused.
 */
async function cube(
  env: BenchEnvironment,
  workload: string,
  target: number,
  model: DataModel,
  state: SelectionState,
  inference: Inference,
  def: HyperCubeDef,
  sql: string,
  db: Connection,
): Promise<void> {
  const context = () => createCalcContext(model, state, { ...inference });
  checkCube(workload, context(), def, (await db.runAndReadAll(sql)).getRows());
  const { cairn, peer } = await interleaved(
    () => computeHyperCube(context(), def),
    async () => (await db.runAndReadAll(sql)).getRows(),
    env.warmups,
    env.runs,
  );
  report(workload, env.rows, cairn, peer, target);
}

/** The same dense cube in a state another session already computed. */
async function cacheHit(
  env: BenchEnvironment,
  model: DataModel,
  state: SelectionState,
  inference: Inference,
  db: Connection,
): Promise<void> {
  const cache = new ResultCache();
  const context = () => createCalcContext(model, state, inference, { cache });
  const first = computeHyperCube(context(), denseDef);
  check(
    'cache.hit',
    'same layout',
    computeHyperCube(context(), denseDef) === first ? 'same layout' : 'recomputed',
  );
  const sql = 'SELECT d1, d2, sum(m1), sum(m2) FROM fact GROUP BY d1, d2';
  const { cairn, peer } = await interleaved(
    () => computeHyperCube(context(), denseDef),
    async () => (await db.runAndReadAll(sql)).getRows(),
    env.warmups,
    env.runs,
  );
  report('cache.hit', env.rows, cairn, peer, 1);
}

/** Compares every cube row (dimension numbers → measure numbers) with DuckDB's rows. */
function checkCube(workload: string, ctx: CalcContext, def: HyperCubeDef, rows: unknown[][]): void {
  const dims = (def.qDimensions ?? []).map((d) => ctx.model.fieldByName(d.qDef.qFieldDefs[0]!)!);
  const table = computeCubeTable(
    ctx,
    dims.map((f) => f.index),
    (def.qMeasures ?? []).map((m) => parseExpression(m.qDef.qDef.slice(1))),
  );
  const ours: string[] = [];
  for (let g = 0; g < table.index.size; g++) {
    const values = table.measures.map((m) => m.nums[g]!);
    if (def.qSuppressZero && values.every((v) => v === 0 || Number.isNaN(v))) continue;
    const codes = dims.map((f, slot) => f.symbols.num(table.index.code(g, slot) - 1));
    ours.push(JSON.stringify([...codes, ...values]));
  }
  const theirs = rows.map((row) => JSON.stringify(row.map((v) => Number(v))));
  check(workload, JSON.stringify(theirs.sort()), JSON.stringify(ours.sort()));
}

function check(workload: string, expected: string, actual: string): void {
  if (expected !== actual) {
    throw new Error(
      `${workload}: Cairn and DuckDB disagree (DuckDB ${expected.slice(0, 200)}..., Cairn ${actual.slice(0, 200)}...)`,
    );
  }
}
