import { describe, expect, it } from 'vitest';
import { engineUrl } from './engine-url.js';

describe('engineUrl', () => {
  it('engineUrl uses wss on an https page and carries the CSRF token in the query', () => {
    expect(engineUrl({ protocol: 'https:', host: 'h:8443' }, 'a b', 't/1')).toBe(
      'wss://h:8443/app/a%20b?qlik-csrf-token=t%2F1',
    );
  });

  it('engineUrl uses ws on an http page', () => {
    expect(engineUrl({ protocol: 'http:', host: '127.0.0.1:1' }, 'x', '')).toBe(
      'ws://127.0.0.1:1/app/x',
    );
  });
});
