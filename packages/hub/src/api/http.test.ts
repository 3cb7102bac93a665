import { describe, expect, it } from 'vitest';
import { createHttpClient, type FetchLike } from './http.js';

interface Call {
  readonly path: string;
  readonly method: string;
  readonly csrf: string | null;
}

/** A scripted server: answers each call with the next response from `replies`. */
function fakeFetch(replies: (() => Response)[]): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (path, init) => {
    const headers = new Headers(init?.headers);
    calls.push({ path, method: init?.method ?? 'GET', csrf: headers.get('qlik-csrf-token') });
    const next = replies.shift();
    if (next === undefined) throw new Error(`unexpected call to ${path}`);
    return next();
  };
  return { fetch, calls };
}

const token = (value: string) => () =>
  new Response(null, { status: 204, headers: { 'qlik-csrf-token': value } });
const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createHttpClient', () => {
  it('send() fetches the CSRF token once and sends it on every write', async () => {
    const { fetch, calls } = fakeFetch([token('t1'), json(201, { id: 'a' }), json(201, {})]);
    const http = createHttpClient(fetch);
    await http.send('POST', '/api/v1/spaces', { name: 'A' });
    await http.send('POST', '/api/v1/spaces', { name: 'B' });
    expect(calls.map((c) => c.csrf)).toEqual([null, 't1', 't1']);
  });

  it('send() refetches the token and retries once after a CSRF-TOKEN-2 refusal', async () => {
    const refusal = json(403, { code: 'CSRF-TOKEN-2', title: 'Invalid CSRF token' });
    const { fetch, calls } = fakeFetch([token('old'), refusal, token('new'), json(200, { ok: 1 })]);
    const result = await createHttpClient(fetch).send('POST', '/api/v1/apps', {});
    expect([result, calls[3]?.csrf]).toEqual([{ ok: 1 }, 'new']);
  });

  it('get() rejects with the server error code and detail', async () => {
    const notFound = json(404, { errors: [{ code: 'APPS-404', title: 'Not found', detail: 'x' }] });
    const { fetch } = fakeFetch([notFound]);
    await expect(createHttpClient(fetch).get('/api/v1/apps/x')).rejects.toMatchObject({
      code: 'APPS-404',
      status: 404,
    });
  });
});

describe('createHttpClient without CSRF', () => {
  it('send(..., {csrf: false}) posts without fetching a token (public sign-in)', async () => {
    const { fetch, calls } = fakeFetch([json(200, { userId: 'u' })]);
    await createHttpClient(fetch).send('POST', '/login', { email: 'a' }, { csrf: false });
    expect(calls.map((c) => [c.path, c.csrf])).toEqual([['/login', null]]);
  });
});
