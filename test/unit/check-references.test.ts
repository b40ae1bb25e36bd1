/**
 * `npm run check`'s content warnings: declines without a plan, and content naming what the
 * data or the content lacks, each with its id, file and line, and none for valid references.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentWarnings, CONTENT_WARNINGS, formatContentWarning, stringList, type ContentWarning } from '../../src/pipeline/content/check-references.ts';
import { declines } from '../../src/pipeline/content/declines.ts';
import { contentWarning } from '../../src/pipeline/content/warnings.ts';
import { BRIEFING_COMPONENTS, VALUE_FIGURES } from '../../src/pipeline/content/briefing-components.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import type { SiteModel, WaveModel } from '../../src/pipeline/model/types.ts';
import { tempProgram } from '../helpers/temp-program.ts';

/** A change as the model writes it. */
const change = (delta: number, significant: boolean) => ({
  against: 'w1',
  delta,
  ci95: [delta - 5, delta + 5],
  p: significant ? 0.001 : 0.5,
  significant,
  words: `${delta < 0 ? 'down' : 'up'} ${Math.abs(delta)} points`,
});
const shown = (delta: number | null, significant = true) => ({
  suppressed: false,
  nps: 12,
  n: 40,
  gap: null,
  promoterLift: null,
  change: delta === null ? null : change(delta, significant),
});
const suppressed = { suppressed: true, reason: 'small', note: 'fewer than 5 responses' };

/** A wave with only what the check reads: its id, change, segments, metrics and attributes. */
function wave(
  id: string,
  o: {
    change?: ReturnType<typeof change> | null;
    segments?: { id: string; label: string; values: { value: string; figures: unknown }[] }[];
    metrics?: string[];
    attributes?: string[];
  } = {},
): WaveModel {
  return {
    id,
    label: id,
    change: o.change ?? null,
    segments: o.segments ?? [],
    metrics: (o.metrics ?? []).map((metric) => ({ metric })),
    attributes: (o.attributes ?? []).map((a) => ({ id: a })),
  } as unknown as WaveModel;
}
const modelOf = (...waves: WaveModel[]) => ({ waves }) as unknown as SiteModel;

/** Two waves: w2's NPS fell significantly, and so did LATAM's; EMEA's fall is within noise and APAC's is suppressed. */
const region = (latam: number | null) => ({
  id: 'region',
  label: 'Region',
  values: [
    { value: 'LATAM', figures: shown(latam) },
    { value: 'EMEA', figures: shown(-4, false) },
    { value: 'APAC', figures: suppressed },
  ],
});
const model = modelOf(
  wave('w1', { segments: [region(null)], metrics: ['tickets'] }),
  wave('w2', { change: change(-12, true), segments: [region(-30)], metrics: ['tickets', 'arr'], attributes: ['support'] }),
);

const plan = (fields: string) => `---\ntitle: A plan\nobjective: o\nbackground: b\nbusiness_impact: i\ntarget: t\nowner: Ann\nstatus: planned\n${fields}---\nBody\n`;
const story = (fields = '') => `---\ntitle: A story\nquote: Great.\ncustomer: Acme\n${fields}---\n`;
const ids = (ws: ContentWarning[]) => ws.map((w) => w.id);
const where = (ws: ContentWarning[]) => ws.map((w) => `${w.id} ${w.file}:${w.line}`);

describe('declines without an action plan', () => {
  it('warns for each significant decline no plan answers, naming the wave, what fell and the fix', async () => {
    const ws = await contentWarnings(model, tempProgram({}));
    expect(ids(ws)).toEqual(['decline-without-plan', 'decline-without-plan']);
    expect(ws.every((w) => w.file === null && w.line === null)).toBe(true);
    expect(ws[0]!.message).toBe('w2: a significant decline has no action plan answering it (NPS since w1: down 12 points)');
    expect(ws[0]!.fix).toBe('add a plan in content/actions/ whose answers list w2');
    expect(ws[1]!.message).toBe('w2: a significant decline has no action plan answering it (Region: LATAM: NPS +12, down 30 points since w1)');
    expect(ws[1]!.fix).toBe('add a plan in content/actions/ whose answers list w2, or that names the segment ({ dimension: region, value: "LATAM" })');
  });

  it('is silent once a plan lists the wave in answers', async () => {
    expect(await contentWarnings(model, tempProgram({ 'actions/a.md': plan('answers: [w2]\n') }))).toEqual([]);
  });

  it('counts a plan naming the segment for that segment only', async () => {
    const ws = await contentWarnings(model, tempProgram({ 'actions/a.mdx': plan('segments:\n  - { dimension: region, value: LATAM }\n') }));
    expect(ws.map((w) => w.message)).toEqual(['w2: a significant decline has no action plan answering it (NPS since w1: down 12 points)']);
  });

  it('matches plans the way the briefing page lists them', () => {
    const plans = [
      { id: 'p-wave', data: { answers: ['w2'], segments: [] } },
      { id: 'p-latam', data: { answers: [], segments: [{ dimension: 'region', value: 'LATAM' }] } },
      { id: 'p-other', data: { answers: ['w1'], segments: [{ dimension: 'region', value: 'EMEA' }] } },
    ];
    const found = declines(model.waves[1]!, plans).map((d) => ({ what: d.what, segment: d.segment, plans: d.plans.map((p) => p.id) }));
    expect(found).toEqual([
      { what: 'NPS since w1', segment: null, plans: ['p-wave'] },
      { what: 'Region: LATAM', segment: { dimension: 'region', value: 'LATAM' }, plans: ['p-wave', 'p-latam'] },
    ]);
    expect(declines(model.waves[0]!, plans)).toEqual([]);
  });

  it('finds the decline in a model the pipeline built', async () => {
    // w1: NPS 30 (10 responses); w2: NPS −80 (200 responses): a significant fall.
    const w1 = ['a,10', 'b,10', 'c,9', 'd,9', 'e,9', 'f,8', 'g,7', 'h,7', 'i,3', 'j,0'];
    const w2 = Array.from({ length: 200 }, (_, i) => `k${i},${i < 20 ? 10 : 2}`);
    const csv = (rows: string[]) => ['response_id,score', ...rows].join('\n') + '\n';
    const { model: built } = await runPipeline({ dataDir: tempProgram({ 'responses/w1.csv': csv(w1), 'responses/w2.csv': csv(w2) }) });
    const ws = await contentWarnings(built, tempProgram({ 'actions/other.md': plan('answers: [w1]\n') }));
    expect(ws.map((w) => `${w.id}: ${w.message}`)).toEqual([
      'decline-without-plan: w2: a significant decline has no action plan answering it (NPS since w1: down 110 points, a significant fall)',
    ]);
    expect(await contentWarnings(built, tempProgram({ 'actions/a.md': plan('answers: [w2]\n') }))).toEqual([]);
  });
});

describe('MDX references in a briefing', () => {
  // No declines here: the references are the point.
  const calm = modelOf(wave('w1', { segments: [region(null)], metrics: ['tickets'] }), wave('w2', { segments: [region(null)], metrics: ['tickets', 'arr'] }));
  const content = (briefing: string, extra: Record<string, string> = {}) =>
    tempProgram({ 'stories/acme.md': story(), 'stories/sub/beta.md': story(), 'briefings/w2.mdx': briefing, ...extra });

  it('accepts every reference the data and content have', async () => {
    const mdx = [
      '---',
      'title: Fine',
      'story: acme',
      '---',
      '<Nps />',
      'Our score is <Value of="nps" /> from <Value of="n" />, <Change />.',
      '<Metric name="arr" />',
      '<Trend metrics={["tickets", \'arr\']} />',
      '<Segments dimension="region" />',
      '<Quote story="acme" />',
      '<Quote story="sub/beta" />',
      '<Themes limit={3} />',
      '<Notes slide="asks">Say it.</Notes>',
      '<Notes>Plain notes.</Notes>',
      '<Fragment><div class="x">html is fine</div></Fragment>',
      '```',
      '<Metric name="in a code block" />',
      '```',
      '{/* <Metric name="in a comment" /> */}',
      '',
    ].join('\n');
    expect(await contentWarnings(calm, content(mdx))).toEqual([]);
  });

  it('names the file, line, component and value of each unknown reference, and lists what exists', async () => {
    const mdx = [
      '---', // 1
      'title: Broken',
      '---',
      '',
      '<Metric name="nope" />', // 5
      '',
      'We scored <Value of="npss" /> this time.', // 7
      '',
      '<Segments dimension="regio" />', // 9
      '<Quote story="missing" />', // 10
      '<Trend metrics={["tickets", "bogus"]} />', // 11
      '<Notes slide="themes">Wrong slide.</Notes>', // 12
      '<Chart x="1" />', // 13
      '<Change wave="w1" />', // 14
      '',
    ].join('\n');
    const ws = await contentWarnings(calm, content(mdx));
    expect(where(ws)).toEqual([
      'unknown-metric content/briefings/w2.mdx:5',
      'unknown-value content/briefings/w2.mdx:7',
      'unknown-segment content/briefings/w2.mdx:9',
      'unknown-story content/briefings/w2.mdx:10',
      'unknown-metric content/briefings/w2.mdx:11',
      'unknown-slide content/briefings/w2.mdx:12',
      'unknown-component content/briefings/w2.mdx:13',
      'wave-attribute content/briefings/w2.mdx:14',
    ]);
    const [metric, value, segment, quote, trend, slide, component] = ws;
    expect(metric!.message).toBe('<Metric name="nope"> names no metric of metrics.csv for w2; it is left out');
    expect(metric!.fix).toBe('use a metric of w2: "tickets" or "arr"');
    expect(value!.message).toContain('<Value of="npss">');
    expect(value!.fix).toBe('use "nps", "n", "mean", "responseRate", "confidentialShare", "revenueAtRisk" or "potentialGrowth"');
    expect(VALUE_FIGURES.every((v) => value!.fix.includes(`"${v}"`))).toBe(true);
    expect(segment!.message).toContain('<Segments dimension="regio">');
    expect(segment!.fix).toBe('use a segment id of program.yml: "region"');
    expect(quote!.fix).toContain('"acme" or "sub/beta"');
    expect(trend!.message).toContain('"bogus"');
    expect(trend!.message).not.toContain('"tickets"');
    expect(slide!.fix).toContain('"asks"');
    expect(component!.message).toContain('<Chart>');
  });

  it('checks wave-bound names against the briefing’s own wave', async () => {
    // "arr" is a metric of w2, not of w1.
    const ws = await contentWarnings(calm, tempProgram({ 'briefings/w1.mdx': '<Metric name="arr" />\n', 'briefings/w2.mdx': '<Metric name="arr" />\n' }));
    expect(where(ws)).toEqual(['unknown-metric content/briefings/w1.mdx:1']);
    expect(ws[0]!.fix).toBe('use a metric of w1: "tickets"');
  });

  it('leaves expressions alone: their value is not known before the build', async () => {
    const ws = await contentWarnings(calm, content('<Metric name={pick} />\n<Trend metrics={list} />\n<Metric name="nope" wave={other} />\n<Value of={x} />\n'));
    expect(ws).toEqual([]);
  });

  it('flags a missing required name', async () => {
    const ws = await contentWarnings(calm, content('<Metric />\n\n<Segments />\n'));
    expect(where(ws)).toEqual(['unknown-metric content/briefings/w2.mdx:1', 'unknown-segment content/briefings/w2.mdx:3']);
  });

  it('lets a file use the components it imports', async () => {
    const mdx = "import Chart from '../../src/site/components/Chart.astro';\nexport const Local = () => null;\n\n<Chart chart={null} />\n<Local />\n<Other.Thing />\n";
    expect(where(await contentWarnings(calm, content(mdx)))).toEqual(['unknown-component content/briefings/w2.mdx:6']);
  });

  it('reports MDX it cannot parse with its line, instead of checking it', async () => {
    const ws = await contentWarnings(calm, content('---\ntitle: x\n---\n\nFine.\n\n<Metric name="arr"\n\nmore\n'));
    expect(ids(ws)).toEqual(['mdx-unreadable']);
    expect(ws[0]!.file).toBe('content/briefings/w2.mdx');
    expect(ws[0]!.line).toBeGreaterThanOrEqual(7);
  });

  it('gives components only to briefings: any other MDX file must import them', async () => {
    const ws = await contentWarnings(calm, tempProgram({ 'actions/a.mdx': plan('') + '\n<Nps />\n', 'actions/b.md': plan('') + '\n<Nps />\n' }));
    expect(where(ws)).toEqual(['unknown-component content/actions/a.mdx:12']);
    expect(ws[0]!.fix).toMatch(/only briefings are given components/);
  });
});

describe('names in frontmatter', () => {
  it('warns for waves, segments, values, attributes and stories the data or content lacks, at their line', async () => {
    const dir = tempProgram({
      'actions/a.md': plan('answers: [w2, w9]\nsegments:\n  - { dimension: region, value: Latam }\n  - { dimension: tier, value: SMB }\nattributes: [support, speed]\n'),
      'stories/s.md': story('wave: w7\n'),
      'letters/after.md': '---\ntitle: Thanks\nwave: w8\nkind: after\n---\n',
      'letters/before.md': '---\ntitle: Soon\nwave: w3\nkind: before\n---\n',
      'briefings/w2.mdx': '---\ntitle: x\nstory: nobody\n---\n',
      'briefings/2027-Q1.mdx': '---\ntitle: x\n---\n',
    });
    const ws = await contentWarnings(model, dir);
    expect(where(ws)).toEqual([
      'unknown-wave content/actions/a.md:9',
      'unknown-segment-value content/actions/a.md:11',
      'unknown-segment content/actions/a.md:12',
      'unknown-attribute content/actions/a.md:13',
      'unknown-wave content/briefings/2027-Q1.mdx:1',
      'unknown-story content/briefings/w2.mdx:3',
      'unknown-wave content/letters/after.md:3',
      'unknown-wave content/stories/s.md:5',
    ]);
    const text = ws.map(formatContentWarning).join('\n');
    expect(text).toContain('answers names wave "w9"');
    expect(text).toContain('region "Latam"');
    expect(text).toContain('"LATAM", "EMEA" or "APAC"');
    expect(text).toContain('dimension "tier"');
    expect(text).toContain('attributes names "speed"');
    expect(text).toContain('rename the file to a wave id of the data: "w1" or "w2"');
    expect(text).toContain('story: nobody');
  });

  it('is silent for names that exist', async () => {
    const dir = tempProgram({
      'actions/a.md': plan('answers: [w2]\nsegments:\n  - { dimension: region, value: APAC }\nattributes: [support]\n'),
      'stories/s.md': story('wave: w1\n'),
      'letters/after.md': '---\ntitle: Thanks\nwave: w2\nkind: after\n---\n',
      'briefings/w1.mdx': '---\nstory: s\n---\n',
    });
    expect(await contentWarnings(model, dir)).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('formats a warning with its place, fix and id, as the pages print it too', () => {
    const w = contentWarning('unknown-value', { file: 'content/briefings/w2.mdx', line: 4 }, { of: 'x' });
    expect(formatContentWarning(w)).toBe(`content/briefings/w2.mdx:4: <Value of="x"> is not a figure Chorus knows; it shows "–". Fix: ${w.fix}. [unknown-value]`);
    expect(formatContentWarning({ ...w, file: null })).toMatch(/^<Value/);
  });

  it('is documented: docs/content.md lists every warning id', () => {
    const docs = readFileSync(new URL('../../docs/content.md', import.meta.url), 'utf8');
    for (const id of Object.keys(CONTENT_WARNINGS)) expect(docs, id).toContain(`\`${id}\``);
  });

  it('knows the components the briefing page passes to its MDX', () => {
    const page = readFileSync(new URL('../../src/site/components/Briefing.astro', import.meta.url), 'utf8');
    const passed = /<Narrative components=\{\{([^}]*)\}\}/
      .exec(page)?.[1]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    expect(passed?.sort()).toEqual([...BRIEFING_COMPONENTS].sort());
  });
});

describe('stringList', () => {
  it('reads a literal list of strings, and nothing else', () => {
    expect(stringList('["a", \'b\', "c\\"d"]')).toEqual(['a', 'b', 'c"d']);
    expect(stringList(' [ "a" , ] ')).toEqual(['a']);
    expect(stringList('[]')).toEqual([]);
    expect(stringList('names')).toBeNull();
    expect(stringList('["a", b]')).toBeNull();
    expect(stringList('["a"].concat(x)')).toBeNull();
  });
});

describe('the demo', () => {
  it('has no content warning', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const { model: demo } = await runPipeline({ dataDir: `${root}data` });
    expect((await contentWarnings(demo, `${root}content`)).map(formatContentWarning)).toEqual([]);
  });
});
