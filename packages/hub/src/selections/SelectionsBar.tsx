import { useEffect, useState } from 'react';
import type { Doc } from '../engine/qix.js';
import { t } from '../i18n/t.js';
import {
  CURRENT_SELECTIONS_PROPERTIES,
  type CurrentSelections,
  readCurrentSelections,
  selectionText,
} from './current-selections.js';

const EMPTY: CurrentSelections = { backCount: 0, forwardCount: 0, fields: [] };

/**
 * The app's selections bar over a `qSelectionObject` session object: per-field chips with a
 * clear button, and back, forward and clear-all. The engine pushes `changed` after every
 * selection, so the bar follows selections made in any chart.
 */
export function SelectionsBar(props: { readonly doc: Doc }) {
  const { doc } = props;
  const [current, setCurrent] = useState<CurrentSelections>(EMPTY);

  useEffect(() => {
    let live = true;
    let objectId: string | null = null;
    let detach = () => {};
    doc.createSessionObject(CURRENT_SELECTIONS_PROPERTIES).then(async (object) => {
      objectId = object.id;
      const refresh = async () => {
        const layout = await object.getLayout();
        if (live) setCurrent(readCurrentSelections(layout));
      };
      object.on('changed', refresh);
      detach = () => object.removeListener('changed', refresh);
      if (!live) return detach();
      await refresh();
    });
    return () => {
      live = false;
      detach();
      if (objectId !== null) void doc.destroySessionObject(objectId).catch(() => undefined);
    };
  }, [doc]);

  const clearField = async (field: string) => (await doc.getField(field)).clear();
  const countText = (count: number, total: number) => t('selections.moreValues', { count, total });

  return (
    <section className="selections-bar" aria-label={t('selections.bar')}>
      <button type="button" onClick={() => doc.back()} disabled={current.backCount === 0}>
        <span aria-hidden="true">←</span> {t('selections.back')}
      </button>
      <button type="button" onClick={() => doc.forward()} disabled={current.forwardCount === 0}>
        {t('selections.forward')} <span aria-hidden="true">→</span>
      </button>
      <button type="button" onClick={() => doc.clearAll()} disabled={current.fields.length === 0}>
        {t('selections.clearAll')}
      </button>
      <ul className="selection-chips">
        {current.fields.length === 0 && <li className="empty">{t('selections.none')}</li>}
        {current.fields.map((s) => (
          <li key={s.field} className="chip" data-field={s.field}>
            <span>
              {t('selections.summary', { field: s.field, values: selectionText(s, countText) })}
            </span>
            <button
              type="button"
              className="icon-button"
              onClick={() => void clearField(s.field)}
              aria-label={t('selections.clearField', { field: s.field })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
