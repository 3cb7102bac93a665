import { chart, type DemoApp, filters, kpi, measure } from './demo-app.js';

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
        filters(['Cut', 'Color', 'Clarity']),
        kpi('Average price', 'Avg(Price)', 'Average price', [6, 0, 9, 3]),
        kpi('Diamonds', 'Count(DiamondID)', 'Diamonds', [15, 0, 9, 3]),
        chart(
          'barchart',
          'Average price by cut',
          ['Cut'],
          [measure('Avg(Price)', 'Average price')],
          [6, 3, 9, 5],
        ),
        chart(
          'piechart',
          'Diamonds by colour',
          ['Color'],
          [measure('Count(DiamondID)', 'Diamonds')],
          [15, 3, 9, 5],
        ),
        chart(
          'linechart',
          'Average price by carat',
          ['Carat Band'],
          [measure('Avg(Price)', 'Average price')],
          [6, 8, 9, 4],
        ),
        chart(
          'table',
          'Clarity',
          ['Clarity'],
          [measure('Count(DiamondID)', 'Diamonds'), measure('Avg(Price)', 'Average price')],
          [15, 8, 9, 4],
        ),
      ],
    },
  ],
};
