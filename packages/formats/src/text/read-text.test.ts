import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { FileFormatSpec } from '../spec.js';
import { rowsOf } from '../test-tables.js';
import { readText } from './read-text.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (text: string | Uint8Array, spec: FileFormatSpec = {}) =>
  readText(typeof text === 'string' ? utf8(text) : text, spec, 'data.csv', 'data');
const names = (text: string | Uint8Array, spec: FileFormatSpec = {}) =>
  read(text, spec).batches[0]?.columns.map((c) => c.name);

describe('readText', () => {
  it('readText(csv) uses the first line as labels and keeps cells as text', () => {
    const table = read('id,name\n1,Ann\n2,"Bo, Jr."\n');
    expect(names('id,name\n1,Ann\n')).toEqual(['id', 'name']);
    expect(rowsOf(table)).toEqual([
      ['1', 'Ann'],
      ['2', 'Bo, Jr.'],
    ]);
  });

  it('readText(csv, {labels: none}) names fields @1, @2 and keeps the first line as data', () => {
    const table = read('a,b\nc,d', { labels: 'none' });
    expect(table.batches[0]?.columns.map((c) => c.name)).toEqual(['@1', '@2']);
    expect(rowsOf(table)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('readText(csv, {labels: explicit}) reads the labels line like embedded labels', () => {
    expect(names('x,y\n1,2', { labels: 'explicit' })).toEqual(['x', 'y']);
  });

  it.each([
    ['\\t', 'a\tb\n1\t2'],
    ['tab', 'a\tb\n1\t2'],
    [';', 'a;b\n1;2'],
    ['spaces', 'a   b\n 1 2  '],
  ])('readText(txt, {delimiter: %j}) splits fields', (delimiter, text) => {
    expect(rowsOf(read(text, { delimiter }))).toEqual([['1', '2']]);
  });

  it('readText(txt) without a delimiter guesses it from the first line', () => {
    expect(names('a|b|c\n1|2|3')).toEqual(['a', 'b', 'c']);
  });

  it('readText(csv) strips ASCII spaces but keeps NBSP and tabs, unless verbatim', () => {
    const text = 'a,b\n  x , y\u00a0\n';
    expect(rowsOf(read(text))).toEqual([['x', 'y\u00a0']]);
    expect(rowsOf(read(text, { verbatim: true }))).toEqual([['  x ', ' y\u00a0']]);
  });

  it('readText(csv) keeps an empty cell as an empty text, not NULL', () => {
    expect(rowsOf(read('a,b\n,1'))).toEqual([['', '1']]);
  });

  it('readText(csv) reads doubled quotes and line breaks inside quotes', () => {
    expect(rowsOf(read('a\n"say ""hi""\nthere"'))).toEqual([['say "hi"\nthere']]);
  });

  it('readText(csv, {quoting: none}) keeps quotes as text', () => {
    expect(rowsOf(read('a,b\n"x,y"', { quoting: 'none', ragged: 'fill' }))).toEqual([['"x', 'y"']]);
  });

  it('readText(csv, {headerLines, comment}) skips header lines and comment lines', () => {
    const text = 'Report of 2024\nexported\nid,v\n// note\n1,a\n';
    expect(rowsOf(read(text, { headerLines: 2, comment: '//' }))).toEqual([['1', 'a']]);
  });

  it('readText(cp1251 bytes, {codePage: 1251}) decodes Cyrillic', () => {
    const bytes = iconv.encode('имя\nПривет\n', 'windows-1251');
    expect(rowsOf(read(bytes, { codePage: 1251 }))).toEqual([['Привет']]);
  });

  it('readText(ansi bytes) without a code page falls back to windows-1252', () => {
    expect(rowsOf(read(iconv.encode('a\ncafé', 'windows-1252')))).toEqual([['café']]);
  });

  it('readText(UTF-16LE with BOM) reads by its BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('a,b\nä,ö', 'utf16le')]);
    expect(rowsOf(read(bytes, { codePage: 'unicode' }))).toEqual([['ä', 'ö']]);
  });

  it('readText(UTF-8 with BOM) drops the BOM from the first label', () => {
    expect(names('\ufeffid,v\n1,2')).toEqual(['id', 'v']);
  });

  it('readText(ragged row) fails with TEXT_ROW_INVALID at its line', () => {
    expect(() => read('a,b\n1,2\n3,4,5\n')).toThrow(
      expect.objectContaining({ code: 'TEXT_ROW_INVALID', line: 3, column: 3 }),
    );
  });

  it('readText(ragged row, {ragged: fill}) pads with NULL and cuts surplus cells', () => {
    expect(rowsOf(read('a,b\n1\n3,4,5\n', { ragged: 'fill' }))).toEqual([
      ['1', null],
      ['3', '4'],
    ]);
  });

  it('readText(unclosed quote) fails with TEXT_QUOTE_UNBALANCED at the record line', () => {
    expect(() => read('a,b\n1,2\n3,"oops\n5,6\n')).toThrow(
      expect.objectContaining({ code: 'TEXT_QUOTE_UNBALANCED', line: 3 }),
    );
  });

  it('readText(stray quote, {quoting: msq}) fails with TEXT_QUOTE_UNBALANCED', () => {
    expect(() => read('a\n"x"y\n', { quoting: 'msq' })).toThrow(
      expect.objectContaining({ code: 'TEXT_QUOTE_UNBALANCED', line: 2 }),
    );
  });

  it('readText(invalid UTF-8, {codePage: utf8}) fails with line and column of the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('a\nok\nxy'), Buffer.from([0xff]), Buffer.from('z')]);
    expect(() => read(bytes, { codePage: 'utf8' })).toThrow(
      expect.objectContaining({ code: 'TEXT_ENCODING_INVALID', line: 3, column: 3 }),
    );
  });

  it('readText(record over the size limit) fails with TEXT_FIELD_TOO_LONG at its line', () => {
    const bytes = utf8(`a\nshort\n"${'x'.repeat(500)}"\n`);
    expect(() => readText(bytes, {}, 'big.csv', 'big', 100)).toThrow(
      expect.objectContaining({ code: 'TEXT_FIELD_TOO_LONG', line: 3 }),
    );
  });

  it('readText(repeated label) fails with TEXT_LABELS_INVALID quoting it', () => {
    expect(() => read('a,b,a\n1,2,3')).toThrow(/the label "a" occurs twice/);
  });

  it('readText(csv, {delimiter: "ab"}) fails with FORMAT_OPTION_INVALID', () => {
    expect(() => read('a', { delimiter: 'ab' })).toThrow(
      expect.objectContaining({ code: 'FORMAT_OPTION_INVALID' }),
    );
  });

  it('readText(csv, {codePage: "klingon"}) fails with FORMAT_OPTION_INVALID quoting it', () => {
    expect(() => read('a', { codePage: 'klingon' })).toThrow(/"klingon" is not known/);
  });
});
