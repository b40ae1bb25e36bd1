/**
 * The customer site ("you said, we did"): a separate output from which nothing internal is
 * reachable. The leak test searches every byte and file name of dist/customers for every
 * internal-only value of the demo program.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { runCli, filesUnder, projectRoot } from '../helpers/build.ts';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser, openPage, axeViolations } from '../helpers/browser.ts';

const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(projectRoot, 'data', name), 'utf8'), { header: true, skipEmptyLines: true }).data;

let out: string;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const r = runCli('build');
  expect(r.code, r.stderr).toBe(0);
  out = join(r.out, 'customers');
  site = await serve(out);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('customer site', () => {
  it('holds no internal value in any byte or file name', () => {
    const internal = new Set<string>();
    for (const c of csv('contacts.csv')) for (const v of [c['name'], c['email'], c['contact_id']]) if (v) internal.add(v);
    for (const a of csv('accounts.csv')) {
      for (const v of [a['name'], a['owner'], a['account_id']]) if (v) internal.add(v);
      if (a['arr'] && a['arr'].length >= 5) internal.add(a['arr']);
    }
    for (const f of csv('followups.csv')) for (const v of [f['note'], f['owner']]) if (v && v.length > 3) internal.add(v);
    for (const w of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']) for (const r of csv(`responses/${w}.csv`)) internal.add(r['response_id']!);
    expect(internal.size).toBeGreaterThan(3000);
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(3);
    const leaks: string[] = [];
    for (const [path, bytes] of files) {
      if (/\.map$|internal|export|model/i.test(path)) leaks.push(`file name: ${path}`);
      const text = bytes.toString('utf8');
      for (const v of internal) if (text.includes(v)) leaks.push(`${path}: ${v}`);
      for (const marker of ['/exports/', 'summary.json', 'rejected-rows', 'CHORUS_MODEL_FILE', 'revenue at risk']) if (text.toLowerCase().includes(marker.toLowerCase())) leaks.push(`${path}: ${marker}`);
    }
    expect(leaks.join('\n')).toBe('');
  });

  it('tells every invited customer what was heard, what was done and what is planned', async () => {
    const { page, problems, close } = await openPage(browser, `${site.url}/`, { javaScript: false });
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Dear customer/);
    for (const h of ['What we heard', 'What we have already improved', 'What we are working on', 'Tell us again']) expect(text).toContain(h);
    expect(problems).toEqual([]);
    await close();
  });

  it('loads every page with no console error or failed request, and passes axe', async () => {
    const problems: string[] = [];
    const pages = filesUnder(out).filter(([p]) => p.endsWith('index.html')).map(([p]) => `/${p.replace(/index\.html$/, '')}`);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const path of pages) {
      const { page, problems: seen, close } = await openPage(browser, `${site.url}${path}`);
      await page.waitForLoadState('networkidle');
      problems.push(...seen.map((s) => `${path}: ${s}`), ...(await axeViolations(page)).map((v) => `${path}: ${v}`));
      await close();
    }
    expect(problems.join('\n')).toBe('');
  });
});

describe('per-account pages and the CX team exports', () => {
  let withSecret: string;
  beforeAll(() => {
    const r = runCli('build', { secret: 'test-secret-1' });
    expect(r.code, r.stderr).toBe(0);
    withSecret = r.out;
  });

  it('puts each account on an unguessable page that shows its own name and no other account\'s', async () => {
    const { accountKey } = await import('../../src/pipeline/model/customer-model.ts');
    const accounts = csv('accounts.csv');
    const pages = filesUnder(join(withSecret, 'customers', 'a'));
    expect(pages.length).toBe(accounts.length);
    const names = accounts.map((a) => a['name']!);
    const owners = new Set(accounts.map((a) => a['owner']!));
    for (const a of accounts.slice(0, 40)) {
      const key = accountKey('test-secret-1', a['account_id']!);
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(key).not.toBe(accountKey('another-secret', a['account_id']!));
      const html = readFileSync(join(withSecret, 'customers', 'a', key, 'index.html'), 'utf8');
      expect(html).toContain(a['name']!.replace(/&/g, '&amp;'));
      for (const other of names) if (other !== a['name'] && !a['name']!.includes(other)) expect(html.includes(other), `${a['name']} page names ${other}`).toBe(false);
      for (const o of owners) expect(html.includes(o)).toBe(false);
    }
  });

  it('writes a mail merge with every invited contact, respondent or not (on request, outside the build), and the letter as an email', () => {
    const dir = join(withSecret, 'internal', 'exports');
    expect(filesUnder(withSecret).some(([p]) => p.includes('mail-merge'))).toBe(false);
    const target = join(withSecret, '..', 'mail-merge-test.csv');
    const r = spawnSync(process.execPath, [join(projectRoot, 'src/cli/main.ts'), 'mail-merge'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: projectRoot, CHORUS_DATA: join(projectRoot, 'data'), CHORUS_CONTENT: '', CHORUS_OUT: withSecret, CHORUS_CACHE: join(withSecret, '..', 'mm-cache'), CHORUS_ACCOUNT_SECRET: 'test-secret-1', CHORUS_MAIL_MERGE: target },
    });
    expect(r.status, r.stderr).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(target, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const invited = csv('invitations/2026-Q3.csv');
    expect(rows.length).toBe(invited.length);
    expect(Object.keys(rows[0]!)).toEqual(['name', 'email', 'account', 'letter_url', 'account_url']);
    expect(rows[0]!['letter_url']).toMatch(/^https:\/\/.+\/heard\/2026-Q3\/$/);
    expect(rows[0]!['account_url']).toMatch(/\/a\/[0-9a-f]{32}\/$/);
    const email = readFileSync(join(dir, 'letter-2026-Q3.html'), 'utf8');
    expect(email).not.toMatch(/<script|<link|<style|src="\//i);
    expect(email).toMatch(/What we have already improved/);
  });
});
