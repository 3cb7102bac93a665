import { useEffect, useState } from 'react';
import { errorText } from '../app/use-async.js';
import { useAppSession } from '../appview/app-session.js';
import { t } from '../i18n/t.js';
import { Status } from '../ui/Status.js';
import { type DataModelView, dataModelView } from './tables-and-keys.js';

/** Tables, fields, keys and row counts from `Doc.GetTablesAndKeys`; synthetic keys flagged. */
export function ModelViewer() {
  const { doc } = useAppSession();
  const [view, setView] = useState<DataModelView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      doc
        .getTablesAndKeys({ qcx: 1000, qcy: 1000 }, { qcx: 0, qcy: 0 }, 30, true, false)
        .then((result) => live && setView(dataModelView(result)))
        .catch((e: unknown) => live && setError(errorText(e)));
    void load();
    // A reload publishes a new model; the engine reports the Doc as changed.
    doc.on('changed', load);
    return () => {
      live = false;
      doc.removeListener('changed', load);
    };
  }, [doc]);

  if (error !== null) return <Status tone="error" message={t('app.error', { message: error })} />;
  if (view === null) return <Status message={t('app.loading')} />;
  return (
    <section className="page model" aria-labelledby="model-heading">
      <h1 id="model-heading">{t('model.title')}</h1>
      {view.tables.length === 0 && <p className="empty">{t('model.empty')}</p>}
      {view.syntheticKeys.map((s) => (
        <p key={s.table} className="warning" role="note">
          {t('model.syntheticWarning', { table: s.table, fields: s.fields.join(', ') })}
        </p>
      ))}
      <div className="model-tables">
        {view.tables.map((table) => (
          <table
            key={table.name}
            className={table.isSynthetic ? 'model-table synthetic' : 'model-table'}
            data-table={table.name}
          >
            <caption>
              <span className="table-name">{table.name}</span>
              {table.isSynthetic && (
                <span className="badge badge-warn">{t('model.synthetic')}</span>
              )}
              <span className="card-meta">{t('model.rowCount', { count: table.rows })}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('model.field')}</th>
                <th scope="col">{t('model.distinct')}</th>
                <th scope="col">{t('model.key')}</th>
              </tr>
            </thead>
            <tbody>
              {table.fields.map((f) => (
                <tr key={f.name} className={f.isKey ? 'key-field' : undefined}>
                  <th scope="row">{f.name}</th>
                  <td>{f.distinct}</td>
                  <td>
                    {f.isSynthetic
                      ? t('model.synthetic')
                      : f.isKey
                        ? t('model.keyType.ANY_KEY')
                        : t(`model.keyType.${f.keyType}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {view.keys.length > 0 && (
        <section aria-labelledby="keys-heading">
          <h2 id="keys-heading">{t('model.keys')}</h2>
          <ul>
            {view.keys.map((k) => (
              <li key={k.field} className={k.isSynthetic ? 'synthetic' : undefined}>
                {t('model.keyLink', { field: k.field, tables: k.tables.join(', ') })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
