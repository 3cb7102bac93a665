import type { ReloadResult } from '../host.js';
import { runScript } from '../run-script.js';
import { type TestHost, type TestHostOptions, testHost } from './memory-host.js';

/** Runs `script` against an in-memory host; returns the result and the host. */
export async function reload(
  script: string,
  options: TestHostOptions = {},
): Promise<ReloadResult & { host: TestHost }> {
  const host = testHost(options);
  const result = await runScript(script, host);
  return { ...result, host };
}

/** Runs `script` and returns the error it fails with (the test fails when it succeeds). */
export async function reloadError(script: string, options: TestHostOptions = {}): Promise<unknown> {
  try {
    await runScript(script, testHost(options));
  } catch (error) {
    return error;
  }
  throw new Error('expected the reload to fail');
}
