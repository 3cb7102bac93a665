import type { Page } from 'playwright-core';
import { type Cairn, waitForReload } from './harness.js';

/** A small sales table: one country dominates, so its bar is the tallest and easy to click. */
export const SALES_CSV = [
  'Country,Region,Product,Sales',
  'Sweden,North,Bikes,900',
  'Sweden,North,Helmets,300',
  'Norway,North,Bikes,120',
  'Spain,South,Bikes,80',
  'Italy,South,Helmets,60',
].join('\n');

export const SALES_SCRIPT = `Sales:
LOAD * FROM [lib://DataFiles/sales.csv] (txt, utf8, embedded labels, delimiter is ',');
`;

/** Creates a personal app over sales.csv and reloads it through REST; returns its id. */
export async function createSalesApp(cairn: Cairn, name: string, more = ''): Promise<string> {
  const app = await cairn.api<{ attributes: { id: string } }>('POST', '/api/v1/apps', {
    attributes: { name },
  });
  const appId = app.attributes.id;
  await cairn.api('POST', `/api/v1/apps/${appId}/scripts`, { script: SALES_SCRIPT + more });
  const reload = await cairn.api<{ id: string }>('POST', '/api/v1/reloads', { appId });
  const done = await waitForReload(cairn, reload.id);
  if (done.status !== 'SUCCEEDED') {
    throw new Error(`reload of ${name} ended ${done.status}: ${done.errorMessage ?? ''}`);
  }
  return appId;
}

export interface ChartInput {
  readonly type: string;
  readonly title: string;
  readonly dimensions?: readonly string[];
  readonly measures?: readonly string[];
}

/** Adds a chart through the "Add chart" dialog of a sheet in edit mode. */
export async function addChart(page: Page, chart: ChartInput): Promise<void> {
  await page.getByRole('button', { name: 'Add chart' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a chart' });
  await dialog.getByLabel('Chart type').selectOption(chart.type);
  await dialog.getByLabel('Title', { exact: true }).fill(chart.title);
  const dims = chart.dimensions ?? [];
  const measures = chart.measures ?? [];
  for (const [i, d] of dims.entries()) {
    if (i > 0) await dialog.getByRole('button', { name: 'Add dimension' }).click();
    await dialog.getByLabel(`Dimension ${i + 1}`, { exact: true }).fill(d);
  }
  if (dims.length === 0 && (await dialog.getByLabel('Dimension 1', { exact: true }).count()) > 0) {
    await dialog.getByRole('button', { name: 'Remove Dimension 1' }).click();
  }
  for (const [i, m] of measures.entries()) {
    if (i > 0) await dialog.getByRole('button', { name: 'Add measure' }).click();
    await dialog.getByLabel(`Measure ${i + 1}`, { exact: true }).fill(m);
    await dialog.getByText('Expression is valid.').nth(i).waitFor();
  }
  if (
    measures.length === 0 &&
    (await dialog.getByLabel('Measure 1', { exact: true }).count()) > 0
  ) {
    await dialog.getByRole('button', { name: 'Remove Measure 1' }).click();
  }
  await dialog.getByRole('button', { name: 'Add to sheet' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page
    .getByRole('region', { name: chart.title, exact: true })
    .locator('.chart[data-rendered="true"]')
    .waitFor();
}

/** Opens the app, adds a sheet (which opens in edit mode) and names it. */
export async function addSheet(
  page: Page,
  url: string,
  appId: string,
  title: string,
): Promise<void> {
  await page.goto(`${url}/sense/app/${appId}`);
  await page.getByRole('button', { name: 'Add sheet' }).click();
  await page.waitForURL(/\/state\/edit$/);
  await page.getByLabel('Sheet title').fill(title);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
}

/**
 * Page coordinates of the bars of a bar chart, left to right. sn-bar-chart draws on canvas, so
 * the bars are found by reading the pixels of a line near the bottom of the plot: each run of
 * coloured (not grey or white) pixels is one bar.
 */
export async function barCenters(
  page: Page,
  chartTitle: string,
): Promise<{ x: number; y: number }[]> {
  const region = page.getByRole('region', { name: chartTitle, exact: true });
  return region.evaluate((root) => {
    for (const canvas of root.querySelectorAll('canvas')) {
      const box = canvas.getBoundingClientRect();
      const context = canvas.getContext('2d');
      if (context === null || box.width === 0) continue;
      const scale = canvas.width / box.width;
      const y = Math.floor(canvas.height * 0.9);
      const row = context.getImageData(0, y, canvas.width, 1).data;
      const runs: { from: number; to: number }[] = [];
      for (let x = 0; x < canvas.width; x++) {
        const [r, g, b, a] = [
          row[x * 4] ?? 0,
          row[x * 4 + 1] ?? 0,
          row[x * 4 + 2] ?? 0,
          row[x * 4 + 3] ?? 0,
        ];
        const coloured = a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 40;
        const last = runs[runs.length - 1];
        if (coloured && last !== undefined && last.to === x - 1) last.to = x;
        else if (coloured) runs.push({ from: x, to: x });
      }
      const bars = runs.filter((run) => run.to - run.from >= 3 * scale);
      if (bars.length > 0) {
        return bars.map((run) => ({
          x: box.x + (run.from + run.to) / 2 / scale,
          y: box.y + y / scale,
        }));
      }
    }
    return [];
  });
}
