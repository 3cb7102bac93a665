// `npm run screenshots`: starts a fresh Cairn, builds a small sales app through REST and the hub
// itself, and refreshes the images the README shows (docs/images/*.png).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { addChart, addSheet, barCenters, createSalesApp, SALES_CSV } from '../e2e/flows.js';
import { ensureHubBuilt, launchBrowser, signIn, startCairn } from '../e2e/harness.js';

const IMAGES = resolve(import.meta.dirname, '..', '..', '..', 'docs', 'images');

async function main(): Promise<void> {
  ensureHubBuilt();
  await mkdir(IMAGES, { recursive: true });
  const cairn = await startCairn();
  const browser = await launchBrowser();
  const { page } = browser;
  const shot = async (name: string) => {
    await page.screenshot({ path: join(IMAGES, name) });
    console.log(`wrote docs/images/${name}`);
  };
  try {
    await cairn.upload('sales.csv', SALES_CSV);
    const targets = 'Targets:\nLOAD * INLINE [\nCountry, Target\nSweden, 1000\nNorway, 200\n];\n';
    const appId = await createSalesApp(cairn, 'Sales', targets);
    await cairn.api('POST', '/api/v1/spaces', { name: 'Finance', type: 'shared' });

    await page.goto(`${cairn.url}/login`);
    await shot('login.png');
    await signIn(page, cairn.url);
    await page.getByRole('link', { name: 'Open app Sales' }).waitFor();
    await shot('hub.png');

    await addSheet(page, cairn.url, appId, 'Overview');
    await addChart(page, {
      type: 'filterpane',
      title: 'Filters',
      dimensions: ['Region', 'Product'],
    });
    await addChart(page, { type: 'kpi', title: 'Total sales', measures: ['Sum(Sales)'] });
    await addChart(page, {
      type: 'barchart',
      title: 'Sales by country',
      dimensions: ['Country'],
      measures: ['Sum(Sales)'],
    });
    await addChart(page, {
      type: 'piechart',
      title: 'Sales by product',
      dimensions: ['Product'],
      measures: ['Sum(Sales)'],
    });
    await addChart(page, {
      type: 'table',
      title: 'Sales detail',
      dimensions: ['Country', 'Product'],
      measures: ['Sum(Sales)'],
    });
    await shot('sheet-edit.png');
    await page.goto(page.url().replace(/\/state\/edit$/, '/state/analysis'));
    await page.getByRole('row', { name: /^South Optional/ }).waitFor();
    const [sweden] = await barCenters(page, 'Sales by country');
    if (sweden !== undefined) {
      await page.mouse.click(sweden.x, sweden.y);
      await page.getByRole('button', { name: 'Confirm selection' }).click();
      await page.getByRole('row', { name: /^South Excluded/ }).waitFor();
    }
    // Charts animate their transitions; let them settle before the picture.
    await page.waitForTimeout(1500);
    await shot('sheet.png');

    await page.getByRole('link', { name: 'Data load editor' }).click();
    await page.locator('.cm-content').waitFor();
    await shot('data-load-editor.png');
    await page.getByRole('link', { name: 'Data model viewer' }).click();
    await page.locator('table[data-table]').first().waitFor();
    await shot('data-model.png');
  } finally {
    await browser.close();
    await cairn.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
