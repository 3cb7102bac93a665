import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, ExitCode } from '../errors.js';
import type { RestClient } from '../http/rest-client.js';

export interface Reload {
  id: string;
  appId: string;
  status: string;
  errorMessage?: string;
}

const activeStatuses = new Set(['QUEUED', 'RELOADING', 'CANCELING']);

/**
 * Polls a reload until it ends, showing its status on stderr (so stdout stays clean for JSON),
 * and fails with exit code 1 unless it succeeded.
 */
export async function followReload(
  client: RestClient,
  reloadId: string,
  intervalMs = 500,
): Promise<Reload> {
  let last = '';
  for (;;) {
    const reload = await client.request<Reload>(
      'GET',
      `/api/v1/reloads/${encodeURIComponent(reloadId)}`,
    );
    if (reload.status !== last) {
      process.stderr.write(`reload ${reload.id}: ${reload.status}\n`);
      last = reload.status;
    }
    if (!activeStatuses.has(reload.status)) {
      if (reload.status !== 'SUCCEEDED') {
        const why = reload.errorMessage ? `: ${reload.errorMessage}` : '';
        throw new CliError(
          `reload ${reload.status}${why} (see \`cairn reload log ${reload.id}\`)`,
          ExitCode.refused,
          reload,
        );
      }
      return reload;
    }
    await sleep(intervalMs);
  }
}
