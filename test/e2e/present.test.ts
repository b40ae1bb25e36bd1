/** Presentation mode, clicked through as a presenter would, at 1920×1080 and 1280×720. */
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

describe('presentation mode', () => {
  it('moves between slides with the keys and keeps the slide in the URL', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(deckUrl(), { waitUntil: 'networkidle' });
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
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits every slide on the screen at 1920×1080 and 1280×720', async () => {
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(deckUrl(), { waitUntil: 'networkidle' });
      const n = await page.locator('.slide').count();
      for (let i = 1; i <= n; i++) {
        await page.goto(`${deckUrl()}#${i}`);
        await page.waitForTimeout(150);
        await page.screenshot(); // a painted frame before measuring (kept in memory, not saved)
        const outside = await page.evaluate(() => {
          const slide = document.querySelector('.slide.active')!;
          const bad: string[] = [];
          for (const el of slide.querySelectorAll<HTMLElement>('.slide-body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || el.closest('details, .chart-alt')) continue;
            if (r.top < -1 || r.left < -1 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1) bad.push(`${el.tagName}.${el.className}`);
          }
          return bad;
        });
        expect(outside, `slide ${i} at ${viewport.width}×${viewport.height}`).toEqual([]);
      }
      await context.close();
    }
  });

  it('keeps the presenter view in step with the slides, both ways', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const deck = await context.newPage();
    await deck.goto(deckUrl(), { waitUntil: 'networkidle' });
    const presenter = await context.newPage();
    await presenter.goto(`${deckUrl()}presenter/`, { waitUntil: 'networkidle' });
    await deck.bringToFront();
    await deck.keyboard.press('ArrowRight');
    await deck.keyboard.press('ArrowRight');
    await expect.poll(() => presenter.locator('#now-count').innerText(), { timeout: 10_000 }).toMatch(/^\(3 \/ \d+\)$/);
    expect(await presenter.locator('#now-notes').innerText()).not.toBe('');
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
