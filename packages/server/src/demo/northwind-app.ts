import type { DemoApp } from './demo-app.js';

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
        {
          type: 'filterpane',
          title: 'Filters',
          dimensions: ['Customer Country', 'Category', 'OrderYear', 'Shipper'],
          measures: [],
          col: 0,
          row: 0,
          colspan: 6,
          rowspan: 12,
        },
        {
          type: 'kpi',
          title: 'Sales',
          dimensions: [],
          measures: [{ expr: 'Sum(Sales)', label: 'Sales' }],
          col: 6,
          row: 0,
          colspan: 6,
          rowspan: 3,
        },
        {
          type: 'kpi',
          title: 'Orders',
          dimensions: [],
          measures: [{ expr: 'Count(DISTINCT OrderID)', label: 'Orders' }],
          col: 12,
          row: 0,
          colspan: 6,
          rowspan: 3,
        },
        {
          type: 'kpi',
          title: 'Customers',
          dimensions: [],
          measures: [{ expr: 'Count(DISTINCT CustomerID)', label: 'Customers' }],
          col: 18,
          row: 0,
          colspan: 6,
          rowspan: 3,
        },
        {
          type: 'barchart',
          title: 'Sales by category',
          dimensions: ['Category'],
          measures: [{ expr: 'Sum(Sales)', label: 'Sales' }],
          col: 6,
          row: 3,
          colspan: 9,
          rowspan: 5,
        },
        {
          type: 'piechart',
          title: 'Sales by shipper',
          dimensions: ['Shipper'],
          measures: [{ expr: 'Sum(Sales)', label: 'Sales' }],
          col: 15,
          row: 3,
          colspan: 9,
          rowspan: 5,
        },
        {
          type: 'linechart',
          title: 'Sales by month',
          dimensions: ['OrderMonth'],
          measures: [{ expr: 'Sum(Sales)', label: 'Sales' }],
          col: 6,
          row: 8,
          colspan: 18,
          rowspan: 4,
        },
      ],
    },
    {
      title: 'Customers and products',
      charts: [
        {
          type: 'filterpane',
          title: 'Filters',
          dimensions: ['Supplier Country', 'Discontinued'],
          measures: [],
          col: 0,
          row: 0,
          colspan: 6,
          rowspan: 12,
        },
        {
          type: 'table',
          title: 'Top customers',
          dimensions: ['Customer', 'Customer Country'],
          measures: [
            { expr: 'Sum(Sales)', label: 'Sales' },
            { expr: 'Count(DISTINCT OrderID)', label: 'Orders' },
          ],
          col: 6,
          row: 0,
          colspan: 18,
          rowspan: 6,
        },
        {
          type: 'combochart',
          title: 'Products: sales and quantity',
          dimensions: ['Product'],
          measures: [
            { expr: 'Sum(Sales)', label: 'Sales' },
            { expr: 'Sum(Quantity)', label: 'Quantity' },
          ],
          col: 6,
          row: 6,
          colspan: 18,
          rowspan: 6,
        },
      ],
    },
  ],
};
