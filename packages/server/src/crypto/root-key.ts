import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Loads the root key from its file, creating it (mode 0600) on first start. The file holds the
 * 32 key bytes as base64. Kept beside the data only as a development default: production puts
 * it elsewhere (CAIRN_MASTER_KEY_FILE) or uses a KMS.
 */
export function loadOrCreateRootKey(file: string): { key: Buffer; created: boolean } {
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) {
      throw new Error(`root key file ${file} must hold 32 bytes as base64; found ${key.length}`);
    }
    return { key, created: false };
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, created: true };
}
