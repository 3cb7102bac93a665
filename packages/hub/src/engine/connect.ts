import enigma from 'enigma.js';
import { engineUrl } from './engine-url.js';
import type { Doc, Global } from './qix.js';

export interface AppConnection {
  readonly doc: Doc;
  close(): Promise<void>;
}

/**
 * Opens the app over the Engine API with enigma.js and its shipped QIX schema. The schema is a
 * 200 kB JSON file, so it is fetched with the first app opened rather than with the hub.
 */
export async function connectApp(appId: string, csrfToken: string): Promise<AppConnection> {
  const schema = (await import('enigma.js/schemas/12.2027.0.json')).default;
  const url = engineUrl(window.location, appId, csrfToken);
  const session = enigma.create({ schema, url });
  const global = (await session.open().catch((reason: unknown) => {
    throw connectionError(reason, appId);
  })) as unknown as Global;
  const doc = await global.openDoc(appId);
  return {
    doc,
    close: () => session.close(),
  };
}

/**
 * enigma rejects a failed WebSocket with the browser's bare `Event`, which says nothing; name the
 * endpoint instead (without the CSRF token in its query).
 */
function connectionError(reason: unknown, appId: string): Error {
  if (reason instanceof Error) return reason;
  return new Error(`the Engine API at /app/${appId} refused or dropped the WebSocket connection`);
}
