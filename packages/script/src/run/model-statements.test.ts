import { describe, expect, it } from 'vitest';
import { fieldNames, tableTexts } from '../testing/model-rows.js';
import { reload, reloadError } from '../testing/reload.js';

const T = `T: LOAD * INLINE [
A, B
1, x
];
`;

describe('runScript DROP, RENAME, TAG, COMMENT, ALIAS', () => {
  it('DROP FIELD removes the field; a table left without fields is gone', async () => {
    const { model } = await reload(
      `${T}DROP FIELD B;\nU: LOAD 1 AS C AUTOGENERATE 1;\nDROP FIELD C FROM U;`,
    );
    expect([model.tables.map((t) => t.name), fieldNames(model, 'T')]).toEqual([['T'], ['A']]);
  });

  it('DROP FIELD of a field no table has fails with FIELD_NOT_FOUND', async () => {
    expect(await reloadError(`${T}DROP FIELD Zed;`)).toMatchObject({
      code: 'FIELD_NOT_FOUND',
      line: 5,
    });
  });

  it('RENAME TABLE and RENAME FIELD rename; RENAME FIELDS USING a mapping renames by map', async () => {
    const { model } = await reload(`${T}RENAME TABLE T TO T2;\nRENAME FIELD A TO A2;
Names: MAPPING LOAD * INLINE [
old, new
B, Bee
];
RENAME FIELDS USING Names;`);
    expect([model.tables[0]?.name, fieldNames(model, 'T2')]).toEqual(['T2', ['A2', 'Bee']]);
  });

  it('TAG FIELD and COMMENT FIELD reach the model', async () => {
    const { model } = await reload(
      `${T}TAG FIELD A WITH 'dimension';\nCOMMENT FIELD B WITH 'the b';`,
    );
    expect(model.fieldByName('A')?.tags).toContain('dimension');
    expect(model.fieldByName('B')?.comment).toBe('the b');
  });

  it('ALIAS renames a field in the loads that follow', async () => {
    const { model } = await reload(`ALIAS A AS Alpha;\n${T}`);
    expect(fieldNames(model, 'T')).toEqual(['Alpha', 'B']);
  });

  it('AutoNumber numbers values in order of first appearance', async () => {
    const { model } = await reload(`T: LOAD AutoNumber(V) AS N INLINE [
V
b
a
b
];`);
    expect(tableTexts(model, 'T').flat()).toEqual(['1', '2', '1']);
  });
});

describe('runScript includes', () => {
  it('$(include=…) of a missing file is a warning; $(must_include=…) fails with INCLUDE_FAILED', async () => {
    const { warnings } = await reload('$(include=lib://DataFiles/none.qvs);');
    expect(warnings.map((w) => w.code)).toEqual(['INCLUDE_MISSING']);
    expect(await reloadError('TRACE a;\n$(must_include=lib://DataFiles/none.qvs);')).toMatchObject({
      code: 'INCLUDE_FAILED',
      line: 2,
    });
  });

  it('an error inside an included file names that file and its line', async () => {
    const error = await reloadError('$(include=lib://DataFiles/inc.qvs);', {
      files: { 'lib://DataFiles/inc.qvs': 'TRACE ok;\nLOAD x y;' },
    });
    expect(error).toMatchObject({ file: 'lib://DataFiles/inc.qvs', line: 2 });
  });
});
