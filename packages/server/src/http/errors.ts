/**
 * Every error code the REST API answers with, in one registry: a stable code (never reused), the
 * HTTP status and a title. Details name the offending input; they never carry internals.
 */
export const ERROR_CODES = {
  'HTTP-400': { status: 400, title: 'Bad request' },
  'HTTP-401': { status: 401, title: 'Unauthorized' },
  'HTTP-403': { status: 403, title: 'Forbidden' },
  'HTTP-404': { status: 404, title: 'Not found' },
  'HTTP-405': { status: 405, title: 'Method not allowed' },
  'HTTP-409': { status: 409, title: 'Conflict' },
  'HTTP-413': { status: 413, title: 'Payload too large' },
  'HTTP-415': { status: 415, title: 'Unsupported media type' },
  'HTTP-429': { status: 429, title: 'Too many requests' },
  'HTTP-500': { status: 500, title: 'Internal server error' },
  'HTTP-503': { status: 503, title: 'Service unavailable' },
  'CSRF-TOKEN-2': { status: 403, title: 'Invalid CSRF token' },
  'AUTH-1': { status: 401, title: 'Invalid credentials' },
  'TENANTS-1': { status: 403, title: 'Tenant management is disabled' },
  'USERS-1': { status: 409, title: 'User already exists' },
  'USERS-2': { status: 400, title: 'The last tenant admin cannot be removed' },
  'SPACES-1': { status: 409, title: 'Space name already exists' },
  'SPACES-2': { status: 400, title: 'Invalid space role' },
  'SPACES-3': { status: 409, title: 'Assignee already assigned' },
  'SPACES-4': { status: 412, title: 'Space is not empty' },
  'DF-001': { status: 400, title: 'Invalid multipart upload' },
  'DF-002': { status: 409, title: 'File already exists' },
  'DF-003': { status: 413, title: 'File too large' },
  'DF-004': { status: 400, title: 'Invalid file name' },
  'DF-014': { status: 404, title: 'Connection not found' },
  'DF-016': { status: 413, title: 'Quota exceeded' },
  'RELOADS-001': { status: 429, title: 'Too many queued reloads' },
  'RELOADS-002': { status: 409, title: 'Reload already finished' },
  'APPS-1': { status: 404, title: 'App script not found' },
  'APPS-2': { status: 400, title: 'App has no data' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorSource {
  pointer?: string;
  parameter?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly source?: ErrorSource,
  ) {
    super(`${code}: ${detail}`);
    const entry = ERROR_CODES[code];
    this.status = entry.status;
    this.title = entry.title;
  }
}

/** Unknown and forbidden look alike: one helper for "not there or not yours". */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError('HTTP-404', `${kind} ${JSON.stringify(id)} does not exist`);
}

export function forbidden(detail: string): ApiError {
  return new ApiError('HTTP-403', detail);
}

export interface ErrorBody {
  errors: Array<{
    code: string;
    title: string;
    detail: string;
    status: string;
    source?: ErrorSource;
  }>;
  traceId: string;
  code?: string;
  title?: string;
}

export function errorBody(error: ApiError, traceId: string): ErrorBody {
  const body: ErrorBody = {
    errors: [
      {
        code: error.code,
        title: error.title,
        detail: error.detail,
        status: String(error.status),
        ...(error.source ? { source: error.source } : {}),
      },
    ],
    traceId,
  };
  // @qlik/api refreshes its token only when the CSRF code is at the top level (rest-api.md §1.5).
  if (error.code === 'CSRF-TOKEN-2') {
    body.code = error.code;
    body.title = error.title;
  }
  return body;
}
