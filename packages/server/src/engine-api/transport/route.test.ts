import { describe, expect, it } from 'vitest';
import { parseEngineRoute } from './route.js';

describe('parseEngineRoute', () => {
  it('parseEngineRoute(/app/<id>) names the app with no identity', () => {
    expect(parseEngineRoute('/app/abc', undefined, 3600)).toEqual({
      appId: 'abc',
      identity: '',
      ttlSeconds: 0,
    });
  });

  it('parseEngineRoute reads identity and ttl, ignoring a query and a trailing slash', () => {
    expect(
      parseEngineRoute('/app/abc/identity/x/ttl/60/?qlik-csrf-token=t', undefined, 3600),
    ).toEqual({ appId: 'abc', identity: 'x', ttlSeconds: 60 });
  });

  it('parseEngineRoute caps the ttl at the server maximum', () => {
    expect(parseEngineRoute('/app/abc/ttl/99999', undefined, 3600)?.ttlSeconds).toBe(3600);
  });

  it('parseEngineRoute names the session by X-Qlik-Session on a bare /app/', () => {
    expect(parseEngineRoute('/app/', 's-1', 3600)).toEqual({
      appId: 'engineData',
      identity: 'x-qlik-session:s-1',
      ttlSeconds: 0,
    });
  });

  it('parseEngineRoute refuses an unknown segment', () => {
    expect(parseEngineRoute('/app/abc/bogus/1', undefined, 3600)).toBeNull();
  });
});
