import { describe, expect, it } from 'vitest';
import { readCurrentSelections, selectionText } from './current-selections.js';

const layout = {
  qSelectionObject: {
    qBackCount: 2,
    qForwardCount: 0,
    qSelections: [
      {
        qField: 'Country',
        qSelectedCount: 2,
        qTotal: 10,
        qSelectedFieldSelectionInfo: [{ qName: 'Sweden' }, { qName: 'Norway' }],
      },
    ],
  },
};

describe('readCurrentSelections', () => {
  it('readCurrentSelections reads history counts and the selected fields', () => {
    const current = readCurrentSelections(layout);
    expect([current.backCount, current.fields[0]?.values]).toEqual([2, ['Sweden', 'Norway']]);
  });

  it('readCurrentSelections tolerates a layout without qSelectionObject', () => {
    expect(readCurrentSelections({})).toEqual({ backCount: 0, forwardCount: 0, fields: [] });
  });
});

describe('selectionText', () => {
  const count = (n: number, total: number) => `${n} of ${total}`;

  it('selectionText lists a few selected values by name', () => {
    const field = readCurrentSelections(layout).fields[0];
    expect(field && selectionText(field, count)).toBe('Sweden, Norway');
  });

  it('selectionText counts when more values are selected than it names', () => {
    const field = { field: 'F', values: ['a', 'b'], selectedCount: 5, total: 9, locked: false };
    expect(selectionText(field, count)).toBe('5 of 9');
  });
});
