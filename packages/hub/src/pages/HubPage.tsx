import { type FormEvent, useId, useState } from 'react';
import type { User } from '../api/types.js';
import { Link, navigate } from '../app/navigation.js';
import { useServices } from '../app/services.js';
import { useAsync } from '../app/use-async.js';
import { AppList } from '../hub/AppList.js';
import { CreateAppDialog } from '../hub/CreateAppDialog.js';
import { CreateSpaceDialog } from '../hub/CreateSpaceDialog.js';
import { DataFileList } from '../hub/DataFileList.js';
import { UploadDialog } from '../hub/UploadDialog.js';
import { t } from '../i18n/t.js';
import { Header } from '../ui/Header.js';
import { ErrorMessage, Loading } from '../ui/Status.js';

type OpenDialog = 'space' | 'app' | 'upload' | null;

export function HubPage(props: {
  readonly user: User;
  readonly spaceId: string | null;
  readonly query: string;
}) {
  const { rest } = useServices();
  const { spaceId, query } = props;
  const [spaces, reloadSpaces] = useAsync(() => rest.spaces(), []);
  const [apps, reloadApps] = useAsync(
    () => (query === '' ? rest.apps(spaceId) : rest.searchItems(query)),
    [spaceId, query],
  );
  const [files, reloadFiles] = useAsync(async () => {
    const connection = await rest.dataFileConnection(spaceId);
    return connection === null ? [] : rest.dataFiles(connection.id);
  }, [spaceId]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [search, setSearch] = useState(query);
  const searchId = useId();

  const spaceList = spaces.status === 'ready' ? spaces.value : [];
  const spaceName = (id: string | null) =>
    id === null ? t('hub.personalSpace') : (spaceList.find((s) => s.id === id)?.name ?? id);
  const closeDialog = () => setDialog(null);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate({ kind: 'hub', spaceId, query: search.trim() });
  };

  return (
    <>
      <Header user={props.user} />
      <div className="hub">
        <nav className="side-nav" aria-labelledby="spaces-heading">
          <h2 id="spaces-heading">{t('hub.spaces')}</h2>
          <ul>
            <li>
              <Link
                to={{ kind: 'hub', spaceId: null, query: '' }}
                aria-current={spaceId === null && query === '' ? 'page' : undefined}
              >
                {t('hub.personalSpace')}
              </Link>
            </li>
            {spaceList.map((s) => (
              <li key={s.id}>
                <Link
                  to={{ kind: 'hub', spaceId: s.id, query: '' }}
                  aria-current={spaceId === s.id ? 'page' : undefined}
                >
                  {s.name}
                </Link>
              </li>
            ))}
          </ul>
          {spaces.status === 'error' && <ErrorMessage error={spaces.error} />}
        </nav>
        <main id="main" className="hub-main">
          <div className="toolbar">
            {/* biome-ignore lint/a11y/useSemanticElements: React 18's DOM types lack <search> */}
            <form role="search" onSubmit={submitSearch} className="search">
              <label htmlFor={searchId} className="visually-hidden">
                {t('hub.search')}
              </label>
              <input
                id={searchId}
                type="search"
                placeholder={t('hub.searchPlaceholder')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <button type="submit">{t('hub.search')}</button>
            </form>
            <button type="button" onClick={() => setDialog('space')}>
              {t('hub.createSpace')}
            </button>
            <button type="button" onClick={() => setDialog('app')}>
              {t('hub.createApp')}
            </button>
            <button type="button" onClick={() => setDialog('upload')}>
              {t('hub.uploadFile')}
            </button>
          </div>
          <section aria-labelledby="apps-heading">
            <h1 id="apps-heading">
              {query === ''
                ? t('hub.apps', { space: spaceName(spaceId) })
                : t('hub.searchResults', { query })}
            </h1>
            {apps.status === 'loading' && <Loading />}
            {apps.status === 'error' && <ErrorMessage error={apps.error} />}
            {apps.status === 'ready' && (
              <AppList items={apps.value} spaceName={query === '' ? undefined : spaceName} />
            )}
          </section>
          {query === '' && (
            <section aria-labelledby="files-heading">
              <h2 id="files-heading">{t('hub.dataFiles', { space: spaceName(spaceId) })}</h2>
              {files.status === 'ready' && <DataFileList files={files.value} />}
              {files.status === 'error' && <ErrorMessage error={files.error} />}
            </section>
          )}
        </main>
      </div>
      {dialog === 'space' && (
        <CreateSpaceDialog
          onClose={closeDialog}
          onCreated={(space) => {
            closeDialog();
            reloadSpaces();
            navigate({ kind: 'hub', spaceId: space.id, query: '' });
          }}
        />
      )}
      {dialog === 'app' && (
        <CreateAppDialog
          spaces={spaceList}
          spaceId={spaceId}
          onClose={closeDialog}
          onCreated={(app) => {
            closeDialog();
            reloadApps();
            navigate({ kind: 'app', appId: app.attributes.id });
          }}
        />
      )}
      {dialog === 'upload' && (
        <UploadDialog spaceId={spaceId} onClose={closeDialog} onUploaded={reloadFiles} />
      )}
    </>
  );
}
