/**
 * The URL forms of the engine endpoint (engine-protocol.md §1.1): `/app/<id>`, then optionally
 * `/identity/<id>` and `/ttl/<seconds>` in that order; a trailing slash and any query string are
 * ignored; `/app/` alone with an `X-Qlik-Session` header names the session by that header.
 */
export interface EngineRoute {
  readonly appId: string;
  readonly identity: string;
  readonly ttlSeconds: number;
}

export function parseEngineRoute(
  url: string,
  sessionHeader: string | undefined,
  maxTtlSeconds: number,
): EngineRoute | null {
  const path = url.split('?')[0] ?? '';
  const parts = path.split('/').filter((p) => p !== '');
  const at = parts.indexOf('app');
  if (at < 0) return null;
  const rest = parts.slice(at + 1).map((p) => decodeURIComponent(p));
  let appId = '';
  let i = 0;
  if (rest[0] !== undefined && rest[0] !== 'identity' && rest[0] !== 'ttl') {
    appId = rest[0];
    i = 1;
  }
  let identity = '';
  let ttlSeconds = 0;
  while (i < rest.length) {
    const key = rest[i];
    const value = rest[i + 1];
    if (value === undefined) return null;
    if (key === 'identity') identity = value;
    else if (key === 'ttl') {
      const seconds = Number(value);
      if (!Number.isInteger(seconds) || seconds < 0) return null;
      ttlSeconds = Math.min(seconds, maxTtlSeconds);
    } else return null;
    i += 2;
  }
  if (appId === '' && sessionHeader) identity = `x-qlik-session:${sessionHeader}`;
  if (appId === '') appId = 'engineData';
  return { appId, identity, ttlSeconds };
}
