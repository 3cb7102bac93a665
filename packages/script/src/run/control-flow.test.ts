import { describe, expect, it } from 'vitest';
import { reload, reloadError } from '../testing/reload.js';

function traces(log: readonly { kind: string; message?: string }[]): string[] {
  return log.flatMap((event) => (event.kind === 'trace' ? [event.message ?? ''] : []));
}

describe('runScript control statements and variables', () => {
  it('IF / ELSEIF / ELSE runs the first true branch', async () => {
    const { log } = await reload(
      'LET x = 2;\nIF x = 1 THEN\nTRACE one;\nELSEIF x = 2 THEN\nTRACE two;\nELSE\nTRACE other;\nEND IF',
    );
    expect(traces(log)).toEqual(['two']);
  });

  it('FOR … STEP … NEXT and EXIT FOR WHEN', async () => {
    const { log } = await reload(
      'FOR i = 1 TO 9 STEP 2\nTRACE $(i);\nEXIT FOR WHEN i >= 5\nNEXT i',
    );
    expect(traces(log)).toEqual(['1', '3', '5']);
  });

  it('FOR EACH over a list and over FileList()', async () => {
    const { log } = await reload(
      "FOR EACH f IN 'a', 'b', FileList('lib://DataFiles/*.csv')\nTRACE $(f);\nNEXT",
      {
        files: { 'lib://DataFiles/x.csv': '', 'lib://DataFiles/y.txt': '' },
      },
    );
    expect(traces(log)).toEqual(['a', 'b', 'lib://DataFiles/x.csv']);
  });

  it('DO WHILE … LOOP and LOOP UNTIL', async () => {
    const { log } = await reload(
      'LET n = 0;\nDO WHILE n < 2\nLET n = n + 1;\nTRACE w$(n);\nLOOP\nDO\nLET n = n - 1;\nLOOP UNTIL n = 0\nTRACE end$(n);',
    );
    expect(traces(log)).toEqual(['w1', 'w2', 'end0']);
  });

  it('SUB with parameters, CALL, and parameters restored after the call', async () => {
    const { log, variables } = await reload(
      "SUB Greet(who, times)\nTRACE hi $(who) $(times);\nEND SUB\nCALL Greet('ann', 1 + 1);",
    );
    expect(traces(log)).toEqual(['hi ann 2']);
    expect(variables.who).toBeUndefined();
  });

  it('SWITCH / CASE / DEFAULT picks the matching case', async () => {
    const { log } = await reload(
      "SET v = 'b';\nSWITCH '$(v)'\nCASE 'a'\nTRACE A;\nCASE 'b', 'c'\nTRACE BC;\nDEFAULT\nTRACE D;\nEND SWITCH",
    );
    expect(traces(log)).toEqual(['BC']);
  });

  it('$(v(params)), $(#v) and $(=expr) expand before the statement is parsed', async () => {
    const { log } = await reload(
      "SET f = $1 + $2;\nSET DecimalSep=',';\nLET h = 7/2;\nTRACE $(f(3,4)) $(h) $(#h) $(=1+1) [$(undefined)];",
    );
    expect(traces(log)).toEqual(['3 + 4 3,5 3.5 2 []']);
  });

  it('SET keeps text, LET evaluates, SET x = ; removes the variable', async () => {
    const { variables } = await reload("SET a = 1 + 1;\nLET b = 1 + 1;\nSET c = 'x';\nSET c = ;");
    expect([variables.a, variables.b, variables.c]).toEqual(['1 + 1', '2', undefined]);
  });

  it('EXIT SCRIPT stops the script and keeps what was loaded', async () => {
    const { log, model } = await reload(
      'T: LOAD 1 AS x AUTOGENERATE 2;\nEXIT SCRIPT;\nTRACE never;',
    );
    expect([traces(log), model.tableByName('T')?.rowCount]).toEqual([[], 2]);
  });

  it('CALL of an undefined SUB fails with SUB_NOT_FOUND at the CALL', async () => {
    expect(await reloadError('TRACE a;\nCALL Missing(1);')).toMatchObject({
      code: 'SUB_NOT_FOUND',
      line: 2,
      column: 1,
    });
  });

  it('an IF without END IF is a BLOCK_UNBALANCED error at the IF', async () => {
    expect(await reloadError('TRACE a;\nIF 1 = 1 THEN\nTRACE b;')).toMatchObject({
      code: 'BLOCK_UNBALANCED',
      line: 2,
    });
  });

  it('SQL SELECT stops the reload with a located NOT_SUPPORTED error', async () => {
    expect(await reloadError('TRACE a;\nT: SQL SELECT * FROM x;')).toMatchObject({
      code: 'NOT_SUPPORTED',
      line: 2,
    });
  });

  it('Binary and Section Access stop the reload with NOT_SUPPORTED', async () => {
    expect(await reloadError('Section Access;')).toMatchObject({
      code: 'NOT_SUPPORTED',
      message: expect.stringMatching(/SECTION/),
    });
  });
});

describe('runScript safety', () => {
  it('a row budget stops a runaway AUTOGENERATE with ROW_LIMIT', async () => {
    expect(
      await reloadError('T: LOAD RecNo() AS n AUTOGENERATE 1000;', { maxRows: 100 }),
    ).toMatchObject({ code: 'ROW_LIMIT' });
  });

  it('a memory budget stops the reload with MEMORY_LIMIT', async () => {
    const script = "T: LOAD Repeat('x', 100) & RecNo() AS s AUTOGENERATE 20000;";
    expect(await reloadError(script, { maxMemoryBytes: 100_000 })).toMatchObject({
      code: 'MEMORY_LIMIT',
    });
  });

  it('an aborted signal cancels the reload with CANCELLED', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await reloadError('DO WHILE 1 = 1\nLOOP', { signal: controller.signal });
    expect(error).toMatchObject({ code: 'CANCELLED' });
  });

  it('reading an absolute path is refused before the host is asked', async () => {
    expect(await reloadError('LOAD * FROM [C:\\data\\x.csv];')).toMatchObject({
      code: 'PATH_REFUSED',
      column: 13,
    });
  });

  it('a failed reload logs a failed event naming the line', async () => {
    const { testHost } = await import('../testing/memory-host.js');
    const { runScript } = await import('../run-script.js');
    const host = testHost();
    await runScript('TRACE a;\nDROP TABLE Nope;', host).catch(() => undefined);
    expect(host.events.at(-1)).toMatchObject({
      kind: 'failed',
      error: { code: 'TABLE_NOT_FOUND', line: 2 },
    });
  });

  it('a reload logs each table with rows fetched and fields', async () => {
    const { log } = await reload('T: LOAD RecNo() AS n AUTOGENERATE 3;');
    expect(log.find((event) => event.kind === 'table')).toMatchObject({
      table: 'T',
      rowsFetched: 3,
      fields: ['n'],
    });
  });
});

describe('runScript ErrorMode', () => {
  it('SET ErrorMode = 0 goes on after a failed statement and counts it in ScriptErrorCount', async () => {
    const { variables, log } = await reload('SET ErrorMode = 0;\nDROP TABLE Nope;\nTRACE after;');
    expect([variables.ScriptErrorCount, variables.ScriptError]).toEqual(['1', 'TABLE_NOT_FOUND']);
    expect(traces(log)).toEqual(['after']);
  });
});

describe('runScript SLEEP and EXIT SCRIPT WHEN', () => {
  it('SLEEP waits and the script goes on; EXIT SCRIPT WHEN false does not stop it', async () => {
    const { log } = await reload('SLEEP 1;\nEXIT SCRIPT WHEN 1 = 2;\nTRACE after;');
    expect(traces(log)).toEqual(['after']);
  });

  it('a FOR loop with an empty body still stops when the reload is cancelled', async () => {
    // A signal that reports cancellation from its 100th look on: only a check inside the loop
    // can see it, since the FOR statement itself is checked once.
    let looks = 0;
    const signal = {
      get aborted() {
        looks++;
        return looks > 100;
      },
      addEventListener() {},
      removeEventListener() {},
    } as unknown as AbortSignal;
    expect(await reloadError('FOR i = 1 TO 1e12\nNEXT', { signal })).toMatchObject({
      code: 'CANCELLED',
    });
  });
});
