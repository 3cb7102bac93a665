import { useEffect, useState } from 'react';
import { isActiveReload, reloadElapsedSeconds } from '../api/reload-status.js';
import type { Reload } from '../api/types.js';
import { t } from '../i18n/t.js';

/**
 * Shows a queued or running reload with its status and elapsed time. The bar is indeterminate:
 * the reloads API reports a status, not a fraction done.
 */
export function ReloadBadge(props: {
  readonly reload: Reload | undefined;
  readonly appName: string;
}) {
  const { reload } = props;
  const [now, setNow] = useState(() => Date.now());
  const active = reload !== undefined && isActiveReload(reload);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);

  if (reload === undefined) return null;
  if (!active) {
    if (reload.status !== 'FAILED') return null;
    return <span className="badge badge-error">{t('reload.FAILED')}</span>;
  }
  return (
    <span className="reload-progress" role="status">
      <span className="badge">{t(`reload.${reload.status}`)}</span>
      <progress aria-label={t('reload.progressLabel', { name: props.appName })} />
      <span>{t('reload.elapsed', { seconds: reloadElapsedSeconds(reload, now) })}</span>
    </span>
  );
}
