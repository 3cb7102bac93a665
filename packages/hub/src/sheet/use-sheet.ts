import { useEffect, useState } from 'react';
import { errorText } from '../app/use-async.js';
import type { Doc, GenericObject } from '../engine/qix.js';
import { readSheetLayout, type SheetModel } from './sheet-layout.js';

export interface SheetHandle {
  readonly object: GenericObject | null;
  readonly model: SheetModel | null;
  readonly error: string | null;
}

/** Opens a sheet object and keeps its layout current through the engine's `changed` events. */
export function useSheet(doc: Doc, sheetId: string): SheetHandle {
  const [state, setState] = useState<SheetHandle>({ object: null, model: null, error: null });
  useEffect(() => {
    let live = true;
    let detach = () => {};
    doc
      .getObject(sheetId)
      .then(async (object) => {
        const refresh = async () => {
          const model = readSheetLayout(await object.getLayout());
          if (live) setState({ object, model, error: null });
        };
        object.on('changed', refresh);
        detach = () => object.removeListener('changed', refresh);
        if (!live) return detach();
        await refresh();
      })
      .catch((e: unknown) => live && setState({ object: null, model: null, error: errorText(e) }));
    return () => {
      live = false;
      detach();
    };
  }, [doc, sheetId]);
  return state;
}
