import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalBlobStore } from './blob-store.js';

describe('LocalBlobStore', () => {
  const store = new LocalBlobStore(mkdtempSync(join(tmpdir(), 'cairn-blob-')));

  it('get(put(key)) returns the bytes', async () => {
    await store.put('tenants/t1/x', Buffer.from('abc'));
    expect((await store.get('tenants/t1/x'))?.toString()).toBe('abc');
  });

  it('put refuses a key with a dot-dot segment', async () => {
    await expect(store.put('tenants/../../etc/passwd', Buffer.from('x'))).rejects.toThrow(
      /not a valid server-made key/,
    );
  });

  it('get of an absent key returns null', async () => {
    expect(await store.get('tenants/t1/missing')).toBeNull();
  });
});
