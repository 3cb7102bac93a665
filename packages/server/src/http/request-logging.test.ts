import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../platform-factory.js';
import { type Harness, startHarness } from '../testing/harness.js';

describe('request logging', () => {
  const lines: string[] = [];
  let h: Harness;
  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    h = await startHarness('sqlite', { logger });
  });
  afterAll(() => h.close());

  it('redactUrl masks invite tokens and CSRF tokens in queries', () => {
    expect(redactUrl('/login/invite/inv_abc?x=1&qlik-csrf-token=zzz')).toBe(
      '/login/invite/[redacted]?x=1&qlik-csrf-token=[redacted]',
    );
  });

  it('logs carry tenant and user ids but never the API key or the invite token', async () => {
    const t = await h.tenant('logco');
    const invite = await h.call(t.adminKey, 'POST', '/api/v1/users/actions/invite', {
      invitees: [{ email: 'x@logco.test' }],
    });
    const path = new URL(String(invite.body.data?.[0]?.inviteLink)).pathname;
    await h.cairn.app.inject({
      method: 'POST',
      url: path,
      payload: { password: 'long enough password' },
    });
    const text = lines.join('');
    expect([
      text.includes(t.adminKey),
      text.includes(path.split('/').at(-1) ?? ''),
      text.includes(t.tenantId),
    ]).toEqual([false, false, true]);
  });
});
