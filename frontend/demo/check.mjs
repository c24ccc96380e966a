// Development check of js/districtMap.js and js/barChart.js in Debian's Chromium (no browser download):
// serves the repository on 127.0.0.1, opens frontend/demo/ at desktop and phone sizes in Thai and
// English, asserts what the modules must do, and writes screenshots to artifacts/frontend-demo/.
//
//   cd frontend && npm ci && node demo/check.mjs        (CHROMIUM=/path/to/chromium to override)
//
// Exit code 0 when every check passed. Any request that leaves 127.0.0.1 is blocked and fails the run
// (the app must not use a CDN or online tiles).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(root, 'artifacts', 'frontend-demo');
mkdirSync(out, { recursive: true });

const failures = [];
function check(condition, message) {
  if (condition) console.log(`  ok   ${message}`);
  else { console.log(`  FAIL ${message}`); failures.push(message); }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

async function waitForServer(url, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/frontend/demo/`;
let browser;
try {
  await waitForServer(base);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });

  const scenarios = [
    { name: 'desktop-th', query: '', context: { viewport: { width: 1366, height: 900 } } },
    { name: 'phone-th', query: '', context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
    { name: 'desktop-en', query: '?lang=en', context: { viewport: { width: 1366, height: 900 } } },
  ];

  for (const s of scenarios) {
    console.log(`${s.name}:`);
    const context = await browser.newContext({ ...s.context, locale: 'th-TH' });
    const page = await context.newPage();
    const problems = [];
    const outside = [];
    await context.route('**/*', route => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') { outside.push(url.href); return route.abort(); }
      return route.continue();
    });
    page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', e => problems.push(`pageerror: ${e.message}`));
    page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });

    await page.goto(base + s.query);
    await page.waitForFunction(() => window.demoReady || window.demoError, null, { timeout: 20000 });
    const error = await page.evaluate(() => window.demoError);
    check(!error, `page rendered without error ${error ?? ''}`);

    const en = s.query.includes('en');
    const paths = await page.locator('path[data-dcode]').count();
    check(paths === 50, `50 district polygons drawn (got ${paths})`);
    const tiles = await page.locator('.leaflet-tile, .leaflet-tile-container img').count();
    check(tiles === 0, 'no tile layer');

    const fills = await page.evaluate(() => Object.fromEntries(
      [...document.querySelectorAll('path[data-dcode]')].map(p => [p.dataset.dcode, p.getAttribute('fill')])));
    const palette = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
    check(fills['1002'] === '#d9d9d9' && fills['1003'] === '#d9d9d9', 'districts without data are grey');
    check(fills['1013'] === '#f4f4f4', 'suppressed district has its own fill');
    const used = new Set(Object.entries(fills).filter(([c]) => !['1002', '1003', '1013'].includes(c)).map(([, f]) => f));
    check(used.size === 5 && [...used].every(f => palette.includes(f)), `47 districts in 5 palette classes (${[...used].join(' ')})`);

    const legend = await page.locator('.saphan-map-legend').innerText();
    const items = await page.locator('.saphan-map-legend-item').count();
    check(items === 7, `legend has 5 classes + suppressed + no data (got ${items})`);
    check(legend.includes('<5') && legend.includes(en ? 'No data' : 'ไม่มีข้อมูล'), 'legend names suppressed and missing data');
    check(/\d{1,3}(,\d{3})+ – \d{1,3}(,\d{3})+/.test(legend), `legend numbers grouped by Intl.NumberFormat (${legend.split('\n')[1]})`);

    const fonts = await page.evaluate(() => ({
      thai: document.fonts.check('16px Sarabun', 'ก'),
      loaded: [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Sarabun' && f.status === 'loaded').length,
    }));
    check(fonts.thai && fonts.loaded >= 2, `Sarabun Thai and Latin faces loaded (${fonts.loaded})`);

    // Tooltip and click on Phra Nakhon (1001): hover on desktop, tap on the phone.
    const pn = page.locator('path[data-dcode="1001"]');
    if (s.context.hasTouch) await pn.tap({ force: true }); else { await pn.hover({ force: true }); await pn.click({ force: true }); }
    const tip = await page.locator('.leaflet-tooltip').first().innerText().catch(() => '');
    check(tip.includes(en ? 'Phra Nakhon' : 'พระนคร') && tip.includes('13,618'), `tooltip shows name and value (${tip.replace(/\n/g, ' ')})`);
    const clicks = await page.evaluate(() => window.clicks);
    check(clicks.some(c => c[0] === 'DistrictClicked' && c[1] === '1001'), 'click calls dotNetRef.invokeMethodAsync(onClick, "1001")');

    const chart = await page.evaluate(() => {
      const c = window.demo.chartHandle.chart;
      return { labels: c.data.labels.length, first: c.data.labels[0], axis: c.options.indexAxis, font: c.options.scales.y.ticks.font.family,
               height: c.height, canvasH: document.getElementById('chart').clientHeight };
    });
    check(chart.labels === 48 && chart.axis === 'y', `chart: 48 horizontal bars (${chart.labels}, first ${chart.first})`);
    check(chart.height >= 48 * 18, `chart tall enough for one bar per district (${chart.height}px)`);
    check(chart.font.includes('Sarabun'), 'chart ticks use Sarabun');

    await page.screenshot({ path: path.join(out, `${s.name}.png`), fullPage: true });
    // The map alone, at the size it appears, for a closer look.
    await page.locator('#map').screenshot({ path: path.join(out, `${s.name}-map.png`) });

    // Bar click: pick the first bar's centre through Chart.js' own geometry.
    const bar = await page.evaluate(() => {
      const c = window.demo.chartHandle.chart, el = c.getDatasetMeta(0).data[0];
      c.canvas.scrollIntoView({ block: 'start' });
      const r = c.canvas.getBoundingClientRect();
      return { x: r.left + (el.base + el.x) / 2, y: r.top + el.y, key: window.demo.sorted[0][0] };
    });
    await page.mouse.click(bar.x, bar.y);
    // Chart.js handles events on the next animation frame.
    await page.waitForFunction(() => window.clicks.some(c => c[0] === 'BarClicked'), null, { timeout: 2000 }).catch(() => {});
    const barClicks = await page.evaluate(() => window.clicks.filter(c => c[0] === 'BarClicked'));
    check(barClicks.some(c => c[1] === bar.key), `bar click passes the district key (${JSON.stringify(barClicks)})`);

    // update(): all districts get data; the legend loses "no data" and the suppressed entry.
    const after = await page.evaluate(() => {
      const data = {};
      for (let c = 1001; c <= 1050; c++) data[String(c)] = { value: c - 1000, label: `เขต${c}` };
      window.demo.districtMap.update(window.demo.mapHandle, data);
      window.demo.barChart.update(window.demo.chartHandle, ['ก', 'ข'], [{ label: 'x', data: [1, 2] }, { label: 'y', data: [3, null] }]);
      return {
        items: document.querySelectorAll('.saphan-map-legend-item').length,
        legends: document.querySelectorAll('.saphan-map-legend').length,
        grey: [...document.querySelectorAll('path[data-dcode]')].filter(p => p.getAttribute('fill') === '#d9d9d9').length,
        top: document.querySelector('path[data-dcode="1050"]').getAttribute('fill'),
        labels: window.demo.chartHandle.chart.data.labels.length,
        legendShown: window.demo.chartHandle.chart.options.plugins.legend.display,
        barHeight: window.demo.chartHandle.chart.getDatasetMeta(0).data[0].height,
      };
    });
    check(after.items === 5 && after.legends === 1 && after.grey === 0 && after.top === '#253494',
      `update() recolours and rebuilds one legend (${JSON.stringify(after)})`);
    check(after.labels === 2 && after.legendShown === true, 'chart update() replaces data and shows a legend for 2 datasets');
    check(after.barHeight > 0 && after.barHeight <= 28, `few bars stay bars, not slabs (${Math.round(after.barHeight)}px)`);

    const disposed = await page.evaluate(() => {
      window.demo.districtMap.dispose(window.demo.mapHandle);
      window.demo.districtMap.dispose(window.demo.mapHandle);
      window.demo.barChart.dispose(window.demo.chartHandle);
      window.demo.barChart.dispose(window.demo.chartHandle);
      return { panes: document.querySelectorAll('#map .leaflet-pane').length };
    });
    check(disposed.panes === 0, 'dispose() removes the map and is safe twice');

    check(outside.length === 0, `no request left 127.0.0.1 ${outside.join(' ')}`);
    check(problems.length === 0, `no console errors or failed requests ${problems.join(' | ')}`);
    await context.close();
  }
} finally {
  await browser?.close();
  server.kill();
}

console.log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
