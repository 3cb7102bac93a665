import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueAt } from '../aggregate/group-results.js';
import { buildAssociationTree } from '../calc/association-tree.js';
import { createCalcContext } from '../calc/create-context.js';
import { computeCubeTable } from '../calc/cube-table.js';
import { EngineError } from '../calc/engine-error.js';
import { parseExpression } from '../expression/parser.js';
import { infer } from '../inference/infer.js';
import { buildModel } from '../model/build-model.js';
import type { DataModel } from '../model/data-model.js';
import { SelectionState } from '../selection/selection-state.js';
import { randomSelectionsArb, randomTablesArb } from '../testing/random-model.js';
import { referenceCube } from './reference-cube.js';

const measures = ['Sum', 'Count', 'Count(DISTINCT', 'Max', 'Only'] as const;

function measureText(kind: (typeof measures)[number], field: string): string {
  return kind === 'Count(DISTINCT' ? `Count(DISTINCT [${field}])` : `${kind}([${field}])`;
}

/** What the reference's root records give for each measure. */
function expected(model: DataModel, root: number, field: number, rows: readonly number[]) {
  const codes = model.tables[root]!.columns.find((c) => c.field === field)!.codes;
  const symbols = model.fields[field]!.symbols;
  const present = rows.map((r) => codes[r]!).filter((c) => c !== 0);
  const nums = present.map((c) => symbols.num(c - 1)).filter((n) => !Number.isNaN(n));
  const distinct = [...new Set(present)];
  return [
    nums.reduce((a, b) => a + b, 0),
    present.length,
    distinct.length,
    nums.length ? Math.max(...nums) : null,
    distinct.length === 1 ? symbols.value(distinct[0]! - 1) : null,
  ];
}

describe('computeCubeTable against the outer-join reference', () => {
  it('computeCubeTable gives the reference rows and measures on random models', () => {
    const caseArb = fc.record({
      tables: randomTablesArb,
      selections: randomSelectionsArb,
      picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      dimCount: fc.integer({ min: 1, max: 2 }),
    });
    let compared = 0;
    fc.assert(
      fc.property(caseArb, ({ tables, selections, picks, dimCount }) => {
        const model = buildModel(tables, { id: 'property' });
        const state = new SelectionState(model);
        for (const { field, symbols } of selections) {
          const target = model.fieldByName(field);
          if (!target) continue;
          state.select(
            target.index,
            symbols.filter((s) => s < target.symbols.size),
          );
        }
        const fields = model.fields.filter((f) => !f.isSystem && f.symbols.size > 0);
        if (fields.length === 0) return;
        const pick = (n: number) => fields[picks[n]! % fields.length]!.index;
        const dims = [...new Set([pick(0), pick(1)].slice(0, dimCount))];
        const measureField = pick(2);
        const root = model.fields[measureField]!.tables[0]!;
        const dimensionRoot = model.fields[dims[0]!]!.tables[0]!;
        const ctx = createCalcContext(model, state, infer(model, state));
        const name = model.fields[measureField]!.name;
        const exprs = measures.map((m) => parseExpression(measureText(m, name)));
        const reachable =
          buildAssociationTree(model, root, dims) &&
          buildAssociationTree(model, dimensionRoot, dims);
        if (!reachable) {
          expect(() => computeCubeTable(ctx, dims, exprs)).toThrow(EngineError);
          return;
        }
        const table = computeCubeTable(ctx, dims, exprs);
        const actual: string[] = [];
        for (let g = 0; g < table.index.size; g++) {
          const codes = dims.map((_, slot) => table.index.code(g, slot));
          actual.push(JSON.stringify([codes, table.measures.map((m) => valueAt(m, g))]));
        }
        const reference = referenceCube(model, state, dims, root, dimensionRoot).map((row) =>
          JSON.stringify([row.codes, expected(model, root, measureField, row.rootRows)]),
        );
        expect(actual.sort()).toEqual(reference.sort());
        compared++;
      }),
      { seed: 20261203, numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('a set-analysis total equals the reference under the modified selections', () => {
    const caseArb = fc.record({
      tables: randomTablesArb,
      selections: randomSelectionsArb,
      picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(caseArb, ({ tables, selections, picks }) => {
        const model = buildModel(tables, { id: 'property-set' });
        const state = new SelectionState(model);
        for (const { field, symbols } of selections) {
          const target = model.fieldByName(field);
          if (target)
            state.select(
              target.index,
              symbols.filter((s) => s < target.symbols.size),
            );
        }
        const fields = model.fields.filter((f) => !f.isSystem && f.symbols.size > 0);
        if (fields.length === 0) return;
        const modified = fields[picks[0]! % fields.length]!;
        const measured = fields[picks[1]! % fields.length]!;
        const symbol = picks[2]! % modified.symbols.size;
        const literal = modified.symbols.isNumeric(symbol)
          ? String(modified.symbols.num(symbol))
          : `'${modified.symbols.text(symbol)}'`;
        const text = `Sum({<[${modified.name}]={${literal}}>} [${measured.name}])`;
        const ctx = createCalcContext(model, state, infer(model, state));
        const actual = valueAt(computeCubeTable(ctx, [], [parseExpression(text)]).measures[0]!, 0);
        const target = new SelectionState(model);
        for (const field of state.selectedFields()) {
          target.select(field, state.selectedSymbols(field));
        }
        target.select(modified.index, [symbol]);
        const root = measured.tables[0]!;
        const rows = referenceCube(model, target, [], root, root)[0]?.rootRows ?? [];
        expect(actual).toBe(expected(model, root, measured.index, rows)[0]);
      }),
      { seed: 7, numRuns: 800 },
    );
  });
});
