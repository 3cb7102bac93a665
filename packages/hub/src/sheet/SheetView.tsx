import { useEffect, useId, useState } from 'react';
import { Link } from '../app/navigation.js';
import { errorText } from '../app/use-async.js';
import { useAppSession } from '../appview/app-session.js';
import { useSheets } from '../appview/SheetList.js';
import type { JsonObject } from '../engine/qix.js';
import { t } from '../i18n/t.js';
import { Status } from '../ui/Status.js';
import { AddChartDialog } from './AddChartDialog.js';
import { ChartView } from './ChartView.js';
import { type ChartSpec, chartFields, filterPaneChildren } from './chart-spec.js';
import { chartType } from './chart-types.js';
import { type CellChange, GridCell } from './GridCell.js';
import { gridFor, moveCell, placeCell, removeCell, resizeCell, type SheetCell } from './grid.js';
import { editedSheetProperties } from './sheet-layout.js';
import { useSheet } from './use-sheet.js';

interface Draft {
  readonly title: string;
  readonly cells: readonly SheetCell[];
  readonly removed: readonly string[];
  readonly dirty: boolean;
}

/** A sheet: its grid of charts, and in edit mode adding, moving, resizing and saving them. */
export function SheetView(props: { readonly sheetId: string; readonly edit: boolean }) {
  const { doc, nebbie, appId } = useAppSession();
  const { sheets } = useSheets();
  const { object, model, error } = useSheet(doc, props.sheetId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const titleId = useId();

  // Entering edit mode starts a draft from the stored sheet; leaving it drops the draft.
  useEffect(() => {
    if (!props.edit) setDraft(null);
    else if (model !== null)
      setDraft((d) => d ?? { title: model.title, cells: model.cells, removed: [], dirty: false });
  }, [props.edit, model]);

  if (error !== null) return <Status tone="error" message={t('app.error', { message: error })} />;
  if (model === null || object === null) return <Status message={t('app.loading')} />;

  const editing = props.edit && draft !== null;
  const cells = editing ? draft.cells : model.cells;
  const grid = gridFor(cells, model.grid);

  const save = async (next: Draft): Promise<void> => {
    setStatus({ text: t('sheet.saving'), tone: 'info' });
    try {
      for (const id of next.removed) await object.destroyChild(id);
      const stored = await object.getProperties();
      const rows = gridFor(next.cells, model.grid).rows;
      await object.setProperties(
        editedSheetProperties(stored, { title: next.title, cells: next.cells, rows }),
      );
      await doc.doSave();
      setDraft({ ...next, removed: [], dirty: false });
      setStatus({ text: t('sheet.saved'), tone: 'info' });
    } catch (e) {
      setStatus({ text: t('app.error', { message: errorText(e) }), tone: 'error' });
    }
  };

  const change = (name: string, c: CellChange) => {
    if (draft === null) return;
    const apply = c.kind === 'move' ? moveCell : resizeCell;
    const next = apply(draft.cells, name, { cols: c.cols, rows: c.rows }, grid);
    setDraft({ ...draft, cells: next, dirty: true });
  };

  const remove = (name: string) => {
    if (draft === null) return;
    setDraft({
      ...draft,
      cells: removeCell(draft.cells, name),
      removed: [...draft.removed, name],
      dirty: true,
    });
  };

  // A new chart is a child of the sheet; the sheet is saved right away so that the child and its
  // place on the grid are stored together.
  const addChart = async (spec: ChartSpec) => {
    if (draft === null) return;
    const generated = (await nebbie.generateProperties({
      type: spec.type,
      fields: chartFields(spec),
    })) as JsonObject;
    const info = (generated.qInfo ?? {}) as JsonObject;
    const properties: JsonObject = {
      ...generated,
      qInfo: { ...info, qType: spec.type },
      visualization: spec.type,
    };
    if (spec.title.trim() !== '') {
      properties.title = spec.title.trim();
      properties.showTitles = true;
    }
    const child = await object.createChild(properties);
    for (const listbox of filterPaneChildren(spec)) await child.createChild(listbox);
    const size = chartType(spec.type) ?? { colspan: 12, rowspan: 6 };
    const placed = placeCell(
      draft.cells,
      { name: child.id, type: spec.type, colspan: size.colspan, rowspan: size.rowspan },
      model.grid,
    );
    setAdding(false);
    await save({ ...draft, cells: placed, dirty: false });
  };

  const label = (cell: SheetCell) =>
    model.chartTitles.get(cell.name) ||
    t('sheet.chartLabel', { type: t(chartType(cell.type)?.label ?? 'chart.type.table') });

  return (
    <div className="sheet-page">
      <nav className="sheet-nav" aria-labelledby="sheet-nav-heading">
        <h2 id="sheet-nav-heading">{t('appView.sheets')}</h2>
        <ul>
          {(sheets ?? []).map((s) => (
            <li key={s.id}>
              <Link
                to={{ kind: 'sheet', appId, sheetId: s.id, edit: false }}
                aria-current={s.id === props.sheetId ? 'page' : undefined}
              >
                {s.title || t('appView.untitled')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sheet">
        <div className="sheet-toolbar">
          {editing ? (
            <>
              <label htmlFor={titleId} className="visually-hidden">
                {t('sheet.title')}
              </label>
              <input
                id={titleId}
                className="sheet-title-input"
                value={draft.title}
                onChange={(e) => setDraft({ ...draft, title: e.target.value, dirty: true })}
              />
            </>
          ) : (
            <h1 className="sheet-title">{model.title || t('appView.untitled')}</h1>
          )}
          {editing && (
            <>
              <button type="button" onClick={() => setAdding(true)}>
                {t('sheet.addChart')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void save(draft)}
                disabled={!draft.dirty}
              >
                {t('sheet.save')}
              </button>
              {draft.dirty && <span className="badge">{t('sheet.unsaved')}</span>}
            </>
          )}
          <Link
            className="button"
            to={{ kind: 'sheet', appId, sheetId: props.sheetId, edit: !props.edit }}
          >
            {props.edit ? t('sheet.done') : t('sheet.edit')}
          </Link>
          {status !== null && <Status tone={status.tone} message={status.text} />}
        </div>
        {cells.length === 0 && <p className="empty">{t('sheet.empty')}</p>}
        <div
          className={editing ? 'sheet-grid editing' : 'sheet-grid'}
          style={{
            gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${grid.rows}, minmax(48px, 1fr))`,
          }}
        >
          {cells.map((cell) => (
            <GridCell
              key={cell.name}
              cell={cell}
              grid={grid}
              editing={editing}
              label={label(cell)}
              onChange={(c) => change(cell.name, c)}
              onRemove={() => remove(cell.name)}
            >
              <ChartView id={cell.name} />
            </GridCell>
          ))}
        </div>
      </div>
      {adding && <AddChartDialog doc={doc} onClose={() => setAdding(false)} onAdd={addChart} />}
    </div>
  );
}
