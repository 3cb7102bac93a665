import { describe, expect, it } from 'vitest';
import { isActiveReload, lastLogLine, reloadElapsedSeconds } from './reload-status.js';
import type { Reload } from './types.js';

const reload = (status: Reload['status'], extra: Partial<Reload> = {}): Reload => ({
  id: 'r',
  appId: 'a',
  status,
  ...extra,
});

describe('isActiveReload', () => {
  it('isActiveReload is true for queued and running reloads only', () => {
    expect(
      ['QUEUED', 'RELOADING', 'SUCCEEDED'].map((s) =>
        isActiveReload(reload(s as Reload['status'])),
      ),
    ).toEqual([true, true, false]);
  });
});

describe('reloadElapsedSeconds', () => {
  it('reloadElapsedSeconds counts from the start time to now', () => {
    const r = reload('RELOADING', { startTime: '2026-01-01T00:00:00.000Z' });
    expect(reloadElapsedSeconds(r, Date.parse('2026-01-01T00:00:07.400Z'))).toBe(7);
  });
});

describe('lastLogLine', () => {
  it('lastLogLine skips trailing blank lines', () => {
    expect(lastLogLine('a\nOrders << 10 rows\n\n')).toBe('Orders << 10 rows');
  });
});
