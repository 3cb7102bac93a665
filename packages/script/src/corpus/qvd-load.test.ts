import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../../test-support/corpus.js';
import { corpusResolver } from '../testing/memory-host.js';
import { fieldNames, tableTexts } from '../testing/model-rows.js';
import { reload } from '../testing/reload.js';

const corpus = corpusDir();
const qvd = join(corpus ?? '', 'qvd');

describe.skipIf(corpus === null)('LOAD … FROM file.qvd (qvd) on the QVD corpus', () => {
  it('qvc_Rates.qvd: DATE fields stored as pure numbers get their text from the QVD format', async () => {
    const { model } = await reload('R: LOAD * FROM [lib://data/qvc_Rates.qvd] (qvd);', {
      resolve: corpusResolver(qvd, qvd),
    });
    const effective = fieldNames(model, 'R').indexOf('Effective date');
    expect(tableTexts(model, 'R')[0]?.[effective]).toBe('2/15/2011');
  });

  it('qvd4js_empty_qvd.qvd: a QVD without rows loads as a table with its fields and no rows', async () => {
    const { model } = await reload('E: LOAD * FROM [lib://data/qvd4js_empty_qvd.qvd] (qvd);', {
      resolve: corpusResolver(qvd, qvd),
    });
    expect([model.tableByName('E')?.rowCount, fieldNames(model, 'E').length]).toEqual([0, 3]);
  });

  it('ctrlq_damaged.NEGATIVE.qvd fails with FILE_READ_FAILED at the LOAD', async () => {
    const failure = await reload(
      'TRACE x;\nLOAD * FROM [lib://data/ctrlq_damaged.NEGATIVE.qvd] (qvd);',
      {
        resolve: corpusResolver(qvd, qvd),
      },
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'FILE_READ_FAILED', line: 2 });
  });
});

describe('STORE and LOAD of a QVD through the host', () => {
  it('a table stored as QVD and loaded back has the same rows', async () => {
    const { model } = await reload(`T: LOAD * INLINE [
A, B
1, x
2.5, y
];
STORE T INTO lib://DataFiles/t.qvd (qvd);
DROP TABLE T;
U: LOAD * FROM [lib://DataFiles/t.qvd] (qvd);`);
    expect(tableTexts(model, 'U')).toEqual([
      ['1', 'x'],
      ['2.5', 'y'],
    ]);
  });

  it('two tables sharing two fields give a synthetic-key warning in the result', async () => {
    const { warnings } = await reload(`A: LOAD * INLINE [
K1, K2, X
1, 2, 3
];
B: LOAD * INLINE [
K1, K2, Y
1, 2, 4
];`);
    expect(warnings.map((warning) => warning.code)).toContain('SYNTHETIC_KEY');
  });
});
