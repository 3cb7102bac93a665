/** A failed REST call, carrying Qlik's error envelope fields (`errors[0]`) when the body had one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly path: string,
  ) {
    super(detail === '' ? `${title} (${code}, HTTP ${status}, ${path})` : `${title}: ${detail}`);
    this.name = 'ApiError';
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/**
 * Reads `{errors:[{code,title,detail}]}` (Qlik's canonical envelope) or the legacy top-level
 * `{code,title}` that the CSRF check uses; anything else becomes a generic HTTP error.
 */
export function errorFromBody(status: number, path: string, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const errors = record.errors;
    const first: unknown = Array.isArray(errors) ? errors[0] : record;
    if (typeof first === 'object' && first !== null) {
      const e = first as Record<string, unknown>;
      const code = text(e.code);
      if (code !== '' || text(e.title) !== '') {
        return new ApiError(status, code, text(e.title) || `HTTP ${status}`, text(e.detail), path);
      }
    }
  }
  const detail = typeof body === 'string' ? body.slice(0, 200) : '';
  return new ApiError(status, `HTTP-${status}`, `HTTP ${status}`, detail, path);
}

/** True when the server refused the CSRF token (clients refetch the token and retry once). */
export function isCsrfRejection(error: ApiError): boolean {
  return error.status === 403 && error.code.startsWith('CSRF-TOKEN');
}
