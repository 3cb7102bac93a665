import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultTenant } from '../first-start.js';
import { type Harness, startHarness } from '../testing/harness.js';

const PASSWORD = 'correct horse battery staple';

describe('cookie sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', {}, { CAIRN_ADMIN_PASSWORD: PASSWORD });
    await ensureDefaultTenant(h.cairn.platform);
  });
  afterAll(() => h.close());

  const login = (password: string) =>
    h.cairn.app.inject({
      method: 'POST',
      url: '/login',
      payload: { email: 'admin@cairn.local', password },
    });

  it('POST /login sets an HttpOnly SameSite=Lax cairn.session cookie', async () => {
    const res = await login(PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^cairn\.session=.*HttpOnly; SameSite=Lax/);
  });

  it('POST /login with a wrong password answers 401 AUTH-1', async () => {
    const res = await login('wrong password!');
    expect(res.json().errors[0].code).toBe('AUTH-1');
  });

  it('a cookie write without the CSRF token answers 403 with top-level CSRF-TOKEN-2', async () => {
    const cookie = (await login(PASSWORD)).cookies[0]?.value ?? '';
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/spaces',
      cookies: { 'cairn.session': cookie },
      payload: { name: 'S1', type: 'shared' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF-TOKEN-2');
  });

  it('a cookie write with the token from GET /api/v1/csrf-token succeeds', async () => {
    const cookie = (await login(PASSWORD)).cookies[0]?.value ?? '';
    const csrf = await h.cairn.app.inject({
      method: 'GET',
      url: '/api/v1/csrf-token',
      cookies: { 'cairn.session': cookie },
    });
    expect(csrf.statusCode).toBe(204);
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: '/api/v1/spaces',
      cookies: { 'cairn.session': cookie },
      headers: { 'qlik-csrf-token': String(csrf.headers['qlik-csrf-token']) },
      payload: { name: 'S2', type: 'shared' },
    });
    expect(res.statusCode).toBe(201);
  });

  it('POST /logout ends the session', async () => {
    const cookie = (await login(PASSWORD)).cookies[0]?.value ?? '';
    await h.cairn.app.inject({
      method: 'POST',
      url: '/logout',
      cookies: { 'cairn.session': cookie },
    });
    const me = await h.cairn.app.inject({
      method: 'GET',
      url: '/api/v1/users/me',
      cookies: { 'cairn.session': cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it('an invite link sets a password and signs the invitee in', async () => {
    const admin = await h.tenant('invco');
    const invite = await h.call(admin.adminKey, 'POST', '/api/v1/users/actions/invite', {
      invitees: [{ email: 'new@invco.test' }],
    });
    const link = String(invite.body.data?.[0]?.inviteLink);
    const res = await h.cairn.app.inject({
      method: 'POST',
      url: new URL(link).pathname,
      payload: { password: 'a long enough password' },
    });
    expect(res.statusCode).toBe(200);
    const again = await h.cairn.app.inject({
      method: 'POST',
      url: new URL(link).pathname,
      payload: { password: 'a long enough password' },
    });
    expect(again.statusCode).toBe(404);
  });

  it('sign-in attempts beyond the limit answer 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await h.cairn.app.inject({
        method: 'POST',
        url: '/login',
        payload: { email: 'victim@cairn.local', password: 'guess' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
