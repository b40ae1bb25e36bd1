/** The built internal site in headless Chromium: loads cleanly, accessible, readable without JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runCli } from '../helpers/build.ts';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser, openPage, axeViolations } from '../helpers/browser.ts';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const r = runCli('build');
  expect(r.code, r.stderr).toBe(0);
  site = await serve(join(r.out, 'internal'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('internal home page', () => {
  it('loads with no console error or failed request, and passes axe', async () => {
    const { page, problems, close } = await openPage(browser, `${site.url}/`);
    expect(await page.title()).toMatch(/Overview/);
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(4);
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('reads without JavaScript', async () => {
    const { page, close } = await openPage(browser, `${site.url}/`, { javaScript: false });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy();
    expect(await page.locator('caption', { hasText: 'Net Promoter Score by wave' }).count()).toBe(1);
    await close();
  });
});
