import { Dual } from '@cairn/engine';
import { describe, expect, it } from 'vitest';
import type { FileFormatSpec } from '../spec.js';
import { rowsOf } from '../test-tables.js';
import { readJson } from './read-json.js';

const read = (text: string, spec: FileFormatSpec = {}) =>
  readJson(new TextEncoder().encode(text), spec, 'data.json', 'data');
const names = (text: string, spec: FileFormatSpec = {}) =>
  read(text, spec).batches[0]?.columns.map((c) => c.name);

describe('readJson', () => {
  it('readJson(array of objects) gives one field per key in first-seen order, NULL if missing', () => {
    const table = read('[{"a": 1, "b": "x"}, {"c": true}, {"a": null, "b": "y"}]');
    expect(names('[{"a": 1, "b": "x"}, {"c": true}]')).toEqual(['a', 'b', 'c']);
    expect(rowsOf(table)).toEqual([
      [1, 'x', null],
      [null, null, new Dual(-1, 'true')],
      [null, 'y', null],
    ]);
  });

  it('readJson(NDJSON) reads one record per line', () => {
    expect(rowsOf(read('{"a": 1}\n\n{"a": 2}\r\n'))).toEqual([[1], [2]]);
  });

  it('readJson(object, {table}) reads the named array member, dotted paths reaching deeper', () => {
    const text = '{"meta": {"n": 2}, "data": {"items": [{"v": 1}, {"v": 2}]}}';
    expect(rowsOf(read(text, { table: 'data.items' }))).toEqual([[1], [2]]);
  });

  it('readJson(object with one array member) reads that member without table is', () => {
    expect(rowsOf(read('{"count": 1, "rows": [{"v": "a"}]}'))).toEqual([['a']]);
  });

  it('readJson(nested objects) flattens them into dotted names; arrays stay JSON text', () => {
    const table = read(
      '[{"id": 1, "address": {"city": "Lund", "geo": {"lat": 55.7}}, "tags": ["a", 1]}]',
    );
    expect(table.batches[0]?.columns.map((c) => c.name)).toEqual([
      'id',
      'address.city',
      'address.geo.lat',
      'tags',
    ]);
    expect(rowsOf(table)).toEqual([[1, 'Lund', 55.7, '["a",1]']]);
  });

  it('readJson(broken JSON) fails with JSON_INVALID at line and column', () => {
    expect(() => read('[\n  {"a": 1},\n  {"a" 2}\n]')).toThrow(
      expect.objectContaining({ code: 'JSON_INVALID', line: 3, column: 8 }),
    );
  });

  it('readJson(NDJSON with a broken line) fails with JSON_INVALID naming that line', () => {
    expect(() => read('{"a": 1}\n{"a": 2}\n{"a": }\n')).toThrow(
      expect.objectContaining({ code: 'JSON_INVALID', line: 3 }),
    );
  });

  it('readJson(objects nested 40 deep) fails with JSON_SHAPE_UNSUPPORTED, not a stack overflow', () => {
    const deep = `[${'{"a":'.repeat(40)}1${'}'.repeat(40)}]`;
    expect(() => read(deep)).toThrow(expect.objectContaining({ code: 'JSON_SHAPE_UNSUPPORTED' }));
  });

  it('readJson(array of numbers) fails with JSON_SHAPE_UNSUPPORTED naming the record', () => {
    expect(() => read('[1, 2]')).toThrow(/record 1 is "1", not an object/);
  });

  it('readJson(object, {table: missing}) fails with JSON_SHAPE_UNSUPPORTED listing members', () => {
    expect(() => read('{"a": [], "b": []}', { table: 'c' })).toThrow(
      /the member "c" is not an array of records \(members: "a", "b"\)/,
    );
  });
});
