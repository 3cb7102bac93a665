import { readFile } from 'node:fs/promises';
import { type ReloadResult, runScript, type ScriptHost } from '@cairn/script';
import { describe, expect, it } from 'vitest';
import { demoFiles } from './demo-files.js';
import { diamondsApp } from './diamonds-app.js';
import { northwindApp } from './northwind-app.js';

/** A host that serves the Demo space's files straight from the packages that ship them. */
function demoHost(): ScriptHost {
  const byName = new Map(
    Object.values(demoFiles()).map((f) => [`lib://Demo:DataFiles/${f.name}`, f.path]),
  );
  return {
    async readFile(path) {
      const file = byName.get(path);
      if (!file) throw new Error(`no demo file ${path}`);
      return readFile(file);
    },
    async writeFile() {
      throw new Error('demo scripts store nothing');
    },
    async listFiles() {
      return [];
    },
    log() {},
    signal: new AbortController().signal,
    limits: { maxRows: 10_000_000, maxMemoryBytes: 2 ** 31 },
  };
}

function table(result: ReloadResult, name: string) {
  return result.model.tableByName(name);
}

describe('demo load scripts on the real data', () => {
  it('the Diamonds script loads all 53,940 diamonds', async () => {
    const result = await runScript(diamondsApp.script, demoHost());
    expect(table(result, 'Diamonds')?.rowCount).toBe(53_940);
    expect(result.model.fieldByName('Cut')?.symbols.size).toBe(5);
  });

  it('the Northwind script links its seven tables without synthetic keys', async () => {
    const result = await runScript(northwindApp.script, demoHost());
    expect(result.model.tables.map((t) => t.name).sort()).toEqual([
      'Categories',
      'Customers',
      'OrderDetails',
      'Orders',
      'Products',
      'Shippers',
      'Suppliers',
    ]);
    expect(table(result, 'OrderDetails')?.rowCount).toBe(2155);
  });

  it('the Northwind script turns the text "NULL" into real nulls', async () => {
    const result = await runScript(northwindApp.script, demoHost());
    const region = result.model.fieldByName('Customer Region');
    const texts = Array.from({ length: region?.symbols.size ?? 0 }, (_, i) =>
      region?.symbols.text(i),
    );
    expect(texts).not.toContain('NULL');
  });
});
