/**
 * The house style as a reader meets it: on a phone no page scrolls sideways (wide tables scroll
 * inside themselves, the navigation is a strip), fonts and icons come from the site itself, emoji
 * in customers' words render in the bundled colour font, and every page has its favicon.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser } from '../helpers/browser.ts';

let browser: Browser;
let internal: { url: string; close: () => Promise<void> };
let customers: { url: string; close: () => Promise<void> };
let root: string;

beforeAll(async () => {
  const demo = inject('demoBuild');
  expect(demo.code, demo.stderr).toBe(0);
  root = demo.out;
  internal = await serve(join(root, 'internal'));
  customers = await serve(join(root, 'customers'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await internal?.close();
  await customers?.close();
});

/** Every page of a built site as a path, one (the first, sorted) of each kind of page under a folder with many. */
function pagesOf(site: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    if (names.includes('index.html')) out.push(`/${relative(site, dir)}/`.replace(/\/+/g, '/'));
    const folders = names.filter((n) => n !== '_astro' && statSync(join(dir, n)).isDirectory());
    // Below the top, a folder of many pages of one kind (accounts, owners, themes…): its first two stand for the rest.
    for (const n of dir !== site && folders.length > 6 ? folders.slice(0, 2) : folders) walk(join(dir, n));
  };
  walk(site);
  return out;
}

describe('layout on a phone (390×844)', () => {
  it('scrolls no page of either site sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const wide: string[] = [];
    const sites = [
      { url: internal.url, dir: join(root, 'internal') },
      { url: customers.url, dir: join(root, 'customers') },
    ];
    let checked = 0;
    for (const site of sites) {
      // The deck is a slide show sized to the screen; present.test.ts measures it.
      for (const path of pagesOf(site.dir).filter((p) => !p.startsWith('/present/'))) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        checked++;
        if (width > 390) wide.push(`${path} is ${width} px wide`);
      }
    }
    expect(checked).toBeGreaterThan(12);
    expect(wide).toEqual([]);
    await context.close();
  });

  it('keeps every section of the navigation reachable', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${internal.url}/`, { waitUntil: 'load' });
    const links = page.locator('header.site nav a');
    const n = await links.count();
    expect(n).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < n; i++) {
      const link = links.nth(i);
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      expect(box, await link.innerText()).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(391);
      // A target a thumb can hit (WCAG 2.2 2.5.8 asks 24 px).
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});

describe('stability', () => {
  it('moves nothing after the briefing and the letter are drawn (layout shift under 0.01)', async () => {
    for (const [url, viewport] of [
      [`${internal.url}/`, { width: 390, height: 844 }],
      [`${internal.url}/`, { width: 1280, height: 720 }],
      [`${customers.url}/`, { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      // Recorded from the first paint on: the observer is in place before the page's own code runs.
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
      expect(shift, `${url} at ${viewport.width}×${viewport.height}`).toBeLessThan(0.01);
      await context.close();
    }
  });
});

describe('fonts and icons', () => {
  it('loads fonts only from the site and draws text in the house font', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    const fonts: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.hostname !== '127.0.0.1') foreign.push(r.url());
      if (r.resourceType() === 'font') fonts.push(u.pathname);
    });
    await page.goto(`${internal.url}/`, { waitUntil: 'networkidle' });
    expect(foreign).toEqual([]);
    expect(fonts.some((f) => /inter-latin-wght/.test(f))).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Inter Variable"', 'NPS'))).toBe(true);
    await context.close();
  });

  it('renders emoji and other scripts in customers’ words with the bundled fonts, fetched only by pages that show them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // An English-only page does not fetch the fallback faces.
    const plain = await context.newPage();
    const sheets: string[] = [];
    plain.on('request', (r) => r.resourceType() === 'stylesheet' && sheets.push(r.url()));
    await plain.goto(`${customers.url}/`, { waitUntil: 'networkidle' });
    const plainText = await plain.evaluate(() => document.body.textContent ?? '');
    if (!/[\u0590-\u08ff\u0900-\u097f\u0e00-\u0e7f\u3000-\u9fff\uac00-\ud7af]|\p{Emoji_Presentation}/u.test(plainText)) {
      expect(sheets.filter((u) => u.includes('fonts-fallback'))).toEqual([]);
    }
    // A comment as customers write them, on a real page (so it uses the site's own @font-face rules).
    const page = await context.newPage();
    await page.addInitScript(() =>
      addEventListener('DOMContentLoaded', () => {
        const p = document.createElement('p');
        p.textContent = 'Great support 👍🎉 — 사용하기 쉬워요 · سهل الاستخدام · 使いやすい';
        document.querySelector('main')!.append(p);
      }),
    );
    await page.goto(`${customers.url}/`, { waitUntil: 'networkidle' });
    const loaded = await page.evaluate(async () => {
      const faces = await Promise.all([
        document.fonts.load('16px "Noto Color Emoji"', '👍'),
        document.fonts.load('16px "Noto Sans KR Variable"', '사용'),
        document.fonts.load('16px "Noto Sans Arabic Variable"', 'سهل'),
        document.fonts.load('16px "Noto Sans JP Variable"', '使いやすい'),
      ]);
      return faces.map((f) => f.length);
    });
    expect(
      loaded.every((n) => n > 0),
      `faces loaded per script: ${loaded.join(', ')}`,
    ).toBe(true);
    await context.close();
  });

  it('serves a favicon on every site and beside the exported letters', async () => {
    for (const url of [`${internal.url}/favicon.ico`, `${internal.url}/favicon.svg`, `${customers.url}/favicon.ico`, `${customers.url}/favicon.svg`]) {
      const r = await fetch(url);
      expect(r.status, url).toBe(200);
    }
    // An exported letter opened in a browser asks for /favicon.ico: it is there.
    const context = await browser.newContext();
    const page = await context.newPage();
    const missing: string[] = [];
    page.on('response', (r) => r.status() >= 400 && missing.push(r.url()));
    const letters = readdirSync(join(root, 'internal', 'exports')).filter((f) => f.startsWith('letter-'));
    expect(letters.length).toBeGreaterThan(0);
    await page.goto(`${internal.url}/exports/${letters[0]}`, { waitUntil: 'networkidle' });
    expect(missing).toEqual([]);
    await context.close();
  });
});
