import { chart, type DemoApp, filters, kpi, measure } from './demo-app.js';

// The source keeps missing values as the text "NULL"; the script turns them into real nulls so
// they count as missing, not as a region called NULL.
const script = `// Northwind: seven linked tables, a snowflake in which selections travel across tables.
SET vFile = 'lib://Demo:DataFiles/northwind.json';

Customers:
LOAD
    id AS CustomerID,
    companyName AS Customer,
    contactName AS [Customer Contact],
    city AS [Customer City],
    If(region = 'NULL', Null(), region) AS [Customer Region],
    country AS [Customer Country]
FROM [$(vFile)] (json, table is customers);

Orders:
LOAD
    id AS OrderID,
    customerId AS CustomerID,
    shipperId AS ShipperID,
    Date(Date#(Left(orderDate, 10), 'YYYY-MM-DD')) AS OrderDate,
    Year(Date#(Left(orderDate, 10), 'YYYY-MM-DD')) AS OrderYear,
    Month(Date#(Left(orderDate, 10), 'YYYY-MM-DD')) AS OrderMonth,
    If(shippedDate = 'NULL', Null(), Date(Date#(Left(shippedDate, 10), 'YYYY-MM-DD'))) AS ShippedDate,
    freight AS Freight,
    shipCountry AS [Ship Country]
FROM [$(vFile)] (json, table is orders);

OrderDetails:
LOAD
    orderId AS OrderID,
    productId AS ProductID,
    unitPrice AS [Unit Price],
    quantity AS Quantity,
    discount AS Discount,
    unitPrice * quantity * (1 - discount) AS Sales
FROM [$(vFile)] (json, table is orderdetails);

Products:
LOAD
    id AS ProductID,
    name AS Product,
    categoryId AS CategoryID,
    supplierId AS SupplierID,
    If(discontinued, 'Yes', 'No') AS Discontinued
FROM [$(vFile)] (json, table is products);

Categories:
LOAD id AS CategoryID, name AS Category, description AS [Category Description]
FROM [$(vFile)] (json, table is categories);

Suppliers:
LOAD
    id AS SupplierID,
    companyName AS Supplier,
    country AS [Supplier Country],
    If(region = 'NULL', Null(), region) AS [Supplier Region]
FROM [$(vFile)] (json, table is suppliers);

Shippers:
LOAD id AS ShipperID, companyName AS Shipper
FROM [$(vFile)] (json, table is shippers);
`;

export const northwindApp: DemoApp = {
  name: 'Northwind',
  description: 'The Northwind traders: customers, orders, products, suppliers and shippers.',
  files: ['northwind'],
  script,
  sheets: [
    {
      title: 'Sales overview',
      charts: [
        filters(['Customer Country', 'Category', 'OrderYear', 'Shipper']),
        kpi('Sales', 'Sum(Sales)', 'Sales', [6, 0, 6, 3]),
        kpi('Orders', 'Count(DISTINCT OrderID)', 'Orders', [12, 0, 6, 3]),
        kpi('Customers', 'Count(DISTINCT CustomerID)', 'Customers', [18, 0, 6, 3]),
        chart(
          'barchart',
          'Sales by category',
          ['Category'],
          [measure('Sum(Sales)', 'Sales')],
          [6, 3, 9, 5],
        ),
        chart(
          'piechart',
          'Sales by shipper',
          ['Shipper'],
          [measure('Sum(Sales)', 'Sales')],
          [15, 3, 9, 5],
        ),
        chart(
          'linechart',
          'Sales by month',
          ['OrderMonth'],
          [measure('Sum(Sales)', 'Sales')],
          [6, 8, 18, 4],
        ),
      ],
    },
    {
      title: 'Customers and products',
      charts: [
        filters(['Supplier Country', 'Discontinued']),
        chart(
          'table',
          'Top customers',
          ['Customer', 'Customer Country'],
          [measure('Sum(Sales)', 'Sales'), measure('Count(DISTINCT OrderID)', 'Orders')],
          [6, 0, 18, 6],
        ),
        chart(
          'combochart',
          'Products: sales and quantity',
          ['Product'],
          [measure('Sum(Sales)', 'Sales'), measure('Sum(Quantity)', 'Quantity')],
          [6, 6, 18, 6],
        ),
      ],
    },
  ],
};
