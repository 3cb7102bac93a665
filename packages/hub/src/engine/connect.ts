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
  const session = enigma.create({ schema, url: engineUrl(window.location, appId, csrfToken) });
  const global = (await session.open()) as unknown as Global;
  const doc = await global.openDoc(appId);
  return {
    doc,
    close: () => session.close(),
  };
}
