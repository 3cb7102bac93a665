/**
 * The Engine API WebSocket URL for an app, same origin as the hub. Browsers cannot set headers on
 * a WebSocket, so the CSRF token travels as the `qlik-csrf-token` query parameter, as Qlik Cloud's
 * own clients send it (rest-api.md §1.7).
 */
export function engineUrl(
  location: { readonly protocol: string; readonly host: string },
  appId: string,
  csrfToken: string,
): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = csrfToken === '' ? '' : `?qlik-csrf-token=${encodeURIComponent(csrfToken)}`;
  return `${scheme}://${location.host}/app/${encodeURIComponent(appId)}${query}`;
}
