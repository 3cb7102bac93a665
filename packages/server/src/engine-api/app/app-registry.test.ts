import { buildModel } from '@cairn/engine';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Calculator } from '../calc/calculator.js';
import { AppRegistry, estimateModelBytes } from './app-registry.js';

const model = (id: string) =>
  buildModel(
    [
      {
        name: 'T',
        batches: [{ rowCount: 3, columns: [{ kind: 'values', name: 'A', values: [1, 2, 3] }] }],
      },
    ],
    { id },
  );

const calculatorOf = (m: ReturnType<typeof model>) => ({ model: m }) as unknown as Calculator;

describe('AppRegistry', () => {
  it('acquire shares one loaded model between leases of the same version', async () => {
    const registry = new AppRegistry(1 << 20, calculatorOf, pino({ level: 'silent' }));
    let loads = 0;
    const load = async () => {
      loads++;
      return model('m1');
    };
    const a = await registry.acquire('t', 'app', 'v1', load);
    const b = await registry.acquire('t', 'app', 'v1', load);
    expect([loads, a.calculator === b.calculator]).toEqual([1, true]);
  });

  it('release unloads idle models least recently used first when over the budget', async () => {
    const bytes = estimateModelBytes(model('probe'));
    const registry = new AppRegistry(bytes * 1.5, calculatorOf, pino({ level: 'silent' }));
    const first = await registry.acquire('t', 'a', 'v1', async () => model('a'));
    const second = await registry.acquire('t', 'b', 'v1', async () => model('b'));
    first.release();
    second.release();
    expect(registry.loadedCount).toBe(1);
  });

  it('a model in use is kept even over the budget', async () => {
    const registry = new AppRegistry(1, calculatorOf, pino({ level: 'silent' }));
    await registry.acquire('t', 'a', 'v1', async () => model('a'));
    await registry.acquire('t', 'b', 'v1', async () => model('b'));
    expect(registry.loadedCount).toBe(2);
  });
});
