import type { DemoApp } from './demo-app.js';

const script = `// Diamonds: 53,940 diamonds with their cut, colour, clarity, size and price.
Diamonds:
LOAD
    RowNo() AS DiamondID,
    carat AS Carat,
    cut AS Cut,
    color AS Color,
    clarity AS Clarity,
    depth AS Depth,
    [table] AS [Table Width],
    price AS Price,
    Round(carat, 0.25) AS [Carat Band]
FROM [lib://Demo:DataFiles/diamonds.csv] (txt, utf8, embedded labels, delimiter is ',');
`;

export const diamondsApp: DemoApp = {
  name: 'Diamonds',
  description: 'Prices of 53,940 diamonds by cut, colour, clarity and carat.',
  files: ['diamonds'],
  script,
  sheets: [
    {
      title: 'Prices',
      charts: [
        {
          type: 'filterpane',
          title: 'Filters',
          dimensions: ['Cut', 'Color', 'Clarity'],
          measures: [],
          col: 0,
          row: 0,
          colspan: 6,
          rowspan: 12,
        },
        {
          type: 'kpi',
          title: 'Average price',
          dimensions: [],
          measures: [{ expr: 'Avg(Price)', label: 'Average price' }],
          col: 6,
          row: 0,
          colspan: 9,
          rowspan: 3,
        },
        {
          type: 'kpi',
          title: 'Diamonds',
          dimensions: [],
          measures: [{ expr: 'Count(DiamondID)', label: 'Diamonds' }],
          col: 15,
          row: 0,
          colspan: 9,
          rowspan: 3,
        },
        {
          type: 'barchart',
          title: 'Average price by cut',
          dimensions: ['Cut'],
          measures: [{ expr: 'Avg(Price)', label: 'Average price' }],
          col: 6,
          row: 3,
          colspan: 9,
          rowspan: 5,
        },
        {
          type: 'piechart',
          title: 'Diamonds by colour',
          dimensions: ['Color'],
          measures: [{ expr: 'Count(DiamondID)', label: 'Diamonds' }],
          col: 15,
          row: 3,
          colspan: 9,
          rowspan: 5,
        },
        {
          type: 'linechart',
          title: 'Average price by carat',
          dimensions: ['Carat Band'],
          measures: [{ expr: 'Avg(Price)', label: 'Average price' }],
          col: 6,
          row: 8,
          colspan: 9,
          rowspan: 4,
        },
        {
          type: 'table',
          title: 'Clarity',
          dimensions: ['Clarity'],
          measures: [
            { expr: 'Count(DiamondID)', label: 'Diamonds' },
            { expr: 'Avg(Price)', label: 'Average price' },
          ],
          col: 15,
          row: 8,
          colspan: 9,
          rowspan: 4,
        },
      ],
    },
  ],
};
