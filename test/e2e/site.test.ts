/**
 * The internal site of the demo program in headless Chromium: every page loads with no
 * console error or failed request and passes axe-core; charts show as SVG with JavaScript
 * off; every built HTML file passes html-validate.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import type { Browser } from 'playwright-core';
import { HtmlValidate } from 'html-validate';
import { runCli, filesUnder, projectRoot } from '../helpers/build.ts';
import { tempProgram } from '../helpers/temp-program.ts';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser, openPage, axeViolations } from '../helpers/browser.ts';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let out: string;

beforeAll(async () => {
  const demo = inject('demoBuild');
  expect(demo.code, demo.stderr).toBe(0);
  out = join(demo.out, 'internal');
  site = await serve(out);
  browser = await launchBrowser();
  pages = await crawl();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The site's pages, found by following links from the front page (a few accounts suffice). */
async function crawl(): Promise<string[]> {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const { page, close } = await openPage(browser, `${site.url}/`, { javaScript: false });
  while (queue.length > 0) {
    const path = queue.shift()!;
    await page.goto(`${site.url}${path}`);
    const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));
    // Pages of one kind repeat the same template: three of each (accounts, owners) suffice.
    let accounts = [...seen].filter((p) => p.startsWith('/accounts/') && p !== '/accounts/').length;
    let owners = [...seen].filter((p) => p.startsWith('/owners/')).length;
    for (const l of links) {
      const p = l.split('#')[0]!;
      if (seen.has(p) || p.startsWith('/exports/') || p.startsWith('/_astro/')) continue;
      if (p.startsWith('/accounts/') && p !== '/accounts/' && accounts++ >= 3) continue;
      if (p.startsWith('/owners/') && owners++ >= 3) continue;
      seen.add(p);
      queue.push(p);
    }
  }
  await close();
  return [...seen].sort();
}

let pages: string[] = [];

/** A demo wave's n, NPS and adjusted-Wald 95% interval, from its CSV file. */
function waveFigures(wave: string) {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(projectRoot, 'data', 'responses', `${wave}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const scores = rows.map((r) => Number(r['score']));
  const n = scores.length;
  const p = scores.filter((x) => x >= 9).length;
  const d = scores.filter((x) => x <= 6).length;
  const [pa, da] = [(p + 0.75) / (n + 3), (d + 0.75) / (n + 3)];
  const se = Math.sqrt((pa + da - (pa - da) ** 2) / (n + 3));
  return { n, nps: ((p - d) / n) * 100, ci95: [100 * (pa - da - 1.959964 * se), 100 * (pa - da + 1.959964 * se)] as const };
}

describe('internal site', () => {
  it('links every kind of page from the front page', () => {
    for (const prefix of ['/briefing/', '/segments/', '/themes/', '/actions/', '/accounts/', '/data/'])
      expect(
        pages.some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it('loads every page with no console error or failed request, and no serious axe violation', { timeout: 900_000 }, async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const { page, problems: seen, close } = await openPage(browser, `${site.url}${path}`);
      await page.waitForLoadState('networkidle');
      for (const p of seen) problems.push(`${path}: ${p}`);
      for (const v of await axeViolations(page)) problems.push(`${path}: ${v}`);
      await close();
    }
    expect(problems.join('\n')).toBe('');
  });

  it('opens the briefing with a customer, the headline with n and interval, and an as-of date', async () => {
    // The latest wave's figures and the change from the one before, worked out here from the CSV files.
    const program = parseYaml(readFileSync(join(projectRoot, 'data', 'program.yml'), 'utf8')) as { waves: { id: string; as_of: string }[] };
    const previous = waveFigures(program.waves.at(-2)!.id);
    const latest = waveFigures(program.waves.at(-1)!.id);
    const signed = (x: number) => (Math.round(x) > 0 ? `+${Math.round(x)}` : Math.round(x) < 0 ? `−${-Math.round(x)}` : '0');
    const asOf = new Date(`${program.waves.at(-1)!.as_of}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const { page, close } = await openPage(browser, `${site.url}/`, { javaScript: false });
    const text = await page.locator('main').innerText();
    expect(await page.locator('main .quote blockquote').first().isVisible()).toBe(true);
    expect(text).toContain(`n = ${latest.n.toLocaleString('en-US')} · 95% interval ${signed(latest.ci95[0])} to ${signed(latest.ci95[1])}`);
    expect(text).toContain(`Data as of ${asOf}`);
    // the demo's latest change is a significant one; its direction follows from the two scores
    expect(text).toContain(`a significant ${latest.nps > previous.nps ? 'rise' : 'fall'}`);
    await close();
  });

  it('shows charts as SVG without JavaScript, each with a text alternative and its data', async () => {
    const { page, close } = await openPage(browser, `${site.url}/briefing/2026-Q2/`, { javaScript: false });
    const figures = page.locator('figure.chart');
    expect(await figures.count()).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < (await figures.count()); i++) {
      const f = figures.nth(i);
      expect(await f.locator('.chart-view svg').count()).toBe(1);
      expect((await f.locator('.chart-alt').innerText()).length).toBeGreaterThan(20);
      expect(await f.locator('details table tbody tr').count()).toBeGreaterThan(0);
    }
    await close();
  });

  it('passes html-validate on every built page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Vega's SVG and Astro's scoped styles bring inline styles and style elements.
        'no-inline-style': 'off',
        'require-sri': 'off',
        'no-trailing-whitespace': 'off',
        'attribute-boolean-style': 'off',
        'long-title': 'off',
      },
    });
    const errors: string[] = [];
    // Pages of the site; exports/letter-*.html is an email, written the way email clients need (tables, presentational attributes).
    const html = filesUnder(out).filter(([p]) => p.endsWith('.html') && !p.startsWith('exports/') && (!p.startsWith('accounts/') || /^accounts\/(index|a000[1-3])/.test(p)));
    for (const [path, bytes] of html) {
      const report = await validator.validateString(bytes.toString('utf8'), path);
      for (const r of report.results) for (const m of r.messages) errors.push(`${path}:${m.line}: ${m.ruleId} ${m.message}`);
    }
    expect(errors.slice(0, 20)).toEqual([]);
  });
});

describe('hostile input', () => {
  it('renders script tags, event attributes, very long words and right-to-left text as text', async () => {
    const hostile = [
      '<script>window.__pwned = 1</script> reports are slow',
      '<img src=x onerror="window.__pwned = 2"> dashboards',
      'reports ' + 'a'.repeat(300),
      'التقارير بطيئة جدا والتصدير لا يعمل reports',
    ];
    const data = tempProgram({
      'program.yml': 'themes:\n  Reporting: [report*]\nsegments:\n  - id: region\n',
      // an account id that is no URL segment as it stands
      'accounts.csv': 'account_id,name,region\nA/1 ?#,"<b>Evil</b> Corp",EMEA\n',
      'contacts.csv': 'contact_id,account_id,name\nC1,A/1 ?#,"<i>Mallory</i>"\nC2,A/1 ?#,Trent\nC3,A/1 ?#,Eve\nC4,A/1 ?#,Oscar\n',
      'responses/w1.csv': ['response_id,score,contact_id,comment,region', ...hostile.map((c, i) => `r${i},${i},C${i + 1},"${c.replace(/"/g, '""')}",EMEA`)].join('\n') + '\n',
    });
    const r = runCli('build', { data });
    expect(r.code, r.stderr).toBe(0);
    const hostileSite = await serve(join(r.out, 'internal'));
    try {
      for (const path of ['/', '/themes/reporting/', '/accounts/a-1/']) {
        const { page, problems, close } = await openPage(browser, `${hostileSite.url}${path}`);
        page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        const text = await page.locator('main').innerText();
        if (path !== '/') expect(text).toContain('<script>window.__pwned = 1</script>');
        expect(await page.locator('main img[src="x"], main b, main i').count()).toBe(0);
        expect(await page.$$eval('script', (ss) => ss.filter((x) => x.textContent?.includes('__pwned') && x.type !== 'application/json').length)).toBe(0);
        // no element wider than the page: long words wrap
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        expect(overflow, path).toBe(false);
        expect(problems).toEqual([]);
        await close();
      }
    } finally {
      await hostileSite.close();
    }
  });
});
