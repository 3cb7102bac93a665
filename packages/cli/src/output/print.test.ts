import { describe, expect, it } from 'vitest';
import { formatTable } from './print.js';

describe('formatTable', () => {
  it('aligns columns under upper-case headers and reads nested paths', () => {
    const text = formatTable(
      [
        { id: 'a1', attributes: { name: 'Sales' } },
        { id: 'b22', attributes: { name: 'HR' } },
      ],
      ['id', 'attributes.name'],
    );
    expect(text).toBe('ID   ATTRIBUTES.NAME\na1   Sales\nb22  HR\n');
  });

  it('says (none) for an empty list', () => {
    expect(formatTable([])).toBe('(none)\n');
  });
});
