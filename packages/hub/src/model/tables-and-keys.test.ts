import { describe, expect, it } from 'vitest';
import { dataModelView } from './tables-and-keys.js';

const orders = {
  qName: 'Orders',
  qNoOfRows: 10,
  qFields: [{ qName: 'OrderId' }, { qName: 'CustomerId', qnTotalDistinctValues: 4 }],
};
const customers = { qName: 'Customers', qNoOfRows: 4, qFields: [{ qName: 'CustomerId' }] };

describe('dataModelView', () => {
  it('dataModelView marks fields shared by two tables as keys', () => {
    const view = dataModelView({ qtr: [orders, customers] });
    expect(view.keys).toEqual([
      { field: 'CustomerId', tables: ['Orders', 'Customers'], isSynthetic: false },
    ]);
  });

  it('dataModelView sorts tables by name and keeps row counts', () => {
    const view = dataModelView({ qtr: [orders, customers] });
    expect(view.tables.map((t) => [t.name, t.rows])).toEqual([
      ['Customers', 4],
      ['Orders', 10],
    ]);
  });

  it('dataModelView flags a $Syn table and lists the fields it combines', () => {
    const syn = {
      qName: '$Syn 1 Table',
      qFields: [{ qName: '$Syn 1' }, { qName: 'Year' }, { qName: 'Region' }],
    };
    expect(dataModelView({ qtr: [syn] }).syntheticKeys).toEqual([
      { table: '$Syn 1 Table', fields: ['Year', 'Region'] },
    ]);
  });
});
