/**
 * The customer site ("you said, we did"): a separate output from which nothing internal is
 * reachable. The leak test searches every byte and file name of dist/customers for every
 * internal-only value of the demo program (an account's page may name that account only).
 * The demo build (test/setup/demo-build.ts) has a secret, so per-account pages.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import type { Browser } from 'playwright-core';
import { filesUnder, projectRoot } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { serve } from '../helpers/static-server.ts';
import { launchBrowser, openPage, axeViolations } from '../helpers/browser.ts';
import { accountKey } from '../../src/pipeline/model/customer-model.ts';
import { ActionSchema, type Action } from '../../src/pipeline/content/schemas.ts';
import { planAsOf, planStart } from '../../src/pipeline/content/plan-as-of.ts';
import { formatMonth } from '../../src/shared/format.ts';

const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(projectRoot, 'data', name), 'utf8'), { header: true, skipEmptyLines: true }).data;
/** The frontmatter of a content file. */
const frontmatter = (path: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))![1]!) as Record<string, unknown>;
/** The demo's action plans, read with the schema (its defaults and dates). */
const actions = () =>
  readdirSync(join(projectRoot, 'content', 'actions')).map((f) => ({
    id: f.replace(/\.md$/, ''),
    data: ActionSchema.parse(frontmatter(join(projectRoot, 'content', 'actions', f))) as Action,
  }));
interface DemoWave {
  id: string;
  label: string;
  opened?: string;
  as_of: string;
}
const demoProgram = () => parseYaml(readFileSync(join(projectRoot, 'data', 'program.yml'), 'utf8')) as { waves: DemoWave[]; customer_site: { next_wave: string } };
/** A built page's visible text, roughly: tags dropped, entities of quotes decoded. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const demo = inject('demoBuild');
let out: string;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  expect(demo.code, demo.stderr).toBe(0);
  out = join(demo.out, 'customers');
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
    const ownName = new Map(csv('accounts.csv').map((a) => [accountKey(demo.secret, a['account_id']!), a['name']!]));
    const files = filesUnder(out);
    expect(files.filter(([p]) => p.startsWith('a/')).length).toBe(ownName.size);
    const leaks: string[] = [];
    for (const [path, bytes] of files) {
      if (/\.map$|internal|export|model/i.test(path)) leaks.push(`file name: ${path}`);
      const text = bytes.toString('utf8');
      // an account's own page shows its name (and so any shorter name inside it)
      const own = /^a\/([0-9a-f]{32})\//.exec(path)?.[1];
      const allowed = own ? ownName.get(own) : undefined;
      if (own) expect(allowed, `${path}: no account has this key`).toBeDefined();
      for (const v of internal) if (text.includes(v) && !allowed?.includes(v)) leaks.push(`${path}: ${v}`);
      for (const marker of ['/exports/', 'summary.json', 'rejected-rows', 'CHORUS_MODEL_FILE', 'revenue at risk'])
        if (text.toLowerCase().includes(marker.toLowerCase())) leaks.push(`${path}: ${marker}`);
    }
    expect(leaks.join('\n')).toBe('');
  });

  it('tells every invited customer what was heard, what was done and what is planned', async () => {
    const { page, problems, close } = await openPage(browser, `${site.url}/`, { javaScript: false });
    // the latest wave's letter, and each plan published to customers under its status; none other
    const letter = readdirSync(join(projectRoot, 'content', 'letters'))
      .map((f) => frontmatter(join(projectRoot, 'content', 'letters', f)))
      .find((l) => l['wave'] === '2026-Q3' && l['kind'] === 'after');
    expect(await page.locator('main h1').innerText()).toBe(letter!['title']);
    // each published plan as it stood on the latest wave's date
    const asOf = demoProgram().waves.at(-1)!.as_of;
    const titles = (status: string[]) =>
      actions()
        .filter((p) => p.data.publish_to_customers && status.includes(planAsOf(p.data, asOf)?.status ?? 'absent'))
        .map((p) => p.data.title)
        .sort();
    expect(titles(['done']).length).toBeGreaterThan(0);
    expect(titles(['in progress', 'planned']).length).toBeGreaterThan(0);
    const sections = await page.evaluate(() => {
      const found: Record<string, string[]> = {};
      let current = '';
      for (const el of document.querySelectorAll('main h2, main .plan h3')) {
        if (el.tagName === 'H2') found[(current = el.textContent!.trim())] = [];
        else found[current]!.push(el.textContent!.trim());
      }
      return Object.fromEntries(Object.entries(found).map(([h, t]) => [h, t.sort()]));
    });
    expect(sections).toEqual({
      'What we heard': [],
      'What we have already improved': titles(['done']),
      'What we are working on': titles(['in progress', 'planned']),
      'Tell us again': [],
    });
    const program = demoProgram();
    expect(await page.locator('main').innerText()).toContain(`Our next survey opens ${program.customer_site.next_wave}`);
    expect(problems).toEqual([]);
    await close();
  });

  it("speaks of its own wave in a past wave's letter: that wave's plans and that wave's next survey", () => {
    const program = demoProgram();
    const [first, second] = program.waves;
    const letter = textOf(readFileSync(join(out, 'heard', first!.id, 'index.html'), 'utf8'));
    const latest = textOf(readFileSync(join(out, 'heard', program.waves.at(-1)!.id, 'index.html'), 'utf8'));
    // no result of a plan done after the wave, no plan started after it, no next survey but its own
    const plans = actions().filter((p) => p.data.publish_to_customers);
    const doneLater = plans.filter((p) => p.data.result && planAsOf(p.data, first!.as_of)?.status !== 'done');
    expect(doneLater.length).toBeGreaterThan(0);
    for (const p of doneLater) {
      expect(latest, 'the latest letter states the result').toContain(p.data.result);
      expect(letter).not.toContain(p.data.result);
    }
    const later = plans.filter((p) => planAsOf(p.data, first!.as_of) === null);
    expect(later.length).toBeGreaterThan(0);
    for (const p of later) expect(letter).not.toContain(p.data.title);
    expect(letter).not.toContain(program.customer_site.next_wave);
    expect(letter).toContain(`Our next survey opens in ${formatMonth(second!.opened!)}`);
    expect(latest).toContain(program.customer_site.next_wave);
    // waves are named by their labels, never their ids (not even a future one, in a plan's target)
    for (const text of [letter, latest]) expect(text).not.toMatch(/\b20\d\d-Q[1-4]\b/);
  });

  it("lists on a past wave's briefing no initiative that started after it", () => {
    const program = demoProgram();
    const internal = (w: DemoWave) => textOf(readFileSync(join(demo.out, 'internal', 'briefing', w.id, 'index.html'), 'utf8'));
    const ranked = actions().filter((p) => p.data.priority !== undefined);
    const first = program.waves[0]!;
    const later = ranked.filter((p) => planStart(p.data)! > first.as_of);
    expect(later.length).toBeGreaterThan(0);
    const past = internal(first);
    for (const p of later) expect(past, `${first.id} briefing lists ${p.id}`).not.toContain(p.data.title);
    // the latest briefing lists those that had started by its date
    const latestWave = program.waves.at(-1)!;
    const current = internal(latestWave);
    const started = ranked.filter((p) => planStart(p.data)! <= latestWave.as_of);
    expect(started.length).toBeGreaterThan(0);
    for (const p of started) expect(current).toContain(p.data.title);
  });

  it('loads every page with no console error or failed request, and passes axe', async () => {
    const problems: string[] = [];
    // Account pages repeat one template: three of them suffice.
    const all = filesUnder(out)
      .filter(([p]) => p.endsWith('index.html'))
      .map(([p]) => `/${p.replace(/index\.html$/, '')}`);
    const pages = [...all.filter((p) => !p.startsWith('/a/')), ...all.filter((p) => p.startsWith('/a/')).slice(0, 3)];
    expect(pages.length).toBeGreaterThanOrEqual(8);
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
  const withSecret = demo.out;

  it("puts each account on an unguessable page that shows its own name and no other account's", async () => {
    const accounts = csv('accounts.csv');
    const pages = filesUnder(join(withSecret, 'customers', 'a'));
    expect(pages.length).toBe(accounts.length);
    const names = accounts.map((a) => a['name']!);
    const owners = new Set(accounts.map((a) => a['owner']!));
    for (const a of accounts.slice(0, 40)) {
      const key = accountKey(demo.secret, a['account_id']!);
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
    const work = tempDir('chorus-mail-merge-');
    const target = join(work, 'mail-merge-test.csv');
    const r = spawnSync(process.execPath, [join(projectRoot, 'src/cli/main.ts'), 'mail-merge'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        INIT_CWD: projectRoot,
        CHORUS_DATA: join(projectRoot, 'data'),
        CHORUS_CONTENT: '',
        CHORUS_OUT: withSecret,
        CHORUS_CACHE: join(work, 'cache'),
        CHORUS_ACCOUNT_SECRET: demo.secret,
        CHORUS_MAIL_MERGE: target,
      },
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
