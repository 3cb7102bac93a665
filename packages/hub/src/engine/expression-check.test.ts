import { describe, expect, it } from 'vitest';
import { describeCheck, expressionBody } from './expression-check.js';

describe('describeCheck', () => {
  it('describeCheck passes the engine error message through', () => {
    expect(describeCheck('Sum(', { qErrorMsg: 'Missing right parenthesis' })).toEqual({
      kind: 'error',
      message: 'Missing right parenthesis',
    });
  });

  it('describeCheck quotes unknown field names from the expression', () => {
    const result = { qErrorMsg: '', qBadFieldNames: [{ qFrom: 4, qCount: 5 }] };
    expect(describeCheck('Sum(Salez)', result)).toEqual({ kind: 'bad-fields', fields: ['Salez'] });
  });

  it('describeCheck is ok when the engine reports nothing', () => {
    expect(describeCheck('Sum(Sales)', {})).toEqual({ kind: 'ok' });
  });
});

describe('expressionBody', () => {
  it('expressionBody strips the leading = of a measure', () => {
    expect(expressionBody(' =Sum(X)')).toBe('Sum(X)');
  });
});
