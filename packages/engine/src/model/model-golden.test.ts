import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { expectGolden } from '../testing/golden.js';
import { dumpModel } from '../testing/model-dump.js';
import { tableInput } from '../testing/table-input.js';
import { buildModel } from './build-model.js';
import { dual } from './value.js';

const golden = (name: string) => fileURLToPath(new URL(`./__golden__/${name}`, import.meta.url));

describe('buildModel golden dumps', () => {
  it('buildModel on a star schema with a synthetic key and dual dates', () => {
    const model = buildModel(
      [
        tableInput('Sales', {
          OrderDate: [
            dual(45292, '2024-01-01'),
            dual(45293, '2024-01-02'),
            dual(45292, '01/01/2024'),
          ],
          CustID: [1, 2, 2],
          Year: [2024, 2024, 2024],
          Region: ['N', 'S', null],
          Amount: [10.5, 20, null],
        }),
        tableInput('Customers', { CustID: [1, 2, 3], Name: ['Ann', 'Bob', 'Åsa'] }),
        tableInput('Targets', { Year: [2024, 2024], Region: ['N', 'S'], Target: [100, 200] }),
      ],
      { id: 'golden-star' },
    );
    expectGolden(dumpModel(model), golden('star-synthetic.txt'));
  });

  it('buildModel on a loop of three tables', () => {
    const model = buildModel(
      [
        tableInput('Flights', { From: ['ARN', 'CPH'], To: ['CPH', 'OSL'], Carrier: ['SK', 'DY'] }),
        tableInput('Carriers', { Carrier: ['SK', 'DY'], Home: ['ARN', 'OSL'] }),
        tableInput('Airports', { Home: ['ARN', 'OSL'], From: ['ARN', 'OSL'] }),
      ],
      { id: 'golden-loop' },
    );
    expectGolden(dumpModel(model), golden('loop.txt'));
  });
});
