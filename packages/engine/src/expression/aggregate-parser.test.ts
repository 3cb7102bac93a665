import { describe, expect, it } from 'vitest';
import type { AggregateCall } from './ast.js';
import { parseExpression } from './parser.js';
import { show } from './test-helpers.js';

function aggregate(text: string): AggregateCall {
  const tree = parseExpression(text);
  if (tree.kind !== 'aggregate') throw new Error(`${text} is a ${tree.kind}`);
  return tree;
}

describe('parseExpression aggregation calls', () => {
  it('parses Sum(x) as an aggregate node without qualifiers', () => {
    expect(aggregate('Sum(x)')).toMatchObject({
      distinct: null,
      all: false,
      total: null,
      set: null,
    });
  });

  it('reads DISTINCT and TOTAL <fields> in any order', () => {
    const call = aggregate('Count(TOTAL <Region, [Sub Region]> DISTINCT Customer)');
    expect([call.distinct, call.total?.fields]).toEqual(['distinct', ['Region', 'Sub Region']]);
  });

  it('reads ALL and NODISTINCT', () => {
    const call = aggregate('Aggr(NODISTINCT ALL Sum(x), D)');
    expect([call.distinct, call.all]).toEqual(['nodistinct', true]);
  });

  it('takes Total as a field name when nothing follows it', () => {
    expect(show(aggregate('Sum(Total)'))).toBe('Sum(Total)');
  });

  it('parses Count(*) with a star argument', () => {
    expect(aggregate('Count(*)').args[0]?.kind).toBe('star');
  });

  it('parses RowNo(TOTAL) as an aggregate call because TOTAL makes it chart-wide', () => {
    expect(aggregate('RowNo(TOTAL)').total).toEqual({ fields: null });
  });

  it('keeps a scalar call scalar: RowNo()', () => {
    expect(parseExpression('RowNo()').kind).toBe('call');
  });

  it('reads the structured sort parameter of Aggr as tuples', () => {
    expect(show(aggregate('Aggr(Sum(S), D1, (D2, (NUMERIC, DESCENDING)))'))).toBe(
      'Aggr(Sum(S), D1, [D2, [NUMERIC, DESCENDING]])',
    );
  });

  it('parses a nested TOTAL aggregation inside If inside Sum', () => {
    expect(show(aggregate('Sum(If(Year(D)=Max(TOTAL Year(D)), Sales))'))).toBe(
      'Sum(If((Year(D) = Max(Year(D))), Sales))',
    );
  });
});
