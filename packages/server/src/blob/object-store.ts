import type { KeyRing } from '../crypto/key-ring.js';
import type { BlobStore } from './blob-store.js';

/**
 * Tenant content at rest: every object is sealed with its own data key before it reaches the
 * blob store, under a key derived from the tenant id and the object's server-made id.
 */
export class ObjectStore {
  constructor(
    private readonly blobs: BlobStore,
    private readonly keys: KeyRing,
  ) {}

  async put(tenantId: string, objectId: string, plaintext: Uint8Array): Promise<void> {
    const sealed = await this.keys.sealObject(tenantId, objectId, plaintext);
    await this.blobs.put(blobKey(tenantId, objectId), sealed);
  }

  async get(tenantId: string, objectId: string): Promise<Buffer | null> {
    const sealed = await this.blobs.get(blobKey(tenantId, objectId));
    return sealed === null ? null : this.keys.openObject(tenantId, objectId, sealed);
  }

  async delete(tenantId: string, objectId: string): Promise<void> {
    await this.blobs.delete(blobKey(tenantId, objectId));
  }

  /** Removes every object whose id starts with `prefix/` (an app's versions, say). */
  async deleteAll(tenantId: string, prefix: string): Promise<void> {
    await this.blobs.deletePrefix(blobKey(tenantId, prefix));
  }
}

function blobKey(tenantId: string, objectId: string): string {
  return `tenants/${tenantId}/${objectId}`;
}

/** Object ids, in one place so every caller derives the same layout. */
export const objectIds = {
  dataFile: (fileId: string) => `data-files/${fileId}`,
  appModel: (appId: string, version: number) => `apps/${appId}/models/${version}`,
  appScript: (appId: string, scriptId: string) => `apps/${appId}/scripts/${scriptId}`,
  appDocument: (appId: string) => `apps/${appId}/document`,
  appPrefix: (appId: string) => `apps/${appId}`,
  reloadLog: (reloadId: string) => `reload-logs/${reloadId}`,
} as const;
