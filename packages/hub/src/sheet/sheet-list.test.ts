import { describe, expect, it } from 'vitest';
import { newSheetProperties, nextRank, readSheetList } from './sheet-list.js';

describe('readSheetList', () => {
  it('readSheetList orders sheets by rank and reads the title from qData', () => {
    const layout = {
      qAppObjectList: {
        qItems: [
          { qInfo: { qId: 'b' }, qData: { title: 'Second', rank: 1 } },
          { qInfo: { qId: 'a' }, qData: { title: 'First', rank: 0 } },
          { qData: { title: 'no id' } },
        ],
      },
    };
    expect(readSheetList(layout).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('readSheetList falls back to qMeta.title', () => {
    const layout = { qAppObjectList: { qItems: [{ qInfo: { qId: 'a' }, qMeta: { title: 'T' } }] } };
    expect(readSheetList(layout)[0]?.title).toBe('T');
  });
});

describe('newSheetProperties', () => {
  it('newSheetProperties makes an empty 24 × 12 sheet with the title in qMetaDef', () => {
    expect(newSheetProperties('S', 2)).toMatchObject({
      qInfo: { qType: 'sheet' },
      qMetaDef: { title: 'S' },
      rank: 2,
      columns: 24,
      rows: 12,
      cells: [],
    });
  });

  it('nextRank puts a new sheet after the highest rank', () => {
    expect(nextRank([{ id: 'a', title: '', rank: 4 }])).toBe(5);
  });
});
