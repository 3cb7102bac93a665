// Writes packages/server/src/demo/chart-defaults.json: the initial properties each nebula.js
// chart package gives a new chart (`nebbie.generateProperties({type})`), so the demo's sheets,
// which the server creates without a browser, carry the same properties a chart made in the hub
// does. Run it after upgrading an sn-* package: `node scripts/generate-chart-defaults.mjs`.
// Needs Debian's chromium (as the browser tests do).
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const charts = {
  barchart: 'sn-bar-chart',
  linechart: 'sn-line-chart',
  piechart: 'sn-pie-chart',
  combochart: 'sn-combo-chart',
  table: 'sn-table',
  kpi: 'sn-kpi',
  filterpane: 'sn-filter-pane',
};

const dir = mkdtempSync(join(tmpdir(), 'cairn-chart-defaults-'));
const bundles = ['stardust', ...Object.values(charts)];
for (const name of bundles) {
  const pkg = dirname(require.resolve(`@nebula.js/${name}/package.json`));
  copyFileSync(join(pkg, 'dist', `${name}.js`), join(dir, `${name}.js`));
}
const scripts = bundles.map((name) => `<script src="${name}.js"></script>`).join('');
writeFileSync(join(dir, 'page.html'), `<!doctype html><meta charset="utf-8"><body>${scripts}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`file://${join(dir, 'page.html')}`);
  const defaults = await page.evaluate(async (types) => {
    // generateProperties with no fields asks the app nothing; a stand-in keeps stardust content.
    const app = new Proxy(
      { id: 'defaults', session: { on() {}, config: {} } },
      { get: (t, p) => (p in t ? t[p] : p === 'then' ? undefined : async () => ({})) },
    );
    const nebbie = window.stardust.embed(app, {
      types: Object.entries(types).map(([name, global]) => ({
        name,
        load: async () => window[global],
      })),
    });
    const out = {};
    for (const name of Object.keys(types))
      out[name] = await nebbie.generateProperties({ type: name });
    return out;
  }, charts);
  const target = join(
    import.meta.dirname,
    '..',
    'packages',
    'server',
    'src',
    'demo',
    'chart-defaults.json',
  );
  writeFileSync(target, `${JSON.stringify(defaults, null, 2)}\n`);
  console.log(`wrote ${target}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
