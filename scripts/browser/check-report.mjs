// Opens a pollsim HTML report in headless Chromium and fails unless it loads with no console
// error, no page error and no request beyond its own folder, and every chart of the folder
// (each NAME.svg beside index.html) is inline, visible and of non-zero size. Saves a full-page
// screenshot. Usage: node check-report.mjs REPORT_DIR SCREENSHOT.png
import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, screenshot] = process.argv.slice(2);
if (!dir || !screenshot) {
  console.error('usage: node check-report.mjs REPORT_DIR SCREENSHOT.png');
  process.exit(2);
}
const folder = pathToFileURL(resolve(dir)).href + '/';
const charts = readdirSync(dir).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)).sort();
const problems = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(folder) && !r.url().startsWith('data:')) problems.push(`request beyond the folder: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  const response = await page.goto(new URL('index.html', folder).href, { waitUntil: 'load' });
  if (!response || !response.ok()) problems.push(`index.html did not load: ${response?.status()}`);

  if (charts.length === 0) problems.push(`no chart (*.svg) in ${dir}`);
  for (const name of charts) {
    const svg = page.locator(`section.chart figure > svg[id="${name}"]`);
    if ((await svg.count()) !== 1) {
      problems.push(`chart ${name}: not inline in index.html`);
      continue;
    }
    await svg.evaluate((e) => e.scrollIntoView());
    const box = await svg.boundingBox();
    const drawn = await svg.evaluate((e) => e.querySelectorAll('path, line, rect, text').length);
    const visible = await svg.isVisible();
    if (!visible || !box || box.width < 100 || box.height < 100) {
      problems.push(`chart ${name}: not visible (box ${JSON.stringify(box)})`);
    } else if (drawn < 20) {
      problems.push(`chart ${name}: only ${drawn} elements drawn`);
    } else {
      console.log(`chart ${name}: visible, ${Math.round(box.width)} x ${Math.round(box.height)} px, ${drawn} elements`);
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot: ${screenshot}`);
} finally {
  await browser.close();
}
if (problems.length > 0) {
  problems.forEach((p) => console.error(`FAIL ${p}`));
  process.exit(1);
}
console.log(`report OK in Chromium: ${charts.length} charts, no console error, no request beyond the folder`);
