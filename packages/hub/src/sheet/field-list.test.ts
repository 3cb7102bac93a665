import { describe, expect, it } from 'vitest';
import { readFieldList } from './field-list.js';

describe('readFieldList', () => {
  it('readFieldList sorts field names and leaves out system fields', () => {
    const layout = {
      qFieldList: { qItems: [{ qName: 'b' }, { qName: '$Table' }, { qName: 'A' }] },
    };
    expect(readFieldList(layout)).toEqual(['A', 'b']);
  });
});
