import { lazy, Suspense, useEffect, useState } from 'react';
import type { User } from '../api/types.js';
import { Link } from '../app/navigation.js';
import type { Route } from '../app/routes.js';
import { useServices } from '../app/services.js';
import { errorText } from '../app/use-async.js';
import { type AppSession, AppSessionContext } from '../appview/app-session.js';
import { SheetList } from '../appview/SheetList.js';
import { connectApp } from '../engine/connect.js';
import { createNebbie } from '../engine/nebula.js';
import { t } from '../i18n/t.js';
import { ModelViewer } from '../model/ModelViewer.js';
import { SelectionsBar } from '../selections/SelectionsBar.js';
import { SheetView } from '../sheet/SheetView.js';
import { Header } from '../ui/Header.js';
import { Status } from '../ui/Status.js';

// CodeMirror is only needed in the data load editor.
const DataLoadEditor = lazy(() => import('../script/DataLoadEditor.js'));

type AppRoute = Extract<Route, { kind: 'app' | 'sheet' | 'script' | 'model' }>;

/** The app view: one engine connection shared by its sheets, load editor and model viewer. */
export default function AppPage(props: { readonly user: User; readonly route: AppRoute }) {
  const { rest, http } = useServices();
  const { appId } = props.route;
  const [session, setSession] = useState<AppSession | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let close = () => {};
    setSession(null);
    setError(null);
    (async () => {
      const [app, token] = await Promise.all([rest.app(appId), http.csrfToken()]);
      const connection = await connectApp(appId, token);
      close = () => void connection.close().catch(() => undefined);
      if (!live) return close();
      setSession({ appId, app, doc: connection.doc, nebbie: createNebbie(connection.doc) });
    })().catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
      close();
    };
  }, [appId, rest, http]);

  const title = session?.app.attributes.name ?? '';
  const { route } = props;
  return (
    <>
      <Header user={props.user}>
        <span className="app-title">{title}</span>
        <ul className="app-sections" aria-label={t('appView.sections')}>
          <li>
            <Link
              to={{ kind: 'app', appId }}
              aria-current={route.kind === 'app' ? 'page' : undefined}
            >
              {t('appView.sheets')}
            </Link>
          </li>
          <li>
            <Link
              to={{ kind: 'script', appId }}
              aria-current={route.kind === 'script' ? 'page' : undefined}
            >
              {t('appView.dataLoadEditor')}
            </Link>
          </li>
          <li>
            <Link
              to={{ kind: 'model', appId }}
              aria-current={route.kind === 'model' ? 'page' : undefined}
            >
              {t('appView.dataModel')}
            </Link>
          </li>
        </ul>
      </Header>
      {error !== null && <Status tone="error" message={t('app.error', { message: error })} />}
      {error === null && session === null && <Status message={t('appView.connecting')} />}
      {session !== null && (
        <AppSessionContext.Provider value={session}>
          {(route.kind === 'app' || route.kind === 'sheet') && <SelectionsBar doc={session.doc} />}
          <main id="main" className="app-main">
            {route.kind === 'app' && <SheetList />}
            {route.kind === 'sheet' && (
              <SheetView key={route.sheetId} sheetId={route.sheetId} edit={route.edit} />
            )}
            {route.kind === 'script' && (
              <Suspense fallback={<Status message={t('app.loading')} />}>
                <DataLoadEditor />
              </Suspense>
            )}
            {route.kind === 'model' && <ModelViewer />}
          </main>
        </AppSessionContext.Provider>
      )}
    </>
  );
}
