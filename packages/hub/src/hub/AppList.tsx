import type { Item } from '../api/types.js';
import { Link } from '../app/navigation.js';
import { t } from '../i18n/t.js';
import { ReloadBadge } from './ReloadBadge.js';
import { useLatestReloads } from './use-reloads.js';

/** App cards; names are rendered as text, so a hostile name stays a name. */
export function AppList(props: {
  readonly items: readonly Item[];
  readonly spaceName?: (id: string | null) => string;
}) {
  const reloads = useLatestReloads(props.items.map((i) => i.resourceId));
  if (props.items.length === 0) return <p className="empty">{t('hub.noApps')}</p>;
  return (
    <ul className="card-list">
      {props.items.map((item) => (
        <li key={item.id} className="card">
          <Link
            to={{ kind: 'app', appId: item.resourceId }}
            className="card-title"
            aria-label={t('hub.openApp', { name: item.name })}
          >
            {item.name}
          </Link>
          {props.spaceName !== undefined && (
            <span className="card-meta">{props.spaceName(item.spaceId ?? null)}</span>
          )}
          <ReloadBadge reload={reloads.get(item.resourceId)} appName={item.name} />
        </li>
      ))}
    </ul>
  );
}
