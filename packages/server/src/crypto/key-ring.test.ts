import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyRing } from './key-ring.js';

function ring() {
  const wrapped = new Map<string, string>();
  const keys = new KeyRing(randomBytes(32), async (t) => wrapped.get(t) ?? '');
  wrapped.set('t1', keys.createTenantKey('t1'));
  wrapped.set('t2', keys.createTenantKey('t2'));
  return keys;
}

describe('KeyRing', () => {
  it('openObject(sealObject(x)) returns x', async () => {
    const keys = ring();
    const sealed = await keys.sealObject('t1', 'data-files/a', Buffer.from('hello'));
    expect((await keys.openObject('t1', 'data-files/a', sealed)).toString()).toBe('hello');
  });

  it('openObject refuses a blob moved to another object id', async () => {
    const keys = ring();
    const sealed = await keys.sealObject('t1', 'data-files/a', Buffer.from('hello'));
    await expect(keys.openObject('t1', 'data-files/b', sealed)).rejects.toThrow(/authenticate/);
  });

  it('openObject refuses a blob moved to another tenant', async () => {
    const keys = ring();
    const sealed = await keys.sealObject('t1', 'data-files/a', Buffer.from('hello'));
    await expect(keys.openObject('t2', 'data-files/a', sealed)).rejects.toThrow(/authenticate/);
  });

  it('a tenant key wrapped under one root key does not open under another', async () => {
    const wrapped = new KeyRing(randomBytes(32), async () => '').createTenantKey('t1');
    const other = new KeyRing(randomBytes(32), async () => wrapped);
    await expect(other.sealObject('t1', 'x', Buffer.from('y'))).rejects.toThrow(/authenticate/);
  });
});
