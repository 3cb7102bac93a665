/**
 * The hub's URLs. App and sheet paths match Qlik Sense's own (`/sense/app/{appId}`,
 * `/sense/app/{appId}/sheet/{sheetId}/state/analysis`), so `reloadUri` links and bookmarks that
 * people already have keep working.
 */
export type Route =
  | { readonly kind: 'login'; readonly returnTo: string | null }
  | { readonly kind: 'hub'; readonly spaceId: string | null; readonly query: string }
  | { readonly kind: 'app'; readonly appId: string }
  | {
      readonly kind: 'sheet';
      readonly appId: string;
      readonly sheetId: string;
      readonly edit: boolean;
    }
  | { readonly kind: 'script'; readonly appId: string }
  | { readonly kind: 'model'; readonly appId: string }
  | { readonly kind: 'not-found'; readonly path: string };

function segments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s));
}

/** Reads a route from a path and query string (`location.pathname`, `location.search`). */
export function parseRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  const parts = segments(pathname);
  const [first, second, appId, fourth, sheetId, sixth, state] = parts;
  if (first === 'login' && parts.length === 1) {
    return { kind: 'login', returnTo: safeReturnTo(query.get('returnto')) };
  }
  if (parts.length === 0 || (first === 'hub' && parts.length <= 2)) {
    return {
      kind: 'hub',
      spaceId: query.get('space') ?? (second === undefined ? null : second),
      query: query.get('q') ?? '',
    };
  }
  if (first === 'sense' && second === 'app' && appId !== undefined) {
    if (parts.length === 3) return { kind: 'app', appId };
    if (fourth === 'dataloadeditor' && parts.length === 4) return { kind: 'script', appId };
    if (fourth === 'datamodelviewer' && parts.length === 4) return { kind: 'model', appId };
    if (fourth === 'sheet' && sheetId !== undefined) {
      const known = parts.length === 5 || (parts.length === 7 && sixth === 'state');
      if (known) return { kind: 'sheet', appId, sheetId, edit: state === 'edit' };
    }
  }
  return { kind: 'not-found', path: pathname };
}

/** The path (and query) of a route; `parseRoute(routePath(r))` gives `r` back. */
export function routePath(route: Route): string {
  const e = encodeURIComponent;
  switch (route.kind) {
    case 'login':
      return route.returnTo === null ? '/login' : `/login?returnto=${e(route.returnTo)}`;
    case 'hub': {
      const params = new URLSearchParams();
      if (route.spaceId !== null) params.set('space', route.spaceId);
      if (route.query !== '') params.set('q', route.query);
      const qs = params.toString();
      return qs === '' ? '/hub' : `/hub?${qs}`;
    }
    case 'app':
      return `/sense/app/${e(route.appId)}`;
    case 'sheet':
      return `/sense/app/${e(route.appId)}/sheet/${e(route.sheetId)}/state/${route.edit ? 'edit' : 'analysis'}`;
    case 'script':
      return `/sense/app/${e(route.appId)}/dataloadeditor`;
    case 'model':
      return `/sense/app/${e(route.appId)}/datamodelviewer`;
    case 'not-found':
      return route.path;
    default: {
      const never: never = route;
      return never;
    }
  }
}

/**
 * Only same-origin paths may be used after sign-in; anything else (`//evil`, `https://…`,
 * `javascript:`) would turn the login page into an open redirect.
 */
export function safeReturnTo(value: string | null): string | null {
  if (value === null || !value.startsWith('/') || value.startsWith('//')) return null;
  if (value.includes('\\')) return null;
  return value;
}
