import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../deps.js';
import { buildLayout, dependsOnData, type NodeComputer } from './layout-builder.js';

const computer: NodeComputer = {
  computeDef: async (kind, _def, path) => ({ computed: kind, at: path }),
  evaluate: async (expression, as) => (as === 'string' ? `text(${expression})` : 42),
};

describe('buildLayout', () => {
  it('buildLayout turns a nested q…Def inside an array into its computed node', async () => {
    const layout = await buildLayout(
      { alternateStates: [{ stateName: 'A', qSelectionObjectDef: {} }] },
      computer,
    );
    expect(layout.alternateStates).toEqual([
      {
        stateName: 'A',
        qSelectionObject: {
          computed: 'qSelectionObjectDef',
          at: '/alternateStates/0/qSelectionObjectDef',
        },
      },
    ]);
  });

  it('buildLayout evaluates qStringExpression in long and short form', async () => {
    const layout = await buildLayout(
      { a: { qStringExpression: { qExpr: '=1' } }, b: { qStringExpression: '=2' } },
      computer,
    );
    expect([layout.a, layout.b]).toEqual(['text(=1)', 'text(=2)']);
  });

  it('buildLayout drops qLayoutExclude and copies other keys', async () => {
    const props: JsonObject = {
      qLayoutExclude: { x: 1 },
      visualization: 'table',
      qInfo: { qId: 'a' },
    };
    expect(await buildLayout(props, computer)).toEqual({
      visualization: 'table',
      qInfo: { qId: 'a' },
    });
  });
});

describe('dependsOnData', () => {
  it('dependsOnData finds a value expression deep in the tree', () => {
    expect(dependsOnData({ a: [{ b: { qValueExpression: { qExpr: 'x' } } }] })).toBe(true);
  });

  it('dependsOnData ignores static properties and excluded defs', () => {
    expect(dependsOnData({ title: 't', qLayoutExclude: { qHyperCubeDef: {} } })).toBe(false);
  });
});
