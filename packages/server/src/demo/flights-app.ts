import type { DemoApp } from './demo-app.js';

const script = `// US flights: three million flights, their origin and destination airports, and a calendar.
Flights:
LOAD
    Date(Floor(date)) AS FlightDate,
    delay AS Delay,
    distance AS Distance,
    origin AS Origin,
    destination AS Destination,
    If(delay > 15, 1, 0) AS IsDelayed,
    1 AS FlightCount
FROM [lib://Demo:DataFiles/flights-3m.parquet] (parquet);

// The same airport list joins twice, once per role, through renamed keys.
OriginAirports:
LOAD
    iata AS Origin,
    name AS [Origin Airport],
    city AS [Origin City],
    state AS [Origin State]
FROM [lib://Demo:DataFiles/airports.csv] (txt, utf8, embedded labels, delimiter is ',', msq);

DestinationAirports:
LOAD
    iata AS Destination,
    name AS [Destination Airport],
    city AS [Destination City],
    state AS [Destination State]
FROM [lib://Demo:DataFiles/airports.csv] (txt, utf8, embedded labels, delimiter is ',', msq);

// A calendar with one row per day between the first and the last flight.
DateRange:
LOAD Min(FlightDate) AS MinDate, Max(FlightDate) AS MaxDate RESIDENT Flights;
LET vMinDate = Num(Peek('MinDate', 0, 'DateRange'));
LET vMaxDate = Num(Peek('MaxDate', 0, 'DateRange'));
DROP TABLE DateRange;

Calendar:
LOAD
    FlightDate,
    Year(FlightDate) AS Year,
    Month(FlightDate) AS Month,
    'Q' & Ceil(Month(FlightDate) / 3) AS Quarter,
    WeekDay(FlightDate) AS Weekday;
LOAD Date($(vMinDate) + IterNo() - 1) AS FlightDate
AUTOGENERATE 1 WHILE $(vMinDate) + IterNo() - 1 <= $(vMaxDate);
`;

export const flightsApp: DemoApp = {
  name: 'US flights',
  description:
    'Three million U.S. flights with their airports: delays by month, airport and state.',
  files: ['flights', 'airports'],
  script,
  sheets: [
    {
      title: 'Delays by month',
      charts: [
        {
          type: 'filterpane',
          title: 'Filters',
          dimensions: ['Origin State', 'Year', 'Weekday'],
          measures: [],
          col: 0,
          row: 0,
          colspan: 6,
          rowspan: 12,
        },
        {
          type: 'kpi',
          title: 'Flights',
          dimensions: [],
          measures: [{ expr: 'Sum(FlightCount)', label: 'Flights' }],
          col: 6,
          row: 0,
          colspan: 9,
          rowspan: 3,
        },
        {
          type: 'kpi',
          title: 'Average delay',
          dimensions: [],
          measures: [{ expr: 'Avg(Delay)', label: 'Average delay (min)' }],
          col: 15,
          row: 0,
          colspan: 9,
          rowspan: 3,
        },
        {
          type: 'linechart',
          title: 'Average delay by month',
          dimensions: ['Month'],
          measures: [{ expr: 'Avg(Delay)', label: 'Average delay (min)' }],
          col: 6,
          row: 3,
          colspan: 18,
          rowspan: 5,
        },
        {
          type: 'barchart',
          title: 'Flights by weekday',
          dimensions: ['Weekday'],
          measures: [{ expr: 'Sum(FlightCount)', label: 'Flights' }],
          col: 6,
          row: 8,
          colspan: 18,
          rowspan: 4,
        },
      ],
    },
    {
      title: 'Delays by airport',
      charts: [
        {
          type: 'filterpane',
          title: 'Filters',
          dimensions: ['Origin State', 'Destination State'],
          measures: [],
          col: 0,
          row: 0,
          colspan: 6,
          rowspan: 12,
        },
        {
          type: 'barchart',
          title: 'Average delay by origin airport',
          dimensions: ['Origin Airport'],
          measures: [{ expr: 'Avg(Delay)', label: 'Average delay (min)' }],
          col: 6,
          row: 0,
          colspan: 18,
          rowspan: 6,
        },
        {
          type: 'table',
          title: 'Airports',
          dimensions: ['Origin Airport', 'Origin City'],
          measures: [
            { expr: 'Sum(FlightCount)', label: 'Flights' },
            { expr: 'Avg(Delay)', label: 'Average delay (min)' },
          ],
          col: 6,
          row: 6,
          colspan: 18,
          rowspan: 6,
        },
      ],
    },
    {
      title: 'Delays by state',
      charts: [
        {
          type: 'filterpane',
          title: 'Filters',
          dimensions: ['Origin State', 'Month'],
          measures: [],
          col: 0,
          row: 0,
          colspan: 6,
          rowspan: 12,
        },
        {
          type: 'combochart',
          title: 'Flights and delays by origin state',
          dimensions: ['Origin State'],
          measures: [
            { expr: 'Sum(FlightCount)', label: 'Flights' },
            { expr: 'Avg(Delay)', label: 'Average delay (min)' },
          ],
          col: 6,
          row: 0,
          colspan: 18,
          rowspan: 6,
        },
        {
          type: 'piechart',
          title: 'Share of delayed flights',
          dimensions: ['Quarter'],
          measures: [{ expr: 'Sum(IsDelayed)', label: 'Delayed flights' }],
          col: 6,
          row: 6,
          colspan: 9,
          rowspan: 6,
        },
        {
          type: 'barchart',
          title: 'Destination states',
          dimensions: ['Destination State'],
          measures: [{ expr: 'Sum(FlightCount)', label: 'Flights' }],
          col: 15,
          row: 6,
          colspan: 9,
          rowspan: 6,
        },
      ],
    },
  ],
};
