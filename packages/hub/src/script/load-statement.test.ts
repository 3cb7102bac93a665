import { describe, expect, it } from 'vitest';
import { formatSpec, loadStatement, tableLabel } from './load-statement.js';

describe('loadStatement', () => {
  it('loadStatement(csv) loads from lib://DataFiles with a comma-delimited spec', () => {
    expect(loadStatement('sales 2024.csv')).toBe(
      "[sales_2024]:\nLOAD *\nFROM [lib://DataFiles/sales 2024.csv]\n(txt, utf8, embedded labels, delimiter is ',');\n",
    );
  });

  it('loadStatement doubles a closing bracket inside the file name', () => {
    expect(loadStatement('a]b.qvd')).toContain('FROM [lib://DataFiles/a]]b.qvd]');
  });
});

describe('formatSpec', () => {
  it('formatSpec picks the spec by extension, ignoring case', () => {
    expect([formatSpec('X.QVD'), formatSpec('y.xlsx')]).toEqual([
      '(qvd)',
      '(ooxml, embedded labels)',
    ]);
  });
});

describe('tableLabel', () => {
  it('tableLabel falls back to Table for a name with no letters', () => {
    expect(tableLabel('---.csv')).toBe('Table');
  });
});
