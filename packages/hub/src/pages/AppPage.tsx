import { lazy, Suspense, useEffect, useState } from 'react';
import type { User } from '../api/types.js';
import { Link } from '../app/navigation.js';
import type { Route } from '../app/routes.js';
import { useServices } from '../app/services.js';
import { errorText, useAsync } from '../app/use-async.js';
import { type AppSession, AppSessionContext } from '../appview/app-session.js';
import { SheetList } from '../appview/SheetList.js';
import { connectApp } from '../engine/connect.js';
import { createNebbie } from '../engine/nebula.js';
import { t } from '../i18n/t.js';
import { ModelViewer } from '../model/ModelViewer.js';
import { SelectionsBar } from '../selections/SelectionsBar.js';
import { SheetView } from '../sheet/SheetView.js';
import { Header } from '../ui/Header.js';
import { ErrorMessage, Status } from '../ui/Status.js';

// CodeMirror is only needed in the data load editor.
const DataLoadEditor = lazy(() => import('../script/DataLoadEditor.js'));

type AppRoute = Extract<Route, { kind: 'app' | 'sheet' | 'script' | 'model' }>;

/**
 * The app view: one engine connection shared by its sheets and model viewer. The data load editor
 * needs only REST, so it opens even when the engine cannot (a broken script can still be fixed).
 */
export default function AppPage(props: { readonly user: User; readonly route: AppRoute }) {
  const { rest, http } = useServices();
  const { appId } = props.route;
  const [app] = useAsync(() => rest.app(appId), [appId]);
  const [session, setSession] = useState<AppSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsEngine = props.route.kind !== 'script';
  const ready = app.status === 'ready' ? app.value : null;

  useEffect(() => {
    if (!needsEngine || ready === null || session?.appId === appId) return;
    let live = true;
    let close = () => {};
    setError(null);
    (async () => {
      const connection = await connectApp(appId, await http.csrfToken());
      close = () => void connection.close().catch(() => undefined);
      if (!live) return close();
      const doc = connection.doc;
      setSession({ appId, app: ready, doc, nebbie: createNebbie(doc), close });
    })().catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [appId, http, needsEngine, ready, session]);

  // The connection lives as long as the app view; it closes when another app opens or on leave.
  useEffect(() => () => session?.close(), [session]);

  const title = ready?.attributes.name ?? '';
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
      {app.status === 'error' && <ErrorMessage error={app.error} />}
      {route.kind === 'script' && ready !== null && (
        <main id="main" className="app-main">
          <Suspense fallback={<Status message={t('app.loading')} />}>
            <DataLoadEditor appId={appId} app={ready} />
          </Suspense>
        </main>
      )}
      {needsEngine && error !== null && (
        <Status tone="error" message={t('appView.engineFailed', { message: error })} />
      )}
      {needsEngine && error === null && session === null && app.status !== 'error' && (
        <Status message={t('appView.connecting')} />
      )}
      {needsEngine && session !== null && session.appId === appId && (
        <AppSessionContext.Provider value={session}>
          {(route.kind === 'app' || route.kind === 'sheet') && <SelectionsBar doc={session.doc} />}
          <main id="main" className="app-main">
            {route.kind === 'app' && <SheetList />}
            {route.kind === 'sheet' && (
              <SheetView key={route.sheetId} sheetId={route.sheetId} edit={route.edit} />
            )}
            {route.kind === 'model' && <ModelViewer />}
          </main>
        </AppSessionContext.Provider>
      )}
    </>
  );
}
