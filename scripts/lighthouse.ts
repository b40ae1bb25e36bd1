/**
 * Lighthouse, mobile (its default: a mid-range phone on slow 4G, simulated), performance and
 * accessibility, on the built sites' key pages: the briefing, the deck and the customer letter
 * of the latest wave. Measurement, not a test: it prints scores and LCP / TBT / CLS per page.
 *
 *   npm run build && npm run lighthouse
 *   npm run lighthouse -- --out /tmp/out            (a build written elsewhere: CHORUS_OUT)
 *   npm run lighthouse -- --runs 3                  (median of three runs per page)
 *   npm run lighthouse -- --json report.json        (every run's scores and metrics as JSON)
 *
 * Serves each site folder with test/helpers/static-server.ts and drives Debian's Chromium
 * (/usr/bin/chromium, or CHROMIUM_PATH) headless through chrome-launcher, Lighthouse's own.
 */
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serve } from '../test/helpers/static-server.ts';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: process.env['CHORUS_OUT'] ?? 'dist' },
    runs: { type: 'string', default: '1' },
    json: { type: 'string' },
  },
});
const out = resolve(args.out);
const runs = Math.max(1, Number(args.runs) || 1);

/** The latest wave's id, from the internal site's summary export. */
async function latestWave(): Promise<string> {
  const summary = JSON.parse(await readFile(join(out, 'internal', 'exports', 'summary.json'), 'utf8')) as { waves: { id: string }[] };
  const last = summary.waves.at(-1);
  if (!last) throw new Error(`No wave in ${out}/internal/exports/summary.json: build the sites first.`);
  return last.id;
}

interface Measured {
  site: string;
  path: string;
  performance: number;
  accessibility: number;
  /** Milliseconds. */
  lcp: number;
  /** Milliseconds. */
  tbt: number;
  cls: number;
  /** Bytes transferred (compressed), and of it JavaScript. */
  bytes: number;
  scriptBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const wave = await latestWave();
const pages = [
  { site: 'internal', path: '/', name: 'briefing' },
  { site: 'internal', path: `/present/${wave}/`, name: 'deck' },
  { site: 'customers', path: `/heard/${wave}/`, name: 'letter' },
];

/** One Lighthouse run in a browser of its own (a browser reused from page to page stalled on the deck). */
async function measure(url: string): Promise<Omit<Measured, 'site' | 'path'>> {
  const profile = await mkdtemp(join(tmpdir(), 'chorus-lighthouse-'));
  const chrome = await launch({
    chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-component-update'],
    userDataDir: profile,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const items = (audits['network-requests']?.details as { items?: { transferSize?: number; resourceType?: string }[] } | undefined)?.items ?? [];
    return {
      performance: Math.round((categories['performance']?.score ?? 0) * 100),
      accessibility: Math.round((categories['accessibility']?.score ?? 0) * 100),
      lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      bytes: items.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      scriptBytes: items.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    };
  } finally {
    chrome.kill();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  }
}

const results: (Measured & { name: string })[] = [];
for (const page of pages) {
  const server = await serve(join(out, page.site));
  try {
    const measured: Omit<Measured, 'site' | 'path'>[] = [];
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`lighthouse: ${page.name} ${page.path}${runs > 1 ? ` (run ${i + 1} of ${runs})` : ''}…\n`);
      measured.push(await measure(`${server.url}${page.path}`));
    }
    const pick = (key: keyof (typeof measured)[number]) => median(measured.map((m) => m[key]));
    results.push({
      name: page.name,
      site: page.site,
      path: page.path,
      performance: pick('performance'),
      accessibility: pick('accessibility'),
      lcp: pick('lcp'),
      tbt: pick('tbt'),
      cls: pick('cls'),
      bytes: pick('bytes'),
      scriptBytes: pick('scriptBytes'),
    });
  } finally {
    await server.close();
  }
}

const kB = (b: number) => `${(b / 1024).toFixed(1)} kB`;
console.log(`Lighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}mobile, ${out}`);
console.table(
  results.map((r) => ({
    page: `${r.name} ${r.site === 'internal' ? '' : `(${r.site}) `}${r.path}`,
    performance: r.performance,
    accessibility: r.accessibility,
    'LCP ms': Math.round(r.lcp),
    'TBT ms': Math.round(r.tbt),
    CLS: Number(r.cls.toFixed(3)),
    transferred: kB(r.bytes),
    'of it JS': kB(r.scriptBytes),
  })),
);
if (args.json) await writeFile(args.json, JSON.stringify(results, null, 2));
