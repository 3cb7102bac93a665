import { lazy, Suspense, useEffect } from 'react';
import { ApiError } from '../api/api-error.js';
import type { User } from '../api/types.js';
import { t } from '../i18n/t.js';
import { HubPage } from '../pages/HubPage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { Header } from '../ui/Header.js';
import { ErrorMessage, Loading } from '../ui/Status.js';
import { Link, navigate, useRoute } from './navigation.js';
import type { Route } from './routes.js';
import { useServices } from './services.js';
import { useAsync } from './use-async.js';

// The app view pulls in enigma.js, stardust and CodeMirror; the hub and sign-in page do not.
const AppPage = lazy(() => import('../pages/AppPage.js'));

export function App() {
  const route = useRoute();
  if (route.kind === 'login') return <LoginPage returnTo={route.returnTo} />;
  return <SignedIn route={route} />;
}

function SignedIn(props: { readonly route: Exclude<Route, { kind: 'login' }> }) {
  const { rest } = useServices();
  const [me] = useAsync(() => rest.me(), []);

  useEffect(() => {
    if (me.status === 'error' && me.error instanceof ApiError && me.error.status === 401) {
      const here = window.location.pathname + window.location.search;
      navigate({ kind: 'login', returnTo: here }, { replace: true });
    }
  }, [me]);

  if (me.status === 'loading') return <Loading />;
  if (me.status === 'error') return <ErrorMessage error={me.error} />;
  return <Page route={props.route} user={me.value} />;
}

function Page(props: { readonly route: Exclude<Route, { kind: 'login' }>; readonly user: User }) {
  const { route, user } = props;
  switch (route.kind) {
    case 'hub':
      return <HubPage user={user} spaceId={route.spaceId} query={route.query} />;
    case 'app':
    case 'sheet':
    case 'script':
    case 'model':
      return (
        <Suspense fallback={<Loading />}>
          <AppPage user={user} route={route} />
        </Suspense>
      );
    case 'not-found':
      return (
        <>
          <Header user={user} />
          <main id="main" className="page">
            <h1>{t('app.notFound')}</h1>
            <Link to={{ kind: 'hub', spaceId: null, query: '' }}>{t('app.backToHub')}</Link>
          </main>
        </>
      );
    default: {
      const never: never = route;
      return never;
    }
  }
}
