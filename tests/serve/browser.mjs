// Opens `gwkg serve`'s entity page for key 1361 in Debian's headless Chromium (driven by
// playwright-core) and checks what a person would see: the timeline with 2023, 2024 and 2025,
// the highlighted mentions, the lineage picture drawn as SVG with nodes, working links, a usable
// page on a phone-sized screen, and the search form. Saves screenshots in OUT_DIR.
//
// usage: node browser.mjs BASE_URL OUT_DIR        (BASE_URL like http://127.0.0.1:PORT)
// Only BASE_URL (a loopback address) is visited; the whole run is bounded by a timer.

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node browser.mjs BASE_URL OUT_DIR');
  process.exit(2);
}
const url = new URL(base);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error(`refusing to visit ${base}: only loopback addresses`);
  process.exit(2);
}
const root = base.replace(/\/$/, '');
const limit = setTimeout(() => {
  console.error('FAIL: the browser test took longer than 120 s');
  process.exit(3);
}, 120_000);

mkdirSync(outDir, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'gwkg-chromium-'));
let passed = 0;
let failed = 0;
function check(condition, what) {
  if (condition) {
    passed += 1;
    console.log(`ok   ${what}`);
  } else {
    failed += 1;
    console.log(`FAIL ${what}`);
  }
}

let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1200, height: 900 },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // Never leave the machine: block any request that is not to the server under test.
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.origin === url.origin || target.protocol === 'data:') return route.continue();
    return route.abort();
  });

  const response = await page.goto(`${root}/entity/1361`, { waitUntil: 'load' });
  check(response && response.status() === 200, `GET /entity/1361 answers 200 (got ${response && response.status()})`);
  const title = await page.locator('section.entity h1').first().textContent();
  check(title && title.includes('1361'), `the heading names the entity (${title && title.trim()})`);

  const years = (await page.locator('h3.year').allTextContents()).map((t) => t.trim());
  for (const year of ['2023', '2024', '2025']) {
    check(years.includes(year), `the timeline shows ${year} (years: ${years.join(' ')})`);
  }
  const marks = await page.locator('.timeline mark').count();
  check(marks >= 3, `mentions are highlighted with <mark> (${marks})`);

  const svg = page.locator('figure.lineage svg');
  check((await svg.count()) === 1, 'the lineage picture is an inline <svg>');
  const nodes = await page.locator('figure.lineage svg g.node').count();
  const titles = await page.locator('figure.lineage svg g.node > title').allTextContents();
  // State node ids are "kind/key@year" (see src/dot.rs).
  const states = titles.filter((t) => /@\d{4}$/.test(t.trim())).length;
  check(nodes >= 3 && states >= 3, `the lineage SVG has nodes, one per yearly state (${nodes} nodes, ${states} states)`);
  const box = await svg.first().boundingBox();
  check(box && box.width > 100 && box.height > 50, `the lineage SVG is drawn at a visible size (${box && Math.round(box.width)}×${box && Math.round(box.height)})`);
  const svgText = await svg.first().textContent();
  check(svgText && svgText.includes('2024'), 'the lineage SVG labels its years');

  const sparqlLinks = await page.locator('a.sparql').count();
  check(sparqlLinks >= 3, `blocks link to their SPARQL queries (${sparqlLinks})`);
  await page.screenshot({ path: join(outDir, 'entity-1361.png'), fullPage: true });

  // A phone-sized screen: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload({ waitUntil: 'load' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `no horizontal scrolling on a 390 px wide screen (overflow ${overflow} px)`);
  await page.screenshot({ path: join(outDir, 'entity-1361-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });

  // The SPARQL link of the timeline opens the query page with results.
  const timelineLink = await page.locator('#timeline a.sparql').getAttribute('href');
  await page.goto(`${root}${timelineLink}`, { waitUntil: 'load' });
  const rows = await page.locator('table tbody tr').count();
  check(rows >= 4, `the timeline's SPARQL query runs in the browser (${rows} rows)`);

  // A report link from the timeline opens the report page.
  await page.goto(`${root}/entity/1361`, { waitUntil: 'load' });
  await Promise.all([page.waitForURL(/\/report\//), page.locator('.timeline .meta a').first().click()]);
  const chips = await page.locator('a.chip').count();
  check(chips > 10, `the report page lists its entities by section (${chips} links)`);
  await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });

  // The search form, with Chinese input.
  await page.goto(`${root}/`, { waitUntil: 'load' });
  await page.locator('input[name=q]').fill('成渝');
  await Promise.all([page.waitForURL(/\?q=/), page.locator('input[name=q]').press('Enter')]);
  const hits = await page.locator('table.results tbody tr').count();
  check(hits >= 1, `searching 成渝 finds entities (${hits})`);
  await page.locator('table.results tbody tr a').first().click();
  await page.waitForURL(/\/entity\//);
  check((await page.locator('h3.year').count()) >= 1, 'a search result opens its entity page');
  await page.screenshot({ path: join(outDir, 'search-result.png'), fullPage: true });

  check(pageErrors.length === 0, `no script errors (${pageErrors.join('; ')})`);
} catch (error) {
  failed += 1;
  console.log(`FAIL ${error && error.stack ? error.stack : error}`);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
  clearTimeout(limit);
}
console.log(`screenshots: ${outDir}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
