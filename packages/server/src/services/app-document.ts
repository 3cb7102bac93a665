import { objectIds } from '../blob/object-store.js';
import type { JsonObject, StoredObject } from '../engine-api/index.js';
import type { Platform } from './platform.js';

/**
 * An app's document beside its model versions: persisted generic objects (sheets, charts,
 * master items, variables) and custom app properties, kept as one encrypted JSON object.
 */
export interface AppDocumentData {
  objects: StoredObject[];
  custom: JsonObject;
}

const EMPTY: AppDocumentData = { objects: [], custom: {} };

export async function readAppDocument(
  platform: Platform,
  tenantId: string,
  appId: string,
): Promise<AppDocumentData> {
  const bytes = await platform.objects.get(tenantId, objectIds.appDocument(appId));
  return bytes === null
    ? structuredClone(EMPTY)
    : (JSON.parse(bytes.toString('utf8')) as AppDocumentData);
}

/** Per-app write lock: read-modify-write of a document never loses a concurrent change. */
const locks = new WeakMap<Platform, Map<string, Promise<unknown>>>();

export async function updateAppDocument(
  platform: Platform,
  tenantId: string,
  appId: string,
  change: (doc: AppDocumentData) => void,
): Promise<void> {
  const table = locks.get(platform) ?? new Map<string, Promise<unknown>>();
  locks.set(platform, table);
  const key = `${tenantId}/${appId}`;
  const previous = table.get(key) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const doc = await readAppDocument(platform, tenantId, appId);
      change(doc);
      await platform.objects.put(
        tenantId,
        objectIds.appDocument(appId),
        Buffer.from(JSON.stringify(doc), 'utf8'),
      );
    });
  table.set(key, next);
  try {
    await next;
  } finally {
    if (table.get(key) === next) table.delete(key);
  }
}
