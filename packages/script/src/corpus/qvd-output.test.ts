import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../../test-support/corpus.js';
import { runScript } from '../run-script.js';
import { corpusResolver, testHost } from '../testing/memory-host.js';
import { qvdCells } from '../testing/model-rows.js';

const corpus = corpusDir();

/** Runs a generator script and returns what it stored at `path`, with the QVD Qlik wrote. */
async function storedAndExpected(
  scriptName: string,
  header: string,
  path: string,
  expected: string,
) {
  const qvs = join(corpus ?? '', 'qvs');
  const host = testHost({ resolve: corpusResolver(qvs, qvs) });
  await runScript(header + readFileSync(join(qvs, scriptName), 'utf8'), host);
  const written = host.written.get(path);
  if (written === undefined) throw new Error(`nothing stored at ${path}`);
  return [
    qvdCells(written),
    qvdCells(new Uint8Array(readFileSync(join(corpus ?? '', 'qvd', expected)))),
  ];
}

describe.skipIf(corpus === null)(
  'STORE … (qvd) from the generator scripts gives what Qlik stored',
  () => {
    it('qvdlib_Test.qvs: German locale, Dual(), num#() and NULL rows match qvdlib_Test.qvd cell for cell', async () => {
      const [ours, qlik] = await storedAndExpected(
        'qvdlib_Test.qvs',
        '',
        'lib://QvdLib-Tests/HeaderReaderTest/Test.qvd',
        'qvdlib_Test.qvd',
      );
      expect(ours).toEqual(qlik);
    });

    it('korolmi_tab1_generator.qvs matches korolmi_tab1.qvd cell for cell', async () => {
      // The readme writes `<sym>` for the null symbol, and the QVD was made under a locale whose
      // DateFormat does not read 12/31/2018 (it stayed text): pinned with DateFormat DD.MM.YYYY.
      const [ours, qlik] = await storedAndExpected(
        'korolmi_tab1_generator.qvs',
        "SET DateFormat='DD.MM.YYYY';\n",
        'tab1.qvd',
        'korolmi_tab1.qvd',
      );
      expect(ours).toEqual(qlik);
    });

    it('korolmi_tab2_generator.qvs matches korolmi_tab2.qvd (quoted numbers, 0-leading, > 2^31)', async () => {
      // `<sym>` stands for the null text the author had set; the test sets it as NullInterpret.
      const [ours, qlik] = await storedAndExpected(
        'korolmi_tab2_generator.qvs',
        "SET NullInterpret='<sym>';\n",
        'tab2.qvd',
        'korolmi_tab2.qvd',
      );
      expect(ours).toEqual(qlik);
    });
  },
);
