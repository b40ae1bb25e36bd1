/**
 * Presentation mode, clicked through as a presenter would and measured as the back row sees it,
 * at 1920×1080 and 1280×720: every chart fills its slide, every word is large enough to read
 * from afar (as drawn on screen, SVG labels included), nothing spills off the slide, nothing
 * moves on open, and no key drops the presenter out of the deck.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser, axeViolations } from '../helpers/browser.ts';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
const deckUrl = () => `${site.url}/present/2026-Q3/`;

beforeAll(async () => {
  const demo = inject('demoBuild');
  expect(demo.code, demo.stderr).toBe(0);
  site = await serve(join(demo.out, 'internal'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const hash = (page: Page) => page.evaluate(() => location.hash);
const path = (page: Page) => page.evaluate(() => location.pathname);

/** A page that records console errors, failed requests and every script it loads. */
async function open(viewport: { width: number; height: number }, url = deckUrl()) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  // A request cut short by the test's own navigation (net::ERR_ABORTED) is not the page's fault.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && errors.push(`failed: ${r.url()}`));
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  return { page, errors, scripts, close: () => context.close() };
}

/** What the back row sees of the active slide: its charts' drawn size, its smallest text, what spills over. */
interface SlideMeasure {
  title: string;
  /** Each chart's drawn size (its viewBox as shown) over the slide's width and height. */
  charts: { width: number; height: number }[];
  /** The smallest text on screen, in CSS px, and what it says. */
  smallest: { px: number; text: string };
  /** Elements drawn outside the slide, or under the deck's controls. */
  outside: string[];
}

function measureSlide(): SlideMeasure {
  const slide = document.querySelector<HTMLElement>('.slide.active')!;
  const chrome = document.querySelector<HTMLElement>('.deck-chrome')!.getBoundingClientRect();
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false; // hidden, or visually hidden for screen readers (1 px)
    for (let e: Element | null = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
    }
    return true;
  };
  const charts = [...slide.querySelectorAll<SVGSVGElement>('.slide-chart-view > svg')].map((svg) => {
    const box = svg.viewBox.baseVal;
    const m = svg.getScreenCTM()!;
    return { width: (box.width * Math.hypot(m.a, m.b)) / innerWidth, height: (box.height * Math.hypot(m.c, m.d)) / innerHeight };
  });
  const sizes: { px: number; text: string }[] = [];
  const outside: string[] = [];
  const check = (el: Element, what: string) => {
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > chrome.top + 1)
      outside.push(`${what} [${Math.round(r.left)}, ${Math.round(r.top)}, ${Math.round(r.right)}, ${Math.round(r.bottom)}]`);
  };
  // HTML text: every visible element with words of its own, on the slide and in the deck's controls.
  for (const el of [...slide.querySelectorAll<HTMLElement>('*'), ...document.querySelectorAll<HTMLElement>('.deck-chrome *')]) {
    if (el instanceof SVGElement || !visible(el)) continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map((n) => n.textContent!.trim());
    if (own.length) sizes.push({ px: parseFloat(getComputedStyle(el).fontSize), text: own.join(' ').slice(0, 40) });
    if (!el.closest('.deck-chrome')) check(el, `${el.tagName.toLowerCase()}.${el.className}`);
  }
  // SVG text as drawn: its font size in SVG units times the SVG's scale on screen.
  for (const t of slide.querySelectorAll<SVGTextElement>('svg text')) {
    if (!t.textContent!.trim() || !visible(t)) continue;
    const m = t.getScreenCTM()!;
    sizes.push({ px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), text: t.textContent!.trim().slice(0, 40) });
    check(t, `svg text "${t.textContent}"`);
  }
  const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a), { px: Infinity, text: '' });
  return { title: slide.getAttribute('aria-label') ?? '', charts, smallest, outside };
}

describe('presentation mode', () => {
  it('moves between slides with the keys and keeps the slide in the URL', async () => {
    const { page, errors, scripts, close } = await open({ width: 1280, height: 720 });
    const n = await page.locator('.slide').count();
    expect(n).toBeGreaterThanOrEqual(8);
    expect(await hash(page)).toBe('#1');
    for (const [key, want] of [
      ['ArrowRight', '#2'],
      [' ', '#3'],
      ['PageDown', '#4'],
      ['ArrowLeft', '#3'],
      ['PageUp', '#2'],
      ['End', `#${n}`],
      ['Home', '#1'],
    ] as const) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      expect(await hash(page), key).toBe(want);
    }
    expect(await page.locator('.deck-count').innerText()).toBe(`1 / ${n}`);
    await page.goto(`${deckUrl()}#5`);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('.slide.active').getAttribute('id')).toBe('slide-5');
    expect(await page.locator('.deck-count').innerText()).toBe(`5 / ${n}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // The charts are drawn at build time: no chart library is loaded to draw them again.
    expect(scripts.filter((s) => /embed|vega/i.test(s))).toEqual([]);
    await close();
  });

  it('never leaves the deck on a key: Esc only closes the overview; a labelled link leaves', async () => {
    const { page, errors, close } = await open({ width: 1920, height: 1080 }, `${deckUrl()}#3`);
    const start = await path(page);
    await page.keyboard.press('Escape');
    expect([await path(page), await hash(page)]).toEqual([start, '#3']);
    await page.keyboard.press('o');
    expect(await page.locator('.deck.overview').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.deck.overview').count()).toBe(0);
    for (const key of ['Escape', 'Backspace', 'Enter', 'Delete', 'q', 'b', 'Tab', 'Escape']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(await path(page)).toBe(start);
    const exit = page.locator('.deck-chrome a.deck-exit');
    expect(await exit.isVisible()).toBe(true);
    expect(await exit.innerText()).toMatch(/Leave the slides/);
    expect(await exit.getAttribute('href')).toBe('/');
    await exit.click();
    await page.waitForURL(`${site.url}/`);
    expect(errors).toEqual([]);
    await close();
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
    { width: 1680, height: 1050 }, // 16:10
  ]) {
    it(`fills every slide at ${viewport.width}×${viewport.height}: charts ≥ 80% of the slide, text ≥ 28 px at 1080p (scaled), nothing spills over`, async () => {
      const { page, errors, close } = await open(viewport);
      const minText = 28 * Math.min(viewport.width / 1920, viewport.height / 1080);
      const n = await page.locator('.slide').count();
      const measures: SlideMeasure[] = [];
      for (let i = 1; i <= n; i++) {
        await page.goto(`${deckUrl()}#${i}`);
        await page.waitForTimeout(100);
        await page.screenshot(); // a painted frame before measuring (kept in memory, not saved)
        const m = await page.evaluate(measureSlide);
        measures.push(m);
        for (const c of m.charts) expect(Math.max(c.width, c.height), `chart on ${m.title}: ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(0.8);
        expect(m.smallest.px, `smallest text on ${m.title}: "${m.smallest.text}"`).toBeGreaterThanOrEqual(minText);
        expect(m.outside, m.title).toEqual([]);
      }
      // The demo's deck has its five charts (headline, trend, business, promoters, drivers): none was skipped.
      expect(measures.filter((m) => m.charts.length > 0).length).toBeGreaterThanOrEqual(5);
      console.log(
        `${viewport.width}×${viewport.height}:`,
        measures
          .map((m, i) => `#${i + 1} text ≥ ${m.smallest.px.toFixed(1)} px${m.charts.map((c) => `, chart ${Math.round(c.width * 100)}% × ${Math.round(c.height * 100)}%`).join('')}`)
          .join('; '),
      );
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('opens without a layout shift, on the first slide and on a chart slide', async () => {
    for (const at of ['', '#3']) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      await context.addInitScript(() => {
        const w = window as unknown as { cls: number };
        w.cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      await page.goto(`${deckUrl()}${at}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
      console.log(`layout shift opening ${at || '#1'}: ${cls}`);
      expect(cls, `layout shift opening ${at || '#1'}`).toBeLessThan(0.01);
      await context.close();
    }
  });

  it('gives every slide speaker notes, and keeps the presenter view in step with the slides, both ways', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const deck = await context.newPage();
    await deck.goto(deckUrl(), { waitUntil: 'networkidle' });
    const slides = await deck.evaluate(
      () => (JSON.parse(document.querySelector<HTMLElement>('.deck')!.dataset['deck']!) as { slides: { title: string; notes: string[] }[] }).slides,
    );
    for (const s of slides) expect(s.notes.join(' ').trim(), s.title).not.toBe('');
    const presenter = await context.newPage();
    await presenter.goto(`${deckUrl()}presenter/`, { waitUntil: 'networkidle' });
    await deck.bringToFront();
    await deck.keyboard.press('ArrowRight');
    await deck.keyboard.press('ArrowRight');
    await expect.poll(() => presenter.locator('#now-count').innerText(), { timeout: 10_000 }).toMatch(/^\(3 \/ \d+\)$/);
    expect(await presenter.locator('#now-title').innerText()).toBe(slides[2]!.title);
    expect((await presenter.locator('#now-notes').innerText()).replace(/\s+/g, ' ').trim()).toBe(slides[2]!.notes.join(' '));
    expect(await presenter.locator('#timer').innerText()).toMatch(/^\d+:\d\d$/);
    await presenter.click('#next');
    await expect.poll(() => hash(deck), { timeout: 10_000 }).toBe('#4');
    await context.close();
  });

  it('prints one slide per page, and advances on its own in kiosk mode', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(deckUrl(), { waitUntil: 'networkidle' });
    const n = await page.locator('.slide').count();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(n);
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${deckUrl()}?kiosk=1#${n}`, { waitUntil: 'networkidle' });
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => hash(page), { timeout: 10_000 }).toBe('#1'); // looped from the last slide
    await context.close();
  });
});
