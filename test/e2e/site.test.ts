/**
 * The internal site of the demo program in headless Chromium: every page loads with no
 * console error or failed request and passes axe-core; charts show as SVG with JavaScript
 * off; every built HTML file passes html-validate.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
      // textContent: a chart folded in a closed <details> has its text alternative too, though not rendered.
      expect(((await f.locator('.chart-alt').textContent()) ?? '').trim().length).toBeGreaterThan(20);
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

describe('the briefing tells its story once, bad news first', () => {
  /** The demo's briefings: the latest at /, the others under /briefing/<wave>/. */
  const briefings = () => {
    const program = parseYaml(readFileSync(join(projectRoot, 'data', 'program.yml'), 'utf8')) as { waves: { id: string }[] };
    return program.waves.map((w, i) => (i === program.waves.length - 1 ? '/' : `/briefing/${w.id}/`));
  };
  /** Words as compared for sameness. */
  const same = (s: string) => s.replace(/\s+/g, ' ').trim();

  /** What a briefing page tells twice: a quote, the NPS card, a figure its narrative states. */
  async function toldTwice(url: string, label: string): Promise<string[]> {
    const problems: string[] = [];
    const { page, close } = await openPage(browser, url, { javaScript: false });
    // Every quote on the page, folded ones too: stories, the narrative's quotes, themes' verbatims.
    const quotes = (await page.$$eval('main blockquote', (bs) => bs.map((b) => b.querySelector('p')?.textContent ?? b.textContent ?? ''))).map(same);
    const repeated = quotes.filter((q, i) => quotes.indexOf(q) !== i);
    if (repeated.length > 0) problems.push(`${label}: quoted twice: ${repeated.join(' | ')}`);
    const npsCards = await page.$$eval('main :is(.kpi-label, .score-label)', (ls) => ls.filter((l) => /^Net Promoter Score\b/.test(l.textContent ?? '')).length);
    if (npsCards !== 1) problems.push(`${label}: ${npsCards} NPS cards`);
    // Each figure the narrative states in a sentence, against the text of everything generated around it.
    const { stated, generated } = await page.$eval('main', (main) => {
      const figures = [...main.querySelectorAll('.narrative strong.value')].map((v) => v.textContent!.trim());
      const rest = main.cloneNode(true) as HTMLElement;
      for (const e of rest.querySelectorAll('.narrative, script, style, svg, template')) e.remove();
      return { stated: figures, generated: rest.textContent ?? '' };
    });
    for (const figure of new Set(stated)) {
      const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[^\\d.,])${escaped}($|[^\\d.,])`).test(generated)) problems.push(`${label}: "${figure}" is stated by the narrative and again by the page`);
    }
    await close();
    return problems;
  }

  it('shows no quote twice and one NPS card, and no generated part repeats a figure the narrative states', async () => {
    const problems: string[] = [];
    for (const path of briefings()) problems.push(...(await toldTwice(`${site.url}${path}`, path)));
    expect(problems).toEqual([]);
  });

  it('tells each thing once in a program whose narrative repeats what the page would generate', async () => {
    // Two waves; the narrative places the NPS card, quotes the story the briefing opens with, and states revenue at risk.
    const answers = (wave: string, scores: number[]) => ['response_id,score,contact_id', ...scores.map((s, i) => `${wave}-${i},${s},C${i % 8}`)].join('\n') + '\n';
    const data = tempProgram({
      'accounts.csv': 'account_id,name,arr\nA1,Acme,1000000\nA2,Beta,400000\n',
      'contacts.csv': `contact_id,account_id,name\n${Array.from({ length: 8 }, (_, i) => `C${i},A${(i % 2) + 1},Person ${i}`).join('\n')}\n`,
      'responses/w1.csv': answers('w1', [10, 9, 9, 8, 7, 6, 3, 10, 9, 2, 10, 9]),
      'responses/w2.csv': answers('w2', [10, 9, 4, 8, 7, 6, 3, 10, 1, 2, 10, 9]),
    });
    const content = join(dirname(data), 'content');
    const story = (quote: string) => `---\ntitle: A story\nquote: "${quote}"\ncustomer: Acme\nwave: w2\nscore: 9\n---\n`;
    mkdirSync(join(content, 'stories'), { recursive: true });
    mkdirSync(join(content, 'briefings'), { recursive: true });
    writeFileSync(join(content, 'stories', 'named.md'), story('The named story, quoted by the narrative too.'));
    writeFileSync(join(content, 'stories', 'other.md'), story('Another story of the wave, opening the briefing instead.'));
    writeFileSync(
      join(content, 'briefings', 'w2.mdx'),
      '---\ntitle: A wave told twice\nstory: named\n---\n\n## Where we stand\n\n<Nps />\n\n<Quote story="named" />\n\nUnhappy customers put <Value of="revenueAtRisk" /> at risk.\n',
    );
    const r = runCli('build', { data });
    expect(r.code, r.stderr).toBe(0);
    const built = await serve(join(r.out, 'internal'));
    try {
      expect(await toldTwice(`${built.url}/`, 'w2')).toEqual([]);
      const { page, close } = await openPage(browser, `${built.url}/`, { javaScript: false });
      expect(await page.locator('main .opening blockquote').innerText()).toBe('Another story of the wave, opening the briefing instead.');
      // A sum the finance fold would show too, were it not left out there.
      expect(await page.locator('main .narrative strong.value').innerText()).toMatch(/^\$[1-9]/);
      await close();
    } finally {
      await built.close();
    }
  });

  it('lists the below-benchmark and overdue findings in the first screen at 1280×720, bad news before good', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const findings = await page.$$eval('main .headline .finding', (fs) =>
      fs.map((f) => ({ text: f.textContent!.replace(/\s+/g, ' ').trim(), bad: f.classList.contains('tone-bad'), bottom: f.getBoundingClientRect().bottom })),
    );
    const below = findings.find((f) => /Below the .*\(\+\d+\)/.test(f.text));
    const overdue = findings.find((f) => /\d+ of [\d,]+ follow-ups overdue/.test(f.text));
    expect(below, JSON.stringify(findings)).toMatchObject({ bad: true });
    expect(overdue, JSON.stringify(findings)).toMatchObject({ bad: true });
    expect(below!.bottom).toBeLessThanOrEqual(720);
    expect(overdue!.bottom).toBeLessThanOrEqual(720);
    // Each finding says in a word whether it is good or bad news, not by colour alone; the bad come first.
    for (const f of findings) expect(f.text).toMatch(f.bad ? /^Concern\b/ : /^Good news\b/);
    expect(findings.findIndex((f) => !f.bad)).not.toBeLessThan(findings.filter((f) => f.bad).length);
    await context.close();
  });

  it('is at most 7,000 px tall on a phone (390×844)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`, { waitUntil: 'networkidle' });
    const [width, height] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(width).toBeLessThanOrEqual(390);
    expect(height).toBeLessThanOrEqual(7000);
    await context.close();
  });
});
