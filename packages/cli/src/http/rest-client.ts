import { CliError, ExitCode } from '../errors.js';

export interface RequestOptions {
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
  /** Answer with the raw text instead of parsing JSON (reload logs). */
  readonly text?: boolean;
}

interface QlikErrorBody {
  errors?: { code?: string; title?: string; detail?: string }[];
}

/** A thin REST client over fetch that turns failures into the CLI's exit codes. */
export class RestClient {
  constructor(
    readonly server: string,
    private readonly bearer: string,
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const url = new URL(path, `${this.server}/`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.bearer}`,
      ...options.headers,
    };
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body });
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new CliError(
        `cannot reach ${this.server} (${cause}): is the server running? Start it with ` +
          '`cairn serve`, or check the context with `cairn context ls`',
        ExitCode.unreachable,
      );
    }
    const raw = await response.text();
    if (!response.ok) throw refusal(response.status, raw);
    if (options.text) return raw as T;
    return (raw ? JSON.parse(raw) : {}) as T;
  }

  /** Follows `links.next.href` until the list ends, collecting every `data` entry. */
  async list<T = unknown>(path: string, query: RequestOptions['query'] = {}): Promise<T[]> {
    const out: T[] = [];
    let page = await this.request<{ data?: T[]; links?: { next?: { href?: string | null } } }>(
      'GET',
      path,
      { query },
    );
    for (;;) {
      out.push(...(page.data ?? []));
      const next = page.links?.next?.href;
      if (!next) return out;
      page = await this.request('GET', next);
    }
  }
}

function refusal(status: number, raw: string): CliError {
  let body: QlikErrorBody | undefined;
  try {
    body = JSON.parse(raw) as QlikErrorBody;
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  const what = first ? `${first.title ?? 'error'}${first.detail ? `: ${first.detail}` : ''}` : raw;
  const hint =
    status === 401
      ? ' (the API key was refused: check it with `cairn context ls` or create a new one)'
      : status === 404
        ? ' (not found, or not visible to this user)'
        : '';
  const code = first?.code ? ` [${first.code}]` : '';
  return new CliError(`server refused (${status})${code}: ${what}${hint}`, ExitCode.refused, body);
}
