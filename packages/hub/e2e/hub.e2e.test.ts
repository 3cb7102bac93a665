import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChart, addSheet, barCenters, createSalesApp, SALES_CSV } from './flows.js';
import {
  type Browser,
  type Cairn,
  ensureHubBuilt,
  launchBrowser,
  signIn,
  startCairn,
} from './harness.js';

// The hub against a real Cairn (REST + Engine API) in Debian's chromium. Timings are reported,
// never asserted: the machine is shared and noisy.
describe('hub in chromium', () => {
  let cairn: Cairn;
  let browser: Browser;
  let salesAppId: string;

  beforeAll(async () => {
    ensureHubBuilt();
    cairn = await startCairn();
    await cairn.upload('sales.csv', SALES_CSV);
    salesAppId = await createSalesApp(cairn, 'Sales');
    browser = await launchBrowser();
    await signIn(browser.page, cairn.url);
  });

  afterAll(async () => {
    await browser?.close();
    await cairn?.close();
  });

  it('the hub lists the personal space apps after sign-in (time to hub reported)', async () => {
    const { page } = browser;
    const started = Date.now();
    await page.goto(`${cairn.url}/hub`);
    await page.getByRole('link', { name: 'Open app Sales' }).waitFor();
    console.log(`[hub e2e] time to hub: ${Date.now() - started} ms`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Apps in Personal');
  });

  it("the served hub page holds no inline script (the server's CSP forbids them)", async () => {
    const html = await (await fetch(`${cairn.url}/login`)).text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect([scripts.length > 0, scripts.every((tag) => /\bsrc="\/assets\//.test(tag))]).toEqual([
      true,
      true,
    ]);
  });

  it('an app titled <img src=x onerror=alert(1)> renders as text and opens no dialog', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await cairn.api('POST', '/api/v1/apps', { attributes: { name: hostile } });
    const { page } = browser;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${cairn.url}/hub`);
    await page.getByRole('link', { name: `Open app ${hostile}` }).waitFor();
    expect([dialogs, await page.locator('.card img').count()]).toEqual([[], 0]);
  });

  it('the hub dialogs create a space and an app and upload a data file into the space', async () => {
    const { page } = browser;
    await page.goto(`${cairn.url}/hub`);
    await page.getByRole('button', { name: 'Create space' }).click();
    const spaceDialog = page.getByRole('dialog', { name: 'Create a space' });
    await spaceDialog.getByLabel('Name').fill('Finance');
    await spaceDialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Apps in Finance' }).waitFor();

    await page.getByRole('button', { name: 'Upload data file' }).click();
    const upload = page.getByRole('dialog', { name: 'Upload a data file' });
    await upload.getByLabel('File').setInputFiles({
      name: 'budget.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Year,Budget\n2025,100\n'),
    });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByText('Uploaded budget.csv.').waitFor();
    await upload.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('budget.csv').waitFor();

    await page.getByRole('button', { name: 'Create app' }).click();
    const appDialog = page.getByRole('dialog', { name: 'Create an app' });
    await appDialog.getByLabel('Name').fill('Budget');
    await appDialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/sense\/app\//);
    await page.goBack();
    await page.getByRole('link', { name: 'Open app Budget' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Apps in Finance');
  });

  it('an app whose reload is running shows its progress in the hub until it is ready', async () => {
    const app = await cairn.api<{ attributes: { id: string } }>('POST', '/api/v1/apps', {
      attributes: { name: 'Slow' },
    });
    const appId = app.attributes.id;
    const script = 'Sleep 4000;\nSlow: LOAD 1 AS X AUTOGENERATE 1;\n';
    await cairn.api('POST', `/api/v1/apps/${appId}/scripts`, { script });
    await cairn.api('POST', '/api/v1/reloads', { appId });
    const { page } = browser;
    await page.goto(`${cairn.url}/hub`);
    const progress = page.getByRole('progressbar', { name: 'Reload progress for Slow' });
    await progress.waitFor();
    await progress.waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByText('Reload failed').count()).toBe(0);
  });

  it('creating a sheet with a bar chart keeps it after a page reload', async () => {
    const { page } = browser;
    await addSheet(page, cairn.url, salesAppId, 'Overview');
    await addChart(page, {
      type: 'barchart',
      title: 'Sales by country',
      dimensions: ['Country'],
      measures: ['Sum(Sales)'],
    });
    await page.reload();
    const chart = page.getByRole('region', { name: 'Sales by country' });
    await chart.locator('.chart[data-rendered="true"]').waitFor();
    expect(await page.getByLabel('Sheet title').inputValue()).toBe('Overview');
  });

  it('moving and resizing a chart with the keyboard is saved with the sheet', async () => {
    const { page } = browser;
    const cell = page.getByRole('region', { name: 'Sales by country' });
    const before = await cell.getAttribute('data-grid');
    const move = cell.getByRole('button', { name: 'Sales by country' });
    await move.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await cell.locator('.chart[data-rendered="true"]').waitFor();
    expect([before, await cell.getAttribute('data-grid')]).toEqual(['0,0,12,6/24', '0,1,13,6/24']);
    await move.focus();
    await page.keyboard.press('ArrowUp');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
  });

  it('an expression with an unknown field shows the error while typing', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Add chart' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a chart' });
    await dialog.getByLabel('Measure 1', { exact: true }).fill('Sum(Salez)');
    const message = dialog.locator('.check-error');
    await message.waitFor();
    expect(await message.textContent()).toContain('Salez');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('clicking a bar changes the KPI and filter pane; clear all restores them (time to sheet reported)', async () => {
    const { page } = browser;
    await addChart(page, { type: 'kpi', title: 'Total sales', measures: ['Sum(Sales)'] });
    await addChart(page, { type: 'filterpane', title: 'Filters', dimensions: ['Region'] });
    const sheetUrl = page.url().replace(/\/state\/edit$/, '/state/analysis');
    const started = Date.now();
    await page.goto(sheetUrl);
    const kpi = page.getByRole('region', { name: 'Total sales' });
    const filters = page.getByRole('region', { name: 'Filters' });
    for (const title of ['Total sales', 'Sales by country', 'Filters']) {
      await page
        .getByRole('region', { name: title })
        .locator('.chart[data-rendered="true"]')
        .waitFor();
    }
    console.log(`[hub e2e] time to first rendered sheet: ${Date.now() - started} ms`);
    await filters.getByRole('row', { name: /^South Optional/ }).waitFor();
    const before = await kpi.textContent();

    // Sorted by sales, Sweden's bar comes first: click it, then confirm the selection.
    await expect
      .poll(async () => (await barCenters(page, 'Sales by country')).length)
      .toBeGreaterThan(0);
    const [sweden] = await barCenters(page, 'Sales by country');
    if (sweden === undefined) throw new Error('no bar found in the bar chart');
    await page.mouse.click(sweden.x, sweden.y);
    await page.getByRole('button', { name: 'Confirm selection' }).click();
    await expect
      .poll(() => page.locator('.chip').first().textContent())
      .toContain('Country: Sweden');
    await filters.getByRole('row', { name: /^South Excluded/ }).waitFor();
    expect(await kpi.textContent()).not.toBe(before);

    await page.getByRole('button', { name: 'Clear all selections' }).click();
    await filters.getByRole('row', { name: /^South Optional/ }).waitFor();
    expect([await kpi.textContent(), await page.locator('.chip').count()]).toEqual([before, 0]);
  });

  it('a script written in the data load editor reloads and its new field shows in the model viewer', async () => {
    const { page } = browser;
    await page.goto(`${cairn.url}/sense/app/${salesAppId}/dataloadeditor`);
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(
      "Sales:\nLOAD *, Sales * 2 AS DoubleSales FROM [lib://DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',');\n",
    );
    await page.getByRole('button', { name: 'Reload data' }).click();
    await page.getByText(/^Reload finished/).waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Data model viewer' }).click();
    await page.getByRole('rowheader', { name: 'DoubleSales' }).waitFor();
    expect(await page.locator('table[data-table="Sales"] caption').textContent()).toContain(
      '5 rows',
    );
  });

  it('a failing script marks its line in the editor and names it in the message', async () => {
    const { page } = browser;
    await page.goto(`${cairn.url}/sense/app/${salesAppId}/dataloadeditor`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(
      'SET a = 1;\nLOAD * FROM [lib://DataFiles/missing.csv] (txt);\n',
    );
    await page.getByRole('button', { name: 'Reload data' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Error on line 2' });
    await alert.waitFor({ timeout: 120_000 });
    expect(await page.locator('.cm-error-line').count()).toBe(1);
  });
});
