import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/build-model.js';
import type { DataModel } from '../model/data-model.js';
import { dual } from '../model/value.js';
import { tableInput } from '../testing/table-input.js';
import { deserializeModel } from './deserialize-model.js';
import { serializeModel } from './serialize-model.js';

const model = buildModel(
  [
    tableInput('Orders', {
      Year: [2024, 2025, null],
      Region: ['N', 'S', 'N'],
      Day: [dual(45292, '2024-01-01'), null, 3.5],
    }),
    tableInput('Budget', { Year: [2024], Region: ['S'], Note: ['é😀'] }),
  ],
  { id: 'model-1' },
);

/** Everything observable about a model, as plain data. */
function dump(m: DataModel) {
  return {
    id: m.id,
    warnings: m.warnings,
    fields: m.fields.map((f) => ({
      name: f.name,
      tags: f.tags,
      tables: f.tables,
      isSystem: f.isSystem,
      values: Array.from({ length: f.symbols.size }, (_, i) => f.symbols.value(i)),
    })),
    tables: m.tables.map((t) => ({
      name: t.name,
      flags: [t.isSynthetic, t.isLooselyCoupled, t.rowCount],
      columns: t.columns.map((c) => [c.field, c.codes.constructor.name, [...c.codes]]),
    })),
  };
}

describe('serializeModel / deserializeModel', () => {
  it('deserializeModel(serializeModel(m)) gives back the same model', () => {
    expect(dump(deserializeModel(serializeModel(model)))).toEqual(dump(model));
  });

  it('deserializeModel finds values by number and text after a round trip', () => {
    const back = deserializeModel(serializeModel(model));
    expect(back.fieldByName('Day')?.symbols.find(45292)).toBe(0);
    expect(back.fieldByName('Note')?.symbols.find('é😀')).toBe(0);
  });

  it('deserializeModel reads a copy that is not 8-byte aligned', () => {
    const bytes = serializeModel(model);
    const shifted = new Uint8Array(bytes.length + 3).subarray(3);
    shifted.set(bytes);
    expect(deserializeModel(shifted).tables.length).toBe(3);
  });
});

describe('deserializeModel errors', () => {
  const bytes = serializeModel(model);

  it('deserializeModel rejects truncated bytes', () => {
    expect(() => deserializeModel(bytes.subarray(0, bytes.length - 10))).toThrow(
      expect.objectContaining({ code: 'MODEL_TRUNCATED' }),
    );
  });

  it('deserializeModel rejects bytes without the magic', () => {
    expect(() =>
      deserializeModel(new TextEncoder().encode('PK\u0003\u0004 this is a zip file')),
    ).toThrow(/not a Cairn model: starts with "PK/);
  });

  it('deserializeModel rejects another format version', () => {
    const other = bytes.slice();
    other[8] = 7;
    expect(() => deserializeModel(other)).toThrow(/model format version 7 is not supported/);
  });

  it('deserializeModel rejects a flipped byte as corrupt', () => {
    const corrupt = bytes.slice();
    corrupt[bytes.length - 20] = (corrupt[bytes.length - 20] ?? 0) ^ 0xff;
    expect(() => deserializeModel(corrupt)).toThrow(
      expect.objectContaining({ code: 'MODEL_CORRUPT' }),
    );
  });
});

describe('deserializeModel on a prefix of the magic', () => {
  it('deserializeModel calls a few leading bytes truncated', () => {
    expect(() => deserializeModel(new TextEncoder().encode('CAIRN'))).toThrow(
      expect.objectContaining({ code: 'MODEL_TRUNCATED' }),
    );
  });
});
