/**
 * Print and page weight, in Chromium, on the demo build.
 *
 * Print, A4 and Letter: the briefing and the customer letter print with no blank or near-blank
 * page, every figure and short table on one page, no heading left at a page's foot, no control
 * (button, disclosure triangle, navigation, skip link) and no link address printed; long tables
 * repeat their header; the follow-up page's queue prints in real columns within a page budget.
 * Read from the PDF itself (pages, what each draws, and its tagged structure: which pages each
 * heading, figure and table lands on) and from the DOM laid out for print.
 *
 * Page weight: a page with charts fetches nothing of the chart library until a reader presses
 * "Explore this chart"; pressing it draws that chart, interactive, with no console error.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { blankPages, nearBlankPages, readPdfPages, readPdfStructure, type PdfElement } from '../helpers/pdf.ts';

const FORMATS = ['A4', 'Letter'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The follow-up page's budget. It printed 51 A4 pages (50 Letter) before the queue had print
 * columns; 14 A4 and 16 Letter after. The budget leaves room for longer comments, not for the
 * comment column to collapse again.
 */
const FOLLOW_UP_PAGE_BUDGET = 20;

let browser: Browser;
let internal: { url: string; close: () => Promise<void> };
let customers: { url: string; close: () => Promise<void> };
let latestWave: string;

beforeAll(async () => {
  const demo = inject('demoBuild');
  expect(demo.code, demo.stderr).toBe(0);
  internal = await serve(join(demo.out, 'internal'));
  customers = await serve(join(demo.out, 'customers'));
  const summary = JSON.parse(readFileSync(join(demo.out, 'internal', 'exports', 'summary.json'), 'utf8')) as { waves: { id: string }[] };
  latestWave = summary.waves.at(-1)!.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await internal?.close();
  await customers?.close();
});

/**
 * Opens `url` as a reader would, fonts loaded, ready to print. A <details> prints open with its
 * summary as the title of what follows: each summary is named a heading (an ARIA role, which
 * Chromium's tagged PDF follows; layout is unchanged), so that the checks on headings cover it.
 */
async function openForPrint(url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => {
    for (const summary of document.querySelectorAll('details > summary')) {
      summary.setAttribute('role', 'heading');
      summary.setAttribute('aria-level', '2');
    }
  });
  return { page, close: () => context.close() };
}

/** The page printed as Chromium's print dialog would: its PDF, tagged and with an outline. */
const printPdf = (page: Page, format: Format) => page.pdf({ format, tagged: true, outline: true });

const describeElement = (e: PdfElement) => `${e.type}${e.title ? ` "${e.title}"` : ''} on pages ${e.pages.join(', ')}`;

/** True when `b` sits inside `a` in the structure tree. */
function isInside(elements: PdfElement[], b: number, a: number): boolean {
  for (let p = elements[b]!.parent; p >= 0; p = elements[p]!.parent) if (p === a) return true;
  return false;
}

/** Headings split over two pages, or whose page ends before the content after them starts: left alone at a page's foot. */
function orphanedHeadings(elements: PdfElement[]): string[] {
  const found: string[] = [];
  elements.forEach((heading, i) => {
    if (!/^H[1-6]$/.test(heading.type) || heading.pages.length === 0) return;
    if (heading.pages.length > 1) found.push(`split: ${describeElement(heading)}`);
    const next = elements.findIndex((e, j) => j > i && !isInside(elements, j, i) && e.pages.length > 0);
    if (next >= 0 && elements[next]!.pages[0]! > heading.pages.at(-1)!) found.push(`${describeElement(heading)}; next: ${describeElement(elements[next]!)}`);
  });
  return found;
}

/** Figures (charts, quotes) drawn over more than one page. */
const splitFigures = (elements: PdfElement[]) => elements.filter((e) => e.type === 'Figure' && e.pages.length > 1).map(describeElement);

/**
 * Tables whose caption or header row sits on a page before their first body row, and short
 * tables (they would fit on one page: under 25 rows) split across pages.
 */
function brokenTables(elements: PdfElement[]): string[] {
  const found: string[] = [];
  elements.forEach((table, i) => {
    if (table.type !== 'Table' || table.pages.length === 0) return;
    const rows = elements.filter((e, j) => e.type === 'TR' && e.parent >= 0 && isInside(elements, j, i) && e.pages.length > 0);
    const bodyRow = rows.find((r) => {
      const index = elements.indexOf(r);
      return elements.some((c) => c.parent === index && c.type === 'TD');
    });
    if (bodyRow && bodyRow.pages[0]! > table.pages[0]!) found.push(`header apart from its first row: ${describeElement(table)}`);
    if (rows.length < 25 && table.pages.length > 1) found.push(`short table split: ${describeElement(table)} (${rows.length} rows)`);
  });
  return found;
}

/** What the page shows that makes no sense on paper, laid out for print. */
async function printedControls(page: Page): Promise<Record<string, string[]>> {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate(() => {
      const printed = (el: Element) => {
        const r = el.getBoundingClientRect();
        return el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0;
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const all = (selector: string) => [...document.querySelectorAll(selector)].filter(printed);
      return {
        controls: all('button, nav, .skip, input, select, textarea, [role="button"]').map(name),
        // A summary may print as the title of its (expanded) details, but never as a toggle.
        toggles: all('summary')
          .filter((s) => getComputedStyle(s).display === 'list-item')
          .map(name),
        closedDetails: all('details:not([open])')
          .filter((d) => [...d.children].some((c) => !['SUMMARY', 'SCRIPT', 'STYLE', 'TEMPLATE'].includes(c.tagName) && !c.checkVisibility()))
          .map(name),
        linkAddresses: [...document.querySelectorAll('a[href]')].filter((a) => !['none', 'normal', ''].includes(getComputedStyle(a, '::after').content)).map(name),
        headersNotRepeated: all('thead')
          .filter((t) => getComputedStyle(t).display !== 'table-header-group')
          .map((t) => name(t.closest('table')!)),
      };
    });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

const printedPages = [
  { name: 'the briefing', site: () => internal.url, path: () => '/' },
  { name: 'the customer letter', site: () => customers.url, path: () => `/heard/${latestWave}/` },
];

describe.each(FORMATS)('printing on %s', (format) => {
  it.each(printedPages)('prints $name with no blank page, nothing split, no heading orphaned', async ({ site, path }) => {
    const { page, close } = await openForPrint(`${site()}${path()}`);
    const pdf = await printPdf(page, format);
    const pages = readPdfPages(pdf);
    const structure = readPdfStructure(pdf);
    await close();
    expect(pages.length).toBeGreaterThan(0);
    expect(blankPages(pages), 'blank pages').toEqual([]);
    expect(nearBlankPages(pages), `near-blank pages (share of height inked: ${pages.map((p) => p.inked.toFixed(2)).join(' ')})`).toEqual([]);
    // the structure is read: headings and figures are there to check
    expect(structure.some((e) => /^H[12]$/.test(e.type) && e.pages.length > 0)).toBe(true);
    expect(splitFigures(structure), 'figures split across pages').toEqual([]);
    expect(orphanedHeadings(structure), 'headings at the foot of a page').toEqual([]);
    expect(brokenTables(structure), 'tables').toEqual([]);
  });

  it.each(printedPages)('prints no control or link address on $name', async ({ site, path }) => {
    const { page, close } = await openForPrint(`${site()}${path()}`);
    const found = await printedControls(page);
    await close();
    expect(found).toEqual({ controls: [], toggles: [], closedDetails: [], linkAddresses: [], headersNotRepeated: [] });
  });

  it('prints every chart of the briefing whole, scaled to fit a page', async () => {
    const { page, close } = await openForPrint(`${internal.url}/`);
    const pdf = await printPdf(page, format);
    const figures = readPdfStructure(pdf).filter((e) => e.type === 'Figure');
    const charts = await page.locator('figure.chart').count();
    await close();
    expect(charts).toBeGreaterThanOrEqual(3);
    // every chart is a tagged figure, each on one page
    expect(figures.length).toBeGreaterThanOrEqual(charts);
    expect(figures.filter((f) => f.pages.length !== 1).map(describeElement)).toEqual([]);
  });

  it(`prints the follow-up queue in real columns within ${FOLLOW_UP_PAGE_BUDGET} pages`, async () => {
    const { page, close } = await openForPrint(`${internal.url}/follow-up/`);
    const pdf = await printPdf(page, format);
    const pages = readPdfPages(pdf);
    const structure = readPdfStructure(pdf);
    // the comment column's share of the queue's width, laid out for print
    await page.emulateMedia({ media: 'print' });
    const commentShare = await page.evaluate(() => {
      const table = document.querySelector('table.queue');
      const cell = table?.querySelector('td.comment');
      return table && cell ? cell.getBoundingClientRect().width / table.getBoundingClientRect().width : null;
    });
    const controls = await printedControls(page);
    await close();
    expect(pages.length, 'pages').toBeLessThanOrEqual(FOLLOW_UP_PAGE_BUDGET);
    expect(blankPages(pages)).toEqual([]);
    expect(commentShare, 'the comment column’s share of the table').toBeGreaterThan(0.2);
    expect(orphanedHeadings(structure)).toEqual([]);
    expect(controls.controls).toEqual([]);
    expect(controls.headersNotRepeated).toEqual([]);
    // the queue spans pages: its header row is drawn again at the top of each
    const queue = structure.find((e, i) => e.type === 'Table' && e.pages.length > 2 && structure.some((c) => c.parent === i && c.type === 'Caption'));
    expect(queue?.pages.length ?? 0).toBeGreaterThan(2);
  });
});

describe('charts load their library only when asked', () => {
  it('fetches nothing of vega on a chart page until "Explore this chart" is pressed, then draws it interactive', async () => {
    const scripts: { url: string; body: string }[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), body: await r.text().catch(() => '') });
    });
    await page.goto(`${internal.url}/`, { waitUntil: 'networkidle' });
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBeGreaterThanOrEqual(3);
    const isVega = (s: { body: string }) => /vega/i.test(s.body);
    const before = [...scripts];
    expect(before.filter(isVega).map((s) => s.url)).toEqual([]);
    expect(
      before.reduce((sum, s) => sum + s.body.length, 0),
      'script bytes before any press',
    ).toBeLessThan(10_000);

    // the trend chart: a line of points, each with a tooltip
    const figure = page.locator('figure.chart[data-chart^="trend-"]');
    const button = figure.getByRole('button', { name: 'Explore this chart' });
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    // A response's body is read after the fact (on a loaded machine, after the chart is drawn): wait for it.
    await expect.poll(() => scripts.filter(isVega).length, { message: 'vega fetched on the press', timeout: 20_000 }).toBeGreaterThan(0);
    const live = figure.locator('.chart-live svg.marks');
    expect(await live.count()).toBe(1);
    expect(await figure.locator('.chart-static').isVisible()).toBe(false);
    expect(await figure.locator('.chart-status').innerText()).toMatch(/interactive/i);
    // only that figure was redrawn
    expect(await page.locator('.chart-live').count()).toBe(1);

    // pointing at a point shows its values in a tooltip
    const point = live.locator('path[aria-roledescription="point"], .mark-symbol path').last();
    await point.hover({ force: true });
    const tooltip = page.locator('#vg-tooltip-element');
    await expect.poll(async () => (await tooltip.isVisible()) && (await tooltip.innerText()), { timeout: 5_000 }).toMatch(/NPS/);

    // pressed again, the static chart is back
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await figure.locator('.chart-static').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows no Explore button without JavaScript, and the chart as SVG', async () => {
    const { page, close } = await openPage(browser, `${internal.url}/`, { javaScript: false });
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('button.chart-explore:visible').count()).toBe(0);
    expect(await figures.first().locator('.chart-view svg').isVisible()).toBe(true);
    await close();
  });
});
