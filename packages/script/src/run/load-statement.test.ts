import { describe, expect, it } from 'vitest';
import { fieldNames, tableTexts } from '../testing/model-rows.js';
import { reload, reloadError } from '../testing/reload.js';

const PEOPLE = `People:
LOAD * INLINE [
Id, Name
1, Ann
2, Bob
3, Cy
];
`;

describe('runScript LOAD statements', () => {
  it('LEFT JOIN adds the joined fields to matching rows and NULL elsewhere', async () => {
    const { model } = await reload(`${PEOPLE}LEFT JOIN (People) LOAD * INLINE [
Id, City
1, Oslo
3, Rome
];`);
    expect(tableTexts(model, 'People')).toEqual([
      ['1', 'Ann', 'Oslo'],
      ['2', 'Bob', null],
      ['3', 'Cy', 'Rome'],
    ]);
  });

  it('INNER KEEP filters both tables to matching keys and keeps them apart', async () => {
    const { model } = await reload(`${PEOPLE}Cities: INNER KEEP (People) LOAD * INLINE [
Id, City
1, Oslo
9, Nowhere
];`);
    expect(tableTexts(model, 'People')).toEqual([['1', 'Ann']]);
    expect(tableTexts(model, 'Cities')).toEqual([['1', 'Oslo']]);
  });

  it('a second table with the same name gets -1; NOCONCATENATE keeps it apart', async () => {
    const { model } = await reload(`${PEOPLE}People: NOCONCATENATE LOAD * RESIDENT People;`);
    expect(model.tables.filter((t) => !t.isSynthetic).map((t) => t.name)).toEqual([
      'People',
      'People-1',
    ]);
  });

  it('LOAD * RESIDENT of a table concatenates onto it automatically (same field set)', async () => {
    const { model } = await reload(`${PEOPLE}LOAD * RESIDENT People;`);
    expect(model.tableByName('People')?.rowCount).toBe(6);
  });

  it('MAPPING LOAD + ApplyMap maps known keys and falls back to the default', async () => {
    const { model } = await reload(`Map: MAPPING LOAD * INLINE [
k, v
1, one
];
T: LOAD ApplyMap('Map', Id, 'other') AS Word INLINE [
Id
1
2
];`);
    expect(tableTexts(model, 'T')).toEqual([['one'], ['other']]);
    expect(model.tables.map((t) => t.name)).toEqual(['T']);
  });

  it('WHILE repeats a record with IterNo() and WHERE filters records', async () => {
    const { model } = await reload(`T: LOAD Word, Mid(Word, IterNo(), 1) AS Letter INLINE [
Word
ab
xyz
] WHILE IterNo() <= Len(Word) AND Word <> 'xyz';`);
    expect(tableTexts(model, 'T')).toEqual([
      ['ab', 'a'],
      ['ab', 'b'],
    ]);
  });

  it('Peek, Previous and RowNo see the rows loaded so far', async () => {
    const { model } =
      await reload(`T: LOAD N, RowNo() AS R, Previous(N) AS P, Peek('N') AS Last INLINE [
N
10
20
];`);
    expect(tableTexts(model, 'T')).toEqual([
      ['10', '1', null, null],
      ['20', '2', '10', '10'],
    ]);
  });

  it('WHERE NOT Exists(Id) skips values already loaded anywhere', async () => {
    const { model } = await reload(`${PEOPLE}Concatenate (People) LOAD * INLINE [
Id, Name
3, Again
4, Dee
] WHERE NOT Exists(Id);`);
    expect(tableTexts(model, 'People').map((row) => row[1])).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
  });

  it('GROUP BY with Count, Min, Max, Avg and Concat', async () => {
    const { model } = await reload(`T: LOAD * INLINE [
G, V
a, 1
a, 3
b, 5
];
S: LOAD G, Count(V) AS C, Min(V) AS Lo, Max(V) AS Hi, Avg(V) AS A, Concat(V, '-') AS L
RESIDENT T GROUP BY G;
DROP TABLE T;`);
    expect(tableTexts(model, 'S')).toEqual([
      ['a', '2', '1', '3', '2', '1-3'],
      ['b', '1', '5', '5', '5', '5'],
    ]);
  });

  it('aggregations without GROUP BY reduce the whole input to one row', async () => {
    const { model } = await reload(`T: LOAD * INLINE [
V
3
1
2
];
R: LOAD Min(V) AS Lo, Max(V) AS Hi, Sum(V) * 2 AS Twice RESIDENT T;`);
    expect(tableTexts(model, 'R')).toEqual([['1', '3', '12']]);
  });

  it('GROUP BY with FirstSortedValue, weighted Concat, StDev and Fractile', async () => {
    const { model } = await reload(`T: LOAD * INLINE [
G, V, W
a, x, 3
a, y, 1
a, z, 2
];
S: LOAD G, FirstSortedValue(V, W) AS F, Concat(V, ',', W) AS C, StDev(W) AS D,
Fractile(W, 0.5) AS M RESIDENT T GROUP BY G;`);
    expect(tableTexts(model, 'S')).toEqual([['a', 'y', 'y,z,x', '1', '2']]);
  });

  it('ORDER BY sorts a RESIDENT load, DISTINCT drops repeated rows, FIRST n stops early', async () => {
    const { model } = await reload(`T: LOAD * INLINE [
V
3
1
3
2
];
U: NOCONCATENATE LOAD DISTINCT V RESIDENT T ORDER BY V DESC;
W: FIRST 2 LOAD V AS X RESIDENT T;`);
    expect(tableTexts(model, 'U').flat()).toEqual(['3', '2', '1']);
    expect(tableTexts(model, 'W').flat()).toEqual(['3', '1']);
  });

  it('QUALIFY * names fields Table.Field except UNQUALIFY ones', async () => {
    const { model } = await reload(`QUALIFY *; UNQUALIFY Id;\n${PEOPLE}`);
    expect(fieldNames(model, 'People')).toEqual(['Id', 'People.Name']);
  });

  it('an unknown field in an expression fails at its line and column, and no model is returned', async () => {
    const error = await reloadError(`${PEOPLE}T: LOAD Id,\n  Nmae AS X RESIDENT People;`);
    expect(error).toMatchObject({ code: 'EXPRESSION_ERROR', line: 9, column: 3, text: 'Nmae' });
  });

  it('a file load reads through the host and interprets numbers by the locale', async () => {
    const { model } = await reload(
      "SET DecimalSep=','; SET ThousandSep='.';\nT: LOAD * FROM [lib://DataFiles/a.csv] (txt, delimiter is ';');",
      {
        files: { 'lib://DataFiles/a.csv': 'A;B\n1,5;x\n' },
      },
    );
    expect(model.fieldByName('A')?.symbols.num(0)).toBe(1.5);
  });
});

describe('runScript CROSSTABLE and STORE', () => {
  it('STORE … INTO x.csv (txt) writes a text file through the host', async () => {
    const { host } = await reload(
      `${PEOPLE}STORE Id FROM People INTO lib://DataFiles/out.csv (txt);`,
    );
    const text = new TextDecoder().decode(host.written.get('lib://DataFiles/out.csv'));
    expect(text.split(/\r?\n/).slice(0, 2)).toEqual(['Id', '1']);
  });

  it('STORE into a path with .. is refused with PATH_REFUSED at the path', async () => {
    const error = await reloadError(`${PEOPLE}STORE People INTO lib://DataFiles/../x.qvd;`);
    expect(error).toMatchObject({ code: 'PATH_REFUSED', line: 8, column: 19 });
  });
});

describe('runScript file formats through @cairn/formats', () => {
  it('json with `table is` reads the array member of a top-level object', async () => {
    const { model } = await reload(
      'J: LOAD * FROM [lib://DataFiles/a.json] (json, table is rows);',
      {
        files: {
          'lib://DataFiles/a.json': '{"meta": 1, "rows": [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]}',
        },
      },
    );
    expect(tableTexts(model, 'J')).toEqual([
      ['1', 'x'],
      ['2', 'y'],
    ]);
  });

  it('a format the grammar knows but Cairn does not read (fix) stops with NOT_SUPPORTED', async () => {
    const error = await reloadError('LOAD * FROM [lib://DataFiles/a.fix] (fix, no labels);', {
      files: { 'lib://DataFiles/a.fix': 'abc' },
    });
    expect(error).toMatchObject({ code: 'NOT_SUPPORTED', message: expect.stringMatching(/fix/) });
  });

  it('a malformed text file fails with FILE_READ_FAILED quoting the reader error', async () => {
    const error = await reloadError(
      "LOAD * FROM [lib://DataFiles/bad.csv] (txt, delimiter is ',');",
      {
        files: { 'lib://DataFiles/bad.csv': 'a,b\n"unclosed,2\n' },
      },
    );
    expect(error).toMatchObject({ code: 'FILE_READ_FAILED', line: 1 });
  });
});
