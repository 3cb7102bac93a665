import { describe, expect, it } from 'vitest';
import type { AggregateCall } from './ast.js';
import { ExpressionError } from './errors.js';
import { parseExpression } from './parser.js';
import type { SetExpression } from './set-ast.js';

function setOf(text: string): SetExpression {
  const tree = parseExpression(text) as AggregateCall;
  if (!tree.set) throw new Error(`${text} has no set expression`);
  return tree.set;
}

function errorOf(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
  }
  throw new Error(`'${text}' parsed without error`);
}

describe('parseExpression set expressions', () => {
  it('reads set identifiers $, 1, $1, $_1, bookmarks and State::Bookmark', () => {
    const ids = ['$', '1', '$1', '$_1', 'BM01', 'State1::BM02'].map((id) => {
      const set = setOf(`Sum({${id}} x)`);
      return set.kind === 'setTerm' ? set.identifier : set.kind;
    });
    expect(ids).toEqual(['$', '1', '$1', '$_1', 'BM01', 'State1::BM02']);
  });

  it('applies set operators left to right: {1-$+BM01} is (1-$)+BM01', () => {
    expect(setOf('Sum({1-$+BM01} x)')).toMatchObject({
      kind: 'setOperation',
      op: '+',
      left: { kind: 'setOperation', op: '-' },
    });
  });

  it('reads a unary minus as complement', () => {
    expect(setOf('Sum({-$} x)').kind).toBe('setComplement');
  });

  it('reads a modifier with literal values, numbers and searches', () => {
    const set = setOf(`Sum({$<Year={2020, -1, 'it''s'}, Name={"*x*", [a b]}>} x)`);
    expect(set).toMatchObject({
      identifier: '$',
      modifier: [
        {
          field: 'Year',
          op: '=',
          elements: { items: [{ value: 2020 }, { value: -1 }, { value: "it's" }] },
        },
        {
          field: 'Name',
          elements: {
            items: [
              { search: { type: 'text', pattern: '*x*' } },
              { search: { type: 'text', pattern: 'a b' } },
            ],
          },
        },
      ],
    });
  });

  it('reads the implicit set operators +=, -=, *=, /=', () => {
    const set = setOf('Sum({<A+={1}, B-={2}, C*={3}, D/={4}>} x)');
    expect(set.kind === 'setTerm' && set.modifier?.map((m) => m.op)).toEqual([
      '+=',
      '-=',
      '*=',
      '/=',
    ]);
  });

  it('reads {*} as the search for every value', () => {
    expect(setOf('Sum({<A={*}>} x)')).toMatchObject({
      modifier: [{ elements: { items: [{ search: { type: 'text', pattern: '*' } }] } }],
    });
  });

  it('reads <F=> as clearing the field', () => {
    expect(setOf('Sum({<Region=>} x)')).toMatchObject({
      modifier: [{ field: 'Region', elements: null }],
    });
  });

  it('reads a numeric range search with two bounds', () => {
    expect(setOf('Sum({<Price={">=10<20"}>} x)')).toMatchObject({
      modifier: [
        {
          elements: {
            items: [
              {
                search: {
                  type: 'range',
                  lower: { inclusive: true, text: '10' },
                  upper: { inclusive: false, text: '20' },
                },
              },
            ],
          },
        },
      ],
    });
  });

  it('parses an expression search into an AST', () => {
    const set = setOf('Sum({<Customer={"=Sum(Sales) > 1000"}>} Sales)');
    expect(set).toMatchObject({
      modifier: [
        { elements: { items: [{ search: { type: 'expression', expression: { op: '>' } } }] } },
      ],
    });
  });

  it('reads P() and E() with and without inner sets and fields, combined with -', () => {
    const set = setOf('Sum({<A=P({1<B={2}>} C) - E()>} x)');
    expect(set).toMatchObject({
      modifier: [
        {
          elements: {
            kind: 'elementOperation',
            op: '-',
            left: { kind: 'elementFunction', fn: 'P', field: 'C', set: { identifier: '1' } },
            right: { kind: 'elementFunction', fn: 'E', field: null, set: null },
          },
        },
      ],
    });
  });

  it('reads <F = G> as the selected values of another field', () => {
    expect(setOf('Sum({<A = B>} x)')).toMatchObject({
      modifier: [{ elements: { kind: 'elementField', field: 'B' } }],
    });
  });

  it('reads an operation between modified sets', () => {
    expect(setOf('Sum({<A={1}> * $<B={2}>} x)')).toMatchObject({ kind: 'setOperation', op: '*' });
  });

  it('reports a missing operator in a modifier with its position', () => {
    const error = errorOf('Sum({<Year {2020}>} x)');
    expect([error.code, error.position.offset]).toEqual(['EXPR_UNEXPECTED_TOKEN', 11]);
  });

  it('reports a range search with two lower bounds', () => {
    expect(errorOf('Sum({<A={">1>2"}>} x)').code).toBe('EXPR_BAD_SEARCH');
  });

  it('places errors inside an expression search in the whole text', () => {
    const error = errorOf('Sum({<A={"=Sum(x) >"}>} x)');
    expect([error.code, error.position.offset]).toEqual(['EXPR_UNEXPECTED_END', 19]);
  });
});
