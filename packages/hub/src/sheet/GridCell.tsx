import { type KeyboardEvent, type PointerEvent, type ReactNode, useId, useRef } from 'react';
import { t } from '../i18n/t.js';
import { dragToCells, type GridSize, type SheetCell } from './grid.js';
import { cellKeyAction } from './keyboard.js';

export interface CellChange {
  readonly kind: 'move' | 'resize';
  readonly cols: number;
  readonly rows: number;
}

interface GridCellProps {
  readonly cell: SheetCell;
  readonly grid: GridSize;
  readonly editing: boolean;
  readonly label: string;
  readonly onChange: (change: CellChange) => void;
  readonly onRemove: () => void;
  readonly children: ReactNode;
}

/**
 * A chart's place on the sheet grid. In edit mode the cell's move button takes arrow keys (move)
 * and Shift+arrows (resize); dragging the button or the corner handle does the same.
 */
export function GridCell(props: GridCellProps) {
  const { cell, grid, editing } = props;
  const ref = useRef<HTMLElement>(null);
  const hintId = useId();
  const style = {
    gridColumn: `${cell.col + 1} / span ${cell.colspan}`,
    gridRow: `${cell.row + 1} / span ${cell.rowspan}`,
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const action = cellKeyAction(event.key, event.shiftKey);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'remove') props.onRemove();
    else props.onChange(action);
  };

  // Pointer drags: the size of one grid step comes from the cell's own rendered size.
  const drag = (kind: CellChange['kind']) => (event: PointerEvent<HTMLElement>) => {
    const box = ref.current?.getBoundingClientRect();
    if (box === undefined) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const start = { x: event.clientX, y: event.clientY };
    const stepW = box.width / cell.colspan;
    const stepH = box.height / cell.rowspan;
    const end = (up: globalThis.PointerEvent) => {
      handle.removeEventListener('pointerup', end);
      const by = dragToCells(up.clientX - start.x, up.clientY - start.y, stepW, stepH);
      if (by.cols !== 0 || by.rows !== 0) props.onChange({ kind, ...by });
    };
    handle.addEventListener('pointerup', end);
  };

  if (!editing) {
    return (
      <section className="grid-cell" style={style} aria-label={props.label}>
        {props.children}
      </section>
    );
  }
  return (
    <section
      ref={ref}
      className="grid-cell editing"
      style={style}
      aria-label={props.label}
      data-grid={`${cell.col},${cell.row},${cell.colspan},${cell.rowspan}/${grid.columns}`}
    >
      <div className="move-bar">
        <button
          type="button"
          className="move-button"
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
          onPointerDown={drag('move')}
        >
          {props.label}
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={props.onRemove}
          aria-label={t('sheet.removeChart')}
        >
          ×
        </button>
      </div>
      <span id={hintId} className="visually-hidden">
        {t('sheet.moveHint')}
      </span>
      <div className="edit-shield">{props.children}</div>
      <div className="resize-handle" onPointerDown={drag('resize')} aria-hidden="true" />
    </section>
  );
}
