import { describe, expect, it } from 'vitest';
import { errorFromBody, isCsrfRejection } from './api-error.js';

describe('errorFromBody', () => {
  it('errorFromBody reads the first entry of the errors envelope', () => {
    const error = errorFromBody(404, '/api/v1/spaces/x', {
      errors: [{ code: 'SPACES-404', title: 'Not found', detail: 'space x does not exist' }],
    });
    expect([error.code, error.message]).toEqual([
      'SPACES-404',
      'Not found: space x does not exist',
    ]);
  });

  it('errorFromBody falls back to the HTTP status for a non-JSON body', () => {
    const error = errorFromBody(502, '/api/v1/items', '<html>bad gateway</html>');
    expect([error.code, error.detail]).toEqual(['HTTP-502', '<html>bad gateway</html>']);
  });
});

describe('isCsrfRejection', () => {
  it('isCsrfRejection recognises the top-level CSRF-TOKEN-2 code', () => {
    const error = errorFromBody(403, '/api/v1/spaces', { code: 'CSRF-TOKEN-2', title: 'Invalid' });
    expect(isCsrfRejection(error)).toBe(true);
  });
});
