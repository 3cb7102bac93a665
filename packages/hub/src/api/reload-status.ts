import type { Reload, ReloadStatus } from './types.js';

const ACTIVE: ReadonlySet<ReloadStatus> = new Set(['QUEUED', 'RELOADING', 'CANCELING']);

export function isActiveReload(reload: Reload | null): boolean {
  return reload !== null && ACTIVE.has(reload.status);
}

/** Whole seconds the reload has been queued or running at `now`, from its own timestamps. */
export function reloadElapsedSeconds(reload: Reload, now: number): number {
  const since = Date.parse(reload.startTime ?? reload.creationTime ?? '');
  if (Number.isNaN(since)) return 0;
  const until = reload.endTime === undefined ? now : Date.parse(reload.endTime);
  return Math.max(0, Math.round((until - since) / 1000));
}

/** The last non-blank line of a reload log: what the reload is doing now. */
export function lastLogLine(log: string): string {
  const lines = log.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines[lines.length - 1]?.trim() ?? '';
}
