import { describe, expect, it } from 'vitest';
import { uploadDescriptor } from './upload.js';

describe('uploadDescriptor', () => {
  it('uploadDescriptor names the file and the space connection', () => {
    expect(JSON.parse(uploadDescriptor('a.csv', 'conn-1'))).toEqual({
      name: 'a.csv',
      connectionId: 'conn-1',
    });
  });

  it('uploadDescriptor leaves the connection out for the personal space', () => {
    expect(JSON.parse(uploadDescriptor('a.csv', null))).toEqual({ name: 'a.csv' });
  });
});
