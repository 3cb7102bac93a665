import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect([config.port, config.host, config.reloadConcurrency, config.metricsPort]).toEqual([
      8080,
      '127.0.0.1',
      2,
      9464,
    ]);
  });

  it('derives CAIRN_PUBLIC_URL from HOST and PORT', () => {
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://127.0.0.1:9000');
  });

  it('an invalid PORT stops start-up naming the variable and quoting the value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      /PORT="eighty" is invalid: expected a whole number between 0 and 65535/,
    );
  });

  it('an invalid secret is named but not quoted', () => {
    expect(() => loadConfig({ CAIRN_OPERATOR_KEY: 'short' })).toThrow(
      /CAIRN_OPERATOR_KEY=\(hidden\) is invalid/,
    );
  });

  it('CAIRN_DATABASE_URL must be a postgres URL', () => {
    expect(() => loadConfig({ CAIRN_DATABASE_URL: 'mysql://x' })).toThrow(
      /CAIRN_DATABASE_URL="mysql:\/\/x" is invalid/,
    );
  });
});
