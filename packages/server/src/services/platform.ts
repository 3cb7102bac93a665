import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import type { ObjectStore } from '../blob/object-store.js';
import type { Config } from '../config/config.js';
import type { KeyRing } from '../crypto/key-ring.js';
import type { MetadataStore } from '../db/database.js';

export type PlatformEvent =
  | { readonly type: 'reloaded'; readonly tenantId: string; readonly appId: string }
  | { readonly type: 'deleted'; readonly tenantId: string; readonly appId: string };

/** Fans app lifecycle events out to the Engine API and anything else that listens. */
export class PlatformEvents {
  readonly #emitter = new EventEmitter();

  emit(event: PlatformEvent): void {
    this.#emitter.emit('event', event);
  }

  subscribe(listener: (event: PlatformEvent) => void): () => void {
    this.#emitter.on('event', listener);
    return () => this.#emitter.off('event', listener);
  }
}

/** The shared services every request handler works through. */
export interface Platform {
  readonly config: Config;
  readonly store: MetadataStore;
  readonly objects: ObjectStore;
  readonly keys: KeyRing;
  readonly log: Logger;
  readonly events: PlatformEvents;
}
