import { ApiError, errorFromBody, isCsrfRejection } from './api-error.js';

export interface SendOptions {
  /** False for the public sign-in and sign-out endpoints, which take no CSRF token. */
  readonly csrf?: boolean;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpClient {
  get<T>(path: string): Promise<T>;
  getText(path: string): Promise<string>;
  send<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    options?: SendOptions,
  ): Promise<T>;
  /** The CSRF token for cookie-authenticated writes and the Engine API WebSocket URL. */
  csrfToken(): Promise<string>;
  /** Forgets the cached CSRF token (after sign-in or sign-out the session changes). */
  resetCsrf(): void;
}

/**
 * Same-origin REST client over the `cairn.session` cookie. Writes carry `qlik-csrf-token`, fetched
 * once from `GET /api/v1/csrf-token` (204, token in the response header) and refetched once when
 * the server answers 403 CSRF-TOKEN-*, as @qlik/api's cookie auth does (rest-api.md §1.5).
 */
export function createHttpClient(fetchImpl: FetchLike = (i, init) => fetch(i, init)): HttpClient {
  let token: Promise<string> | null = null;

  const csrfToken = (): Promise<string> => {
    token ??= fetchImpl('/api/v1/csrf-token', { credentials: 'same-origin' }).then(async (res) => {
      if (!res.ok) throw await toError(res, '/api/v1/csrf-token');
      return res.headers.get('qlik-csrf-token') ?? '';
    });
    token.catch(() => {
      token = null;
    });
    return token;
  };

  const request = async (path: string, init: RequestInit): Promise<Response> => {
    const res = await fetchImpl(path, { credentials: 'same-origin', ...init });
    if (!res.ok) throw await toError(res, path);
    return res;
  };

  const write = async (
    method: string,
    path: string,
    body: unknown,
    withCsrf: boolean,
  ): Promise<Response> => {
    const attempt = async () => {
      const headers: Record<string, string> = {};
      if (withCsrf) headers['qlik-csrf-token'] = await csrfToken();
      if (body !== undefined) headers['content-type'] = 'application/json';
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      return request(path, init);
    };
    try {
      return await attempt();
    } catch (error) {
      if (!withCsrf || !(error instanceof ApiError) || !isCsrfRejection(error)) throw error;
      token = null;
      return attempt();
    }
  };

  return {
    async get<T>(path: string) {
      const res = await request(path, { headers: { accept: 'application/json' } });
      return (await res.json()) as T;
    },
    async getText(path: string) {
      return (await request(path, {})).text();
    },
    async send<T>(
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      body?: unknown,
      options: SendOptions = {},
    ) {
      const res = await write(method, path, body, options.csrf ?? true);
      if (res.status === 204) return undefined as T;
      const type = res.headers.get('content-type') ?? '';
      return (type.includes('json') ? await res.json() : await res.text()) as T;
    },
    csrfToken,
    resetCsrf() {
      token = null;
    },
  };
}

async function toError(res: Response, path: string): Promise<ApiError> {
  const raw = await res.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // Not JSON (a proxy's HTML page, say): errorFromBody quotes the text instead.
  }
  return errorFromBody(res.status, path, body);
}
