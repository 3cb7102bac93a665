import { describe, expect, it } from 'vitest';
import { parseExpression } from './parser.js';
import { getFieldsFromExpression } from './walk.js';

describe('getFieldsFromExpression', () => {
  it('lists read fields once, in order of first use', () => {
    const fields = getFieldsFromExpression(
      parseExpression('Sum(Sales * Qty) / Sum(Sales) & [A b]'),
    );
    expect(fields.read).toEqual(['Sales', 'Qty', 'A b']);
  });

  it('lists set-modifier, P() and TOTAL fields as qualifying fields', () => {
    const tree = parseExpression('Sum({<Year={2020}, Region=P({1} Area)>} TOTAL <Dim> Sales)');
    expect(getFieldsFromExpression(tree)).toEqual({
      read: ['Sales'],
      qualifying: ['Dim', 'Year', 'Region', 'Area'],
    });
  });
});
