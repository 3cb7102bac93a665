import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { formatMessage, t } from './t.js';

describe('formatMessage', () => {
  it('formatMessage(template, params) fills every named placeholder', () => {
    expect(formatMessage('{a} of {b}', { a: 3, b: 'ten' })).toBe('3 of ten');
  });

  it('formatMessage leaves a placeholder without a value visible', () => {
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });
});

describe('t', () => {
  it('t(key, params) reads the English catalogue', () => {
    expect(t('upload.progress', { name: 'a.csv', percent: 40 })).toBe('Uploading a.csv: 40%');
  });

  it('every catalogue message is a non-empty string except deliberate blanks', () => {
    const blank = Object.entries(en)
      .filter(([, v]) => v.length === 0)
      .map(([k]) => k);
    expect(blank).toEqual(['model.keyType.NOT_KEY']);
  });
});
