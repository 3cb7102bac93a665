import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routePath, safeReturnTo } from './routes.js';

describe('parseRoute', () => {
  it('parseRoute("/") is the hub with no space', () => {
    expect(parseRoute('/')).toEqual({ kind: 'hub', spaceId: null, query: '' });
  });

  it('parseRoute reads a Qlik sheet URL with its state', () => {
    expect(parseRoute('/sense/app/a%201/sheet/s1/state/edit')).toEqual({
      kind: 'sheet',
      appId: 'a 1',
      sheetId: 's1',
      edit: true,
    });
  });

  it('parseRoute reads a bare Qlik sheet URL as analysis', () => {
    expect(parseRoute('/sense/app/a/sheet/s')).toMatchObject({ kind: 'sheet', edit: false });
  });

  it('parseRoute drops an off-site returnto on the login page', () => {
    expect(parseRoute('/login', '?returnto=//evil.example/x')).toEqual({
      kind: 'login',
      returnTo: null,
    });
  });

  it('parseRoute marks unknown paths as not found', () => {
    expect(parseRoute('/sense/app/a/nothing')).toEqual({
      kind: 'not-found',
      path: '/sense/app/a/nothing',
    });
  });
});

describe('routePath', () => {
  const routes: Route[] = [
    { kind: 'login', returnTo: '/sense/app/x' },
    { kind: 'hub', spaceId: 's', query: 'sales q' },
    { kind: 'app', appId: 'a/b' },
    { kind: 'sheet', appId: 'a', sheetId: 's', edit: false },
    { kind: 'script', appId: 'a' },
    { kind: 'model', appId: 'a' },
  ];

  it('routePath(route) parses back to the same route', () => {
    for (const route of routes) {
      const path = routePath(route);
      const [pathname, search] = path.split('?');
      expect(parseRoute(pathname ?? '', search ? `?${search}` : '')).toEqual(route);
    }
  });
});

describe('safeReturnTo', () => {
  it('safeReturnTo keeps same-origin paths and refuses schemes', () => {
    expect([
      safeReturnTo('/hub'),
      safeReturnTo('javascript:alert(1)'),
      safeReturnTo('/\\x'),
    ]).toEqual(['/hub', null, null]);
  });
});
