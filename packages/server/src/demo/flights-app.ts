import { chart, type DemoApp, filters, kpi, measure } from './demo-app.js';

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
        filters(['Origin State', 'Year', 'Weekday']),
        kpi('Flights', 'Sum(FlightCount)', 'Flights', [6, 0, 9, 3]),
        kpi('Average delay', 'Avg(Delay)', 'Average delay (min)', [15, 0, 9, 3]),
        chart(
          'linechart',
          'Average delay by month',
          ['Month'],
          [measure('Avg(Delay)', 'Average delay (min)')],
          [6, 3, 18, 5],
        ),
        chart(
          'barchart',
          'Flights by weekday',
          ['Weekday'],
          [measure('Sum(FlightCount)', 'Flights')],
          [6, 8, 18, 4],
        ),
      ],
    },
    {
      title: 'Delays by airport',
      charts: [
        filters(['Origin State', 'Destination State']),
        chart(
          'barchart',
          'Average delay by origin airport',
          ['Origin Airport'],
          [measure('Avg(Delay)', 'Average delay (min)')],
          [6, 0, 18, 6],
        ),
        chart(
          'table',
          'Airports',
          ['Origin Airport', 'Origin City'],
          [measure('Sum(FlightCount)', 'Flights'), measure('Avg(Delay)', 'Average delay (min)')],
          [6, 6, 18, 6],
        ),
      ],
    },
    {
      title: 'Delays by state',
      charts: [
        filters(['Origin State', 'Month']),
        chart(
          'combochart',
          'Flights and delays by origin state',
          ['Origin State'],
          [measure('Sum(FlightCount)', 'Flights'), measure('Avg(Delay)', 'Average delay (min)')],
          [6, 0, 18, 6],
        ),
        chart(
          'piechart',
          'Share of delayed flights',
          ['Quarter'],
          [measure('Sum(IsDelayed)', 'Delayed flights')],
          [6, 6, 9, 6],
        ),
        chart(
          'barchart',
          'Destination states',
          ['Destination State'],
          [measure('Sum(FlightCount)', 'Flights')],
          [15, 6, 9, 6],
        ),
      ],
    },
  ],
};
