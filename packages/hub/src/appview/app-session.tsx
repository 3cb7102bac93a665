import { createContext, useContext } from 'react';
import type { NxApp } from '../api/types.js';
import type { Nebbie } from '../engine/nebula.js';
import type { Doc } from '../engine/qix.js';

/** One open app: its REST description, the engine Doc and the stardust instance bound to it. */
export interface AppSession {
  readonly appId: string;
  readonly app: NxApp;
  readonly doc: Doc;
  readonly nebbie: Nebbie;
  /** Closes the engine WebSocket. */
  readonly close: () => void;
}

export const AppSessionContext = createContext<AppSession | null>(null);

export function useAppSession(): AppSession {
  const session = useContext(AppSessionContext);
  if (session === null) throw new Error('useAppSession() called outside an open app');
  return session;
}
