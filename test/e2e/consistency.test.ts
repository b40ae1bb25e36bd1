/**
 * One figure, one wording, on every page of the demo build (internal site, customer site and
 * the exported letters), read from the built HTML as a reader gets it (visible text, and the
 * alt, title and aria-label texts a screen reader speaks): no configuration file is named; no
 * wave is called by its id where it has a label (the ids, labels and metric periods come from
 * the build's summary.json, so another program's naming is checked the same way); an NPS in
 * words is whole and carries the typographic minus; sums of money in one table row or one
 * card share their unit and precision.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../helpers/build.ts';

interface Page {
  path: string;
  html: string;
  text: string;
}

let pages: Page[];
let summary: {
  program: { currency: string };
  waves: { id: string; label: string; period: string; metrics?: { period: string; priorPeriod: string | null }[] }[];
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Text with HTML character references resolved. */
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) =>
    ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : (NAMED[ref.toLowerCase()] ?? m),
  );

/** A tag, whose quoted attribute values may hold ">". */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * What a reader of the page reads or hears: its text (scripts, styles and code left out: a file
 * name such as responses/2026-Q3.csv is written as it is on disk; addresses left out too) and the
 * alt, title and aria-label texts a screen reader speaks (not those inside a hidden drawing).
 * Tags become spaces, so words of two cells never run together.
 */
function readerText(html: string): string {
  const body = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style|template|code|pre)\b[\s\S]*?<\/\1>/gi, ' ');
  const heard = body.replace(/<svg\b[^>]*aria-hidden="true"[\s\S]*?<\/svg>/gi, ' ');
  const spoken = [...heard.matchAll(/\s(?:alt|title|aria-label)="([^"]*)"/gi)].map((m) => m[1]!);
  return decode([body.replace(TAG, ' '), ...spoken].join(' '))
    .replace(/\bhttps?:\/\/\S+|(?<!\S)\/[\w\-./]*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `token` as a whole token: not inside a longer word, number or id. */
const whole = (token: string) => new RegExp(`(?<![\\w-])${escape(token)}(?![\\w-])`);
/** Up to 60 characters either side of a match, to say where it is. */
const around = (text: string, at: number, length: number) => text.slice(Math.max(0, at - 60), at + length + 60);

beforeAll(() => {
  const demo = inject('demoBuild');
  expect(demo.code, demo.stderr).toBe(0);
  pages = ['internal', 'customers'].flatMap((site) =>
    filesUnder(join(demo.out, site))
      .filter(([path]) => path.endsWith('.html'))
      .map(([path, bytes]) => {
        const html = bytes.toString('utf8');
        return { path: `${site}/${path}`, html, text: readerText(html) };
      }),
  );
  summary = JSON.parse(readFileSync(join(demo.out, 'internal', 'exports', 'summary.json'), 'utf8')) as typeof summary;
});

describe('the reader text this test reads', () => {
  it('covers both sites and the exported letters, and leaves markup and code out', () => {
    expect(pages.some((p) => p.path.startsWith('customers/'))).toBe(true);
    expect(pages.some((p) => /^internal\/exports\/.+\.html$/.test(p.path))).toBe(true);
    expect(pages.length).toBeGreaterThan(20);
    expect(readerText('<p title="Q3 &amp; more">a<b>b</b></p><code>responses/2026-Q3.csv</code><script>var x = "2026-Q3"</script>')).toBe('a b Q3 & more');
    expect(readerText('<p>See https://example.org/heard/2026-Q3/ or /heard/2026-Q3/ now</p>')).toBe('See or now');
    expect(readerText('<svg aria-hidden="true"><g aria-label="NPS: 17.94"><text>+18</text></g></svg>')).toBe('+18');
    expect(readerText('<div data-x="a > b 2026-Q3">text</div>')).toBe('text');
  });
});

describe('consistent wording of figures', () => {
  it('names no configuration file on any page', () => {
    const found = pages.flatMap((p) => [...p.text.matchAll(/program\.ya?ml|content\/[\w-]+\//gi)].map((m) => `${p.path}: …${around(p.text, m.index, m[0].length)}…`));
    expect(found).toEqual([]);
  });

  it('calls a wave by its label, never by its id, and a metric period the way a label reads', () => {
    const waves = summary.waves;
    expect(waves.length).toBeGreaterThan(1);
    // A wave's id and its metrics period, where they differ from what readers call the wave.
    const named = (x: string) => waves.some((w) => w.label === x);
    const ids = new Set(waves.flatMap((w) => [w.id, w.period]).filter((x) => !named(x)));
    expect(ids.size).toBeGreaterThan(0);
    // A wave to come, or a metric period before the first wave, in the shape of the program's
    // wave ids ("2027-Q1" beside 2026-Q3): written as an id, a reader cannot tell it is a wave.
    // (Shapes with digits and a separator only: an id such as "spring" is also a word.)
    const shapes = [...ids].filter((id) => /\d/.test(id) && /[^\w]/.test(id)).map((id) => escape(id).replace(/\d/g, '\\d'));
    const idLike = shapes.length > 0 ? new RegExp(`(?<![\\w-])(?:${[...new Set(shapes)].join('|')})(?![\\w-])`, 'g') : null;
    const found: string[] = [];
    for (const p of pages) {
      for (const id of ids) {
        const m = whole(id).exec(p.text);
        if (m) found.push(`${p.path}: "${id}" in …${around(p.text, m.index, id.length)}…`);
      }
      for (const m of idLike ? p.text.matchAll(idLike) : []) if (!ids.has(m[0]) && !named(m[0])) found.push(`${p.path}: "${m[0]}" in …${around(p.text, m.index, m[0].length)}…`);
    }
    expect(found).toEqual([]);
  });

  it('writes an NPS in words whole, with the typographic minus', () => {
    // "NPS 17.9", "NPS of -4", "Net Promoter Score was 17.9"
    // (a number followed by a unit or a letter, "NPS 1.4k", is a chart's next axis, not an NPS)
    const nps = /\b(?:NPS|Net Promoter Score)\b:?\s+(?:(?:of|is|was|at|stands at|score)\s+)?([+\u2212-]?\d+(?:\.\d+)?)(?![\d.]*(?:%|[A-Za-z]))/g;
    const found = pages.flatMap((p) =>
      [...p.text.matchAll(nps)].filter((m) => m[1]!.includes('.') || m[1]!.startsWith('-')).map((m) => `${p.path}: …${around(p.text, m.index, m[0].length)}…`),
    );
    expect(found).toEqual([]);
    // The check reads real prose: the demo's pages do state NPS figures in words.
    expect(pages.filter((p) => nps.test(p.text)).length).toBeGreaterThan(3);
  });

  it('gives the sums of money in one table row or one card one unit and one precision', () => {
    const currency = summary.program.currency;
    const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(1).find((x) => x.type === 'currency')!.value;
    const money = new RegExp(`${escape(symbol)}\\s?(\\d[\\d,]*(?:\\.(\\d+))?)([KMB]?)(?![\\w.])`, 'g');
    let rows = 0;
    const mixed: string[] = [];
    for (const p of pages) {
      // Table rows' data cells (a row's heading may be a band such as "$25K to $100K") and KPI cards.
      const groups = [
        ...[...p.html.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((r) => [...r[0].matchAll(/<td\b[\s\S]*?<\/td>/g)].map((c) => c[0]).join(' ')),
        ...[...p.html.matchAll(/<div class="kpi\b[^"]*"[^>]*>[\s\S]*?<\/div>/g)].map((c) => c[0]),
      ];
      for (const group of groups) {
        const sums = [...readerText(group).matchAll(money)];
        if (sums.length < 2) continue;
        rows++;
        const units = new Set(sums.map((s) => s[3]));
        const decimals = new Set(sums.map((s) => s[2]?.length ?? 0));
        if (units.size > 1 || decimals.size > 1) mixed.push(`${p.path}: ${sums.map((s) => s[0]).join(' beside ')}`);
      }
    }
    expect(mixed).toEqual([]);
    // The check saw rows and cards with more than one sum (the financial figures, this period against the one before).
    expect(rows).toBeGreaterThan(3);
  });
});
