import type { ReactNode } from 'react';
import type { User } from '../api/types.js';
import { Link, navigate } from '../app/navigation.js';
import { useServices } from '../app/services.js';
import { t } from '../i18n/t.js';

export function Header(props: { readonly user: User; readonly children?: ReactNode }) {
  const { rest } = useServices();
  const signOut = async () => {
    await rest.signOut().catch(() => undefined);
    navigate({ kind: 'login', returnTo: null });
  };
  return (
    <header className="top-bar">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav aria-label={t('nav.main')} className="top-nav">
        <Link to={{ kind: 'hub', spaceId: null, query: '' }} className="brand">
          {t('app.name')}
        </Link>
        {props.children}
      </nav>
      <div className="user">
        <span>
          {t('nav.signedInAs', { name: props.user.name ?? props.user.email ?? props.user.id })}
        </span>
        <button type="button" onClick={signOut}>
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
}
