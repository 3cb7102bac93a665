import { useCallback, useEffect, useRef, useState } from 'react';
import { isActiveReload } from '../api/reload-status.js';
import type { RestApi } from '../api/rest.js';
import type { Reload } from '../api/types.js';
import { errorText } from '../app/use-async.js';

const POLL_MS = 500;

export type ReloadRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly reload: Reload | null; readonly log: string }
  | { readonly phase: 'done'; readonly reload: Reload; readonly log: string }
  | { readonly phase: 'failed-to-start'; readonly message: string };

/**
 * Starts a reload through REST and follows it: the reload's status and its log (read from the
 * reload log endpoint each poll, so the log grows on screen while the reload runs).
 */
export function useReloadRunner(rest: RestApi, appId: string) {
  const [run, setRun] = useState<ReloadRun>({ phase: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const start = useCallback(async () => {
    setRun({ phase: 'running', reload: null, log: '' });
    let reload: Reload;
    try {
      reload = await rest.startReload(appId);
    } catch (e) {
      setRun({ phase: 'failed-to-start', message: errorText(e) });
      return;
    }
    let log = '';
    for (;;) {
      // The log endpoint may not answer until the reload has written something; keep the last.
      log = await rest.reloadLog(appId, reload.id).catch(() => log);
      if (!live.current) return;
      if (!isActiveReload(reload)) break;
      setRun({ phase: 'running', reload, log });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      reload = await rest.reload(reload.id);
    }
    setRun({ phase: 'done', reload, log: log === '' ? (reload.log ?? '') : log });
  }, [rest, appId]);

  return { run, start };
}
