import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childProcessRunner } from './child-process-runner.js';
import type { ReloadEnvironment, ReloadOutput } from './reload-runner.js';

const runner = childProcessRunner({
  childModule: fileURLToPath(new URL('../testing/fixture-child.ts', import.meta.url)),
});

function env(overrides: Partial<ReloadEnvironment> = {}): ReloadEnvironment {
  return {
    readFile: async (path) => new TextEncoder().encode(`contents of ${path}`),
    listFiles: async () => [],
    log: () => undefined,
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    memoryMb: 256,
    ...overrides,
  };
}

const job = (script: string) => ({
  reloadId: 'r1',
  tenantId: 't1',
  appId: 'a1',
  script,
  partial: false,
});

async function failureOf(promise: Promise<ReloadOutput>) {
  return promise.then(
    () => ({ status: 'SUCCEEDED', code: '' }),
    (error: { status: string; code: string }) => ({ status: error.status, code: error.code }),
  );
}

describe('childProcessRunner', () => {
  it('answers file reads over IPC and returns the model bytes the child sends', async () => {
    const lines: string[] = [];
    const output = await runner(
      job('echo lib://DataFiles/a.csv'),
      env({ log: (l) => lines.push(l) }),
    );
    expect(Buffer.from(output.model).toString()).toBe('contents of lib://DataFiles/a.csv');
    expect(lines).toEqual(['read 33 bytes']);
  });

  it('a script error reported by the child ends FAILED with its code', async () => {
    expect(await failureOf(runner(job('fail'), env()))).toEqual({
      status: 'FAILED',
      code: 'RELOADS-003',
    });
  });

  it('a child killed by SIGKILL ends FAILED (RELOADS-009)', async () => {
    expect(await failureOf(runner(job('crash'), env()))).toEqual({
      status: 'FAILED',
      code: 'RELOADS-009',
    });
  });

  it('a child past the time limit is killed and ends EXCEEDED_LIMIT', async () => {
    expect(await failureOf(runner(job('hang'), env({ timeoutMs: 1500 })))).toEqual({
      status: 'EXCEEDED_LIMIT',
      code: 'RELOADS-005',
    });
  });

  it('a child past the memory limit ends EXCEEDED_LIMIT', async () => {
    expect(await failureOf(runner(job('oom'), env({ memoryMb: 64 })))).toEqual({
      status: 'EXCEEDED_LIMIT',
      code: 'RELOADS-006',
    });
  });

  it('aborting the signal kills the child and ends CANCELED', async () => {
    const controller = new AbortController();
    const running = failureOf(runner(job('hang'), env({ signal: controller.signal })));
    setTimeout(() => controller.abort(), 500);
    expect(await running).toEqual({ status: 'CANCELED', code: 'RELOADS-008' });
  });
});
