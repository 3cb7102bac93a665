import { useEffect, useRef, useState } from 'react';
import { isActiveReload } from '../api/reload-status.js';
import type { Reload } from '../api/types.js';
import { useServices } from '../app/services.js';

const POLL_MS = 1500;

/**
 * The latest reload of each listed app, polled while any of them is queued or running so the hub
 * shows progress until the app is ready. Apps whose reload status cannot be read show none.
 */
export function useLatestReloads(appIds: readonly string[]): ReadonlyMap<string, Reload> {
  const { rest } = useServices();
  const [reloads, setReloads] = useState<ReadonlyMap<string, Reload>>(new Map());
  const latest = useRef<ReadonlyMap<string, Reload>>(reloads);
  const key = appIds.join('\n');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for appIds' contents
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchAll = async (ids: readonly string[]) => {
      const found = await Promise.all(ids.map((id) => rest.latestReload(id).catch(() => null)));
      if (!live) return;
      const next = new Map(latest.current);
      ids.forEach((id, i) => {
        const reload = found[i];
        if (reload) next.set(id, reload);
        else next.delete(id);
      });
      latest.current = next;
      setReloads(next);
      const active = [...next.values()].filter(isActiveReload).map((r) => r.appId);
      if (active.length > 0) timer = setTimeout(() => void fetchAll(active), POLL_MS);
    };
    void fetchAll(appIds);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, rest]);

  return reloads;
}
