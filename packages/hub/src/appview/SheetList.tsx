import { useEffect, useState } from 'react';
import { Link, navigate } from '../app/navigation.js';
import { errorText } from '../app/use-async.js';
import { t } from '../i18n/t.js';
import {
  newSheetProperties,
  nextRank,
  readSheetList,
  SHEET_LIST_PROPERTIES,
  type SheetEntry,
} from '../sheet/sheet-list.js';
import { Status } from '../ui/Status.js';
import { useAppSession } from './app-session.js';

/** Hook: the app's sheets, kept current through the list object's `changed` events. */
export function useSheets(): { sheets: readonly SheetEntry[] | null; error: string | null } {
  const { doc } = useAppSession();
  const [sheets, setSheets] = useState<readonly SheetEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let cleanup = () => {};
    doc
      .createSessionObject(SHEET_LIST_PROPERTIES)
      .then(async (list) => {
        const refresh = async () => {
          const layout = await list.getLayout();
          if (live) setSheets(readSheetList(layout));
        };
        list.on('changed', refresh);
        cleanup = () => {
          list.removeListener('changed', refresh);
          void doc.destroySessionObject(list.id).catch(() => undefined);
        };
        if (!live) return cleanup();
        await refresh();
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
      cleanup();
    };
  }, [doc]);
  return { sheets, error };
}

// Known gap: sheets can be added and renamed (in edit mode) but not deleted or reordered yet.
export function SheetList() {
  const { doc, appId } = useAppSession();
  const { sheets, error } = useSheets();
  const [busy, setBusy] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);

  const addSheet = async () => {
    setBusy(true);
    try {
      const list = sheets ?? [];
      const title = t('appView.newSheetTitle', { n: list.length + 1 });
      const sheet = await doc.createObject(newSheetProperties(title, nextRank(list)));
      await doc.doSave();
      navigate({ kind: 'sheet', appId, sheetId: sheet.id, edit: true });
    } catch (e) {
      setAddError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sheets-heading" className="page">
      <div className="section-head">
        <h1 id="sheets-heading">{t('appView.sheets')}</h1>
        <button type="button" onClick={addSheet} disabled={busy}>
          {t('appView.addSheet')}
        </button>
      </div>
      {error !== null && <Status tone="error" message={t('app.error', { message: error })} />}
      {addError !== null && <Status tone="error" message={t('app.error', { message: addError })} />}
      {sheets === null && error === null && <Status message={t('app.loading')} />}
      {sheets !== null && sheets.length === 0 && <p className="empty">{t('appView.noSheets')}</p>}
      {sheets !== null && sheets.length > 0 && (
        <ul className="card-list">
          {sheets.map((s) => (
            <li key={s.id} className="card">
              <Link
                className="card-title"
                to={{ kind: 'sheet', appId, sheetId: s.id, edit: false }}
                aria-label={t('appView.openSheet', { title: s.title || t('appView.untitled') })}
              >
                {s.title || t('appView.untitled')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
