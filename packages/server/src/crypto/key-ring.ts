import { randomBytes } from 'node:crypto';
import { SEAL_OVERHEAD, seal, unseal } from './aes-gcm.js';

const MAGIC = Buffer.from('CRN1', 'ascii');
const WRAPPED_DEK_BYTES = SEAL_OVERHEAD + 32;

/**
 * Envelope encryption: the root key wraps one key per tenant, which wraps a fresh data key per
 * stored object. The object's identity (tenant and object id) is the additional data at every
 * level, so a blob copied to another object or tenant does not decrypt.
 *
 * Sealed object layout: "CRN1" | wrapped data key (iv|tag|key) | iv | tag | ciphertext.
 */
export class KeyRing {
  readonly #root: Buffer;
  readonly #loadWrappedTenantKey: (tenantId: string) => Promise<string>;
  readonly #tenantKeys = new Map<string, Buffer>();

  constructor(root: Buffer, loadWrappedTenantKey: (tenantId: string) => Promise<string>) {
    this.#root = root;
    this.#loadWrappedTenantKey = loadWrappedTenantKey;
  }

  /** A new tenant key, returned wrapped by the root key for storing with the tenant row. */
  createTenantKey(tenantId: string): string {
    const key = randomBytes(32);
    this.#tenantKeys.set(tenantId, key);
    return seal(this.#root, key, `tenant|${tenantId}`).toString('base64');
  }

  async sealObject(tenantId: string, objectId: string, plaintext: Uint8Array): Promise<Buffer> {
    const tenantKey = await this.#tenantKey(tenantId);
    const dataKey = randomBytes(32);
    const wrapped = seal(tenantKey, dataKey, `dek|${tenantId}|${objectId}`);
    const body = seal(dataKey, plaintext, `obj|${tenantId}|${objectId}`);
    return Buffer.concat([MAGIC, wrapped, body]);
  }

  async openObject(tenantId: string, objectId: string, sealed: Uint8Array): Promise<Buffer> {
    const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (!buf.subarray(0, 4).equals(MAGIC)) {
      throw new Error(`object ${objectId} is not a sealed Cairn object`);
    }
    const tenantKey = await this.#tenantKey(tenantId);
    const wrapped = buf.subarray(4, 4 + WRAPPED_DEK_BYTES);
    const dataKey = unseal(tenantKey, wrapped, `dek|${tenantId}|${objectId}`);
    return unseal(dataKey, buf.subarray(4 + WRAPPED_DEK_BYTES), `obj|${tenantId}|${objectId}`);
  }

  async #tenantKey(tenantId: string): Promise<Buffer> {
    const cached = this.#tenantKeys.get(tenantId);
    if (cached) return cached;
    const wrapped = Buffer.from(await this.#loadWrappedTenantKey(tenantId), 'base64');
    const key = unseal(this.#root, wrapped, `tenant|${tenantId}`);
    this.#tenantKeys.set(tenantId, key);
    return key;
  }
}
