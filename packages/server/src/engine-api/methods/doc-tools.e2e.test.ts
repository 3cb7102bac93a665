import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineCalculator } from '../calc/engine-calculator.js';
import { FakeDeps } from '../testing/fake-deps.js';
import { salesModel } from '../testing/fixture-model.js';
import { type Harness, rpc, startHarness } from '../testing/harness.js';

// Doc methods for tooling (data-model viewers, expression editors, global search).
let harness: Harness;
let doc: EnigmaJS.QixObject;

beforeEach(async () => {
  const deps = new FakeDeps();
  deps.addKey('editor-key', 't1', 'u1', 'editor');
  deps.addApp('sales', salesModel());
  harness = await startHarness(deps, createEngineCalculator);
  const global = await harness.session('/app/sales').open();
  doc = await rpc(global, 'openDoc', 'sales');
});

afterEach(async () => {
  await harness.close();
});

describe('Doc tooling methods', () => {
  it('GetTableData returns rows of a table from an offset', async () => {
    const rows = await rpc<{ qValue: { qText: string }[] }[]>(
      doc,
      'getTableData',
      1,
      2,
      false,
      'Customers',
    );
    expect(rows.map((r) => r.qValue.map((v) => v.qText).join(','))).toEqual([
      'C2,Sweden',
      'C3,Germany',
    ]);
  });

  it('GetFieldDescription describes a field and its source tables', async () => {
    const description = await rpc<{ qName: string; qCardinal: number; qSrcTables: string[] }>(
      doc,
      'getFieldDescription',
      'CustomerID',
    );
    expect([description.qCardinal, description.qSrcTables]).toEqual([4, ['Orders', 'Customers']]);
  });

  it('GetFieldsFromExpression names the model fields an expression reads', async () => {
    const fields = await rpc<string[]>(
      doc,
      'getFieldsFromExpression',
      'Sum(Sales) / Count(Country)',
    );
    expect(fields).toEqual(['Sales', 'Country']);
  });

  it('CheckExpression reports a field the model lacks by its range', async () => {
    const result = await rpc<{ qBadFieldNames: { qFrom: number; qCount: number }[] }>(
      doc,
      'checkExpression',
      'Sum(Nope)',
    );
    expect(result.qBadFieldNames).toEqual([{ qFrom: 4, qCount: 4 }]);
  });

  it('CheckExpression answers the parse error text for a broken expression', async () => {
    const result = await rpc<{ qErrorMsg: string }>(doc, 'checkExpression', 'Sum(Sales');
    expect(result.qErrorMsg).not.toBe('');
  });

  it('SearchResults finds a value in a field by the start of a word', async () => {
    const result = await rpc<{
      qSearchGroupArray: { qItems: { qIdentifier: string; qItemMatches: { qText: string }[] }[] }[];
    }>(doc, 'searchResults', {}, ['ger'], { qOffset: 0, qCount: 10 });
    const items = result.qSearchGroupArray[0]?.qItems ?? [];
    expect(items.map((i) => `${i.qIdentifier}:${i.qItemMatches[0]?.qText}`)).toEqual([
      'Country:Germany',
    ]);
  });

  it('SearchSuggest suggests completions of the last term', async () => {
    const result = await rpc<{ qSuggestions: { qValue: string }[] }>(doc, 'searchSuggest', {}, [
      'ta',
    ]);
    expect(result.qSuggestions.map((s) => s.qValue)).toEqual(['Table']);
  });

  it('GetLocaleInfo answers the app locale', async () => {
    const locale = await rpc<{ qThousandSep: string }>(doc, 'getLocaleInfo');
    expect(locale.qThousandSep).toBe(',');
  });
});
