/**
 * Finds, before any page is built, what the pages would otherwise only warn about while they
 * render: significant declines no action plan answers, and content that names something the
 * data or the content lacks (a metric, a segment, a story, a wave, a figure, a slide, a
 * component). The MDX of every .mdx file is parsed with the parser Astro's MDX integration
 * uses (satteri), so a reference is read exactly as the build reads it, with its line.
 *
 * Warnings do not stop the build; their ids and words come from the catalogue in warnings.ts.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { mdxToMdast } from 'satteri';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { filesUnder } from '../util/files.ts';
import type { SiteModel, WaveModel } from '../model/types.ts';
import { frontmatterOf, repeatedQuoteWarnings } from './check-content.ts';
import { declines, type PlanRef } from './declines.ts';
import { ActionSchema, BriefingSchema, LetterSchema, StorySchema } from './schemas.ts';
import { BRIEFING_COMPONENTS, MDX_BUILT_IN_COMPONENTS, SLIDES, VALUE_FIGURES } from './briefing-components.ts';
import { contentWarning, type ContentWarning } from './warnings.ts';

export { type ContentWarning, formatContentWarning, CONTENT_WARNINGS, type WarningId } from './warnings.ts';

/** A Markdown/MDX file of a collection, with its frontmatter read (not validated). */
interface Entry {
  /** As Astro's loader names it: the path under the collection's folder, without extension. */
  id: string;
  /** As the user finds it: "content/briefings/2026-Q1.mdx". */
  file: string;
  mdx: boolean;
  text: string;
  doc: Document | null;
  data: Record<string, unknown>;
  /** The file line of a frontmatter value (by its path), or of the frontmatter's start. */
  lineOf: (path: (string | number)[]) => number;
}

async function readEntries(contentDir: string, collection: string): Promise<Entry[]> {
  const base = `${contentDir}/${collection}`;
  const out: Entry[] = [];
  for (const path of await filesUnder(base)) {
    if (!/\.mdx?$/i.test(path) || /(^|[\\/])readme\.md$/i.test(path)) continue;
    const rel = relative(base, path).split('\\').join('/');
    const text = await readFile(path, 'utf8');
    const fm = frontmatterOf(text);
    const counter = new LineCounter();
    const doc = fm && fm !== 'unclosed' ? parseDocument(fm.yaml, { lineCounter: counter }) : null;
    const js: unknown = doc && doc.errors.length === 0 ? doc.toJS() : null;
    const firstLine = fm && fm !== 'unclosed' ? fm.firstLine : 1;
    out.push({
      id: rel.replace(/\.mdx?$/i, ''),
      file: `content/${relative(contentDir, path).split('\\').join('/')}`,
      mdx: /\.mdx$/i.test(path),
      text,
      doc,
      data: js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {},
      lineOf: (p) => {
        const node = doc?.getIn(p, true) as { range?: [number, number, number] } | undefined;
        return node?.range ? firstLine - 1 + counter.linePos(node.range[0]).line : firstLine;
      },
    });
  }
  return out;
}

/** A frontmatter field read with its schema's own rules (a wave written as a number becomes text); undefined when invalid or absent. */
function field<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** An action plan as decline matching needs it; a field that cannot be read (check-content.ts reports it) answers nothing. */
const planOf = (e: Entry): PlanRef => ({
  id: e.id,
  data: {
    answers: field(ActionSchema.shape.answers, e.data['answers']) ?? [],
    segments: field(ActionSchema.shape.segments, e.data['segments']) ?? [],
    // When it started: a plan answers a wave's decline only once it exists as of that wave.
    started: field(ActionSchema.shape.started, e.data['started']),
    history: field(ActionSchema.shape.history, e.data['history']) ?? [],
    tasks: field(ActionSchema.shape.tasks, e.data['tasks']) ?? [],
  },
});

/** Every warning for the content folder against the model, declines first (by wave), then by file and line. */
export async function contentWarnings(model: SiteModel, contentDir: string): Promise<ContentWarning[]> {
  const waves = model.waves.map((w) => w.id);
  const [actions, stories, briefings, letters, others] = await Promise.all([
    readEntries(contentDir, 'actions'),
    readEntries(contentDir, 'stories'),
    readEntries(contentDir, 'briefings'),
    readEntries(contentDir, 'letters'),
    readEntries(contentDir, 'program'),
  ]);
  const storyIds = stories.map((s) => s.id);

  // Declines no plan answers, in every wave (each wave has a briefing page).
  const unanswered: ContentWarning[] = [];
  const plans = actions.map(planOf);
  for (const w of model.waves) {
    for (const d of declines(w, plans)) {
      if (d.plans.length === 0) unanswered.push(contentWarning('decline-without-plan', { file: null }, { wave: w.id, what: d.what, words: d.words, segment: d.segment }));
    }
  }

  const out: ContentWarning[] = [];

  // Frontmatter that names a wave, a segment, an attribute or a story.
  const dimensions = new Map<string, Set<string>>();
  for (const w of model.waves) {
    for (const d of w.segments) {
      const values = dimensions.get(d.id) ?? new Set<string>();
      for (const v of d.values) values.add(v.value);
      dimensions.set(d.id, values);
    }
  }
  const attributes = [...new Set(model.waves.flatMap((w) => w.attributes.map((a) => a.id)))];
  for (const a of actions) {
    (field(ActionSchema.shape.answers, a.data['answers']) ?? []).forEach((wave, i) => {
      if (!waves.includes(wave)) out.push(contentWarning('unknown-wave', { file: a.file, line: a.lineOf(['answers', i]) }, { wave, in: 'answers', have: waves }));
    });
    (field(ActionSchema.shape.segments, a.data['segments']) ?? []).forEach((s, i) => {
      const values = dimensions.get(s.dimension);
      if (!values) out.push(contentWarning('unknown-segment', { file: a.file, line: a.lineOf(['segments', i, 'dimension']) }, { dimension: s.dimension, in: 'plan', have: [...dimensions.keys()] }));
      else if (!values.has(s.value)) out.push(contentWarning('unknown-segment-value', { file: a.file, line: a.lineOf(['segments', i, 'value']) }, { dimension: s.dimension, value: s.value, have: [...values] }));
    });
    (field(ActionSchema.shape.attributes, a.data['attributes']) ?? []).forEach((id, i) => {
      if (!attributes.includes(id)) out.push(contentWarning('unknown-attribute', { file: a.file, line: a.lineOf(['attributes', i]) }, { attribute: id, have: attributes }));
    });
  }
  for (const s of stories) {
    const wave = field(StorySchema.shape.wave, s.data['wave']);
    if (wave !== undefined && !waves.includes(wave)) out.push(contentWarning('unknown-wave', { file: s.file, line: s.lineOf(['wave']) }, { wave, in: 'story', have: waves }));
  }
  for (const l of letters) {
    // A letter before a wave is written before its data exists; only one after it must match a wave.
    const wave = field(LetterSchema.shape.wave, l.data['wave']);
    if (wave !== undefined && l.data['kind'] === 'after' && !waves.includes(wave)) out.push(contentWarning('unknown-wave', { file: l.file, line: l.lineOf(['wave']) }, { wave, in: 'letter', have: waves }));
  }
  for (const b of briefings) {
    const wave = model.waves.find((w) => w.id === b.id) ?? null;
    if (!wave) out.push(contentWarning('unknown-wave', { file: b.file, line: 1 }, { wave: b.id, in: 'briefing', have: waves }));
    const story = field(BriefingSchema.shape.story, b.data['story']);
    if (story !== undefined && !storyIds.includes(story)) out.push(contentWarning('unknown-story', { file: b.file, line: b.lineOf(['story']) }, { story, in: 'briefing', have: storyIds }));
    if (b.mdx) out.push(...mdxWarnings(b, { briefing: true, wave, storyIds }), ...repeatedQuoteWarnings(b.file, b.text));
  }

  // MDX elsewhere is given no components: any it uses must be imported in the file.
  for (const e of [...actions, ...stories, ...letters, ...others]) if (e.mdx) out.push(...mdxWarnings(e, { briefing: false, wave: null, storyIds }));
  const byPlace = (a: ContentWarning, b: ContentWarning) => (a.file! < b.file! ? -1 : a.file! > b.file! ? 1 : (a.line ?? 0) - (b.line ?? 0));
  return [...unanswered, ...out.sort(byPlace)];
}

/** The parts of an MDX tree this check reads. */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

/** An attribute as written: a string (`name="x"`), an expression (`name={…}`), or true (`name`). */
type AttrValue = { text: string } | { expression: string } | true;

function attributesOf(node: MdxNode): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) continue;
    const v = a.value;
    if (typeof v === 'string') out.set(a.name, { text: v });
    else if (v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string') out.set(a.name, { expression: (v as { value: string }).value });
    else out.set(a.name, true);
  }
  return out;
}

const STRING = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`;
const STRING_LIST = new RegExp(String.raw`^\[\s*(?:(?:${STRING})\s*,\s*)*(?:(?:${STRING})\s*,?\s*)?\]$`);

/** The strings of an expression that is a literal list of strings (`["a", 'b']`), else null (it cannot be known before the build). */
export function stringList(expression: string): string[] | null {
  const s = expression.trim();
  if (!STRING_LIST.test(s)) return null;
  return [...s.matchAll(new RegExp(STRING, 'g'))].map((m) => m[0].slice(1, -1).replace(/\\(.)/g, '$1'));
}

function mdxWarnings(e: Entry, ctx: { briefing: boolean; wave: WaveModel | null; storyIds: string[] }): ContentWarning[] {
  const out: ContentWarning[] = [];
  let tree: MdxNode;
  try {
    tree = mdxToMdast(e.text) as unknown as MdxNode;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const m = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
    return [contentWarning('mdx-unreadable', { file: e.file, line: m ? Number(m[1]) : null }, { reason: (m ? text.slice(m[0].length) : text).split('\n')[0]!.replace(/\s*\([a-z-]+:[a-z-]+\)$/, '') })];
  }
  const available = new Set<string>([...MDX_BUILT_IN_COMPONENTS, ...(ctx.briefing ? BRIEFING_COMPONENTS : [])]);
  // Names the file declares itself (`import X from …`, `export const X = …`) are its own to use.
  const esm = (tree.children ?? []).filter((n) => n.type === 'mdxjsEsm').map((n) => String(n.value ?? '')).join('\n');
  const declared = (name: string) => new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(esm);
  const w = ctx.wave;

  const visit = (node: MdxNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) check(node, node.name);
    for (const c of node.children ?? []) visit(c);
  };
  const check = (node: MdxNode, name: string) => {
    const root = name.split('.')[0]!;
    if (!/^[A-Z]/.test(root) && !name.includes('.')) return; // an HTML element
    const at = { file: e.file, line: node.position?.start.line ?? null };
    if (!available.has(root) && !declared(root)) {
      out.push(contentWarning('unknown-component', at, { component: name, briefing: ctx.briefing, have: [...BRIEFING_COMPONENTS] }));
      return;
    }
    if (!ctx.briefing || !(BRIEFING_COMPONENTS as readonly string[]).includes(name) || declared(name)) return;
    const attrs = attributesOf(node);
    const text = (key: string): string | null | undefined => {
      const v = attrs.get(key);
      if (v === undefined) return undefined; // absent
      return v !== true && 'text' in v ? v.text : null; // null: an expression, not known before the build
    };
    const waveAttr = attrs.get('wave');
    if (waveAttr !== undefined && waveAttr !== true && 'text' in waveAttr) out.push(contentWarning('wave-attribute', at, { component: name, wave: waveAttr.text }));
    // Given a wave of its own, the component does not show the briefing's: its wave-bound names cannot be checked here.
    const ownWave = waveAttr === undefined ? w : null;
    switch (name) {
      case 'Metric': {
        const metric = text('name');
        if (ownWave && metric !== null && !ownWave.metrics.some((m) => m.metric === metric)) {
          out.push(contentWarning('unknown-metric', at, { metric: metric ?? '', wave: ownWave.id, in: 'metric', have: ownWave.metrics.map((m) => m.metric) }));
        }
        break;
      }
      case 'Trend': {
        const v = attrs.get('metrics');
        const list = v === undefined || v === true ? [] : 'text' in v ? [v.text] : (stringList(v.expression) ?? []);
        if (ownWave) {
          for (const metric of list) {
            if (!ownWave.metrics.some((m) => m.metric === metric)) out.push(contentWarning('unknown-metric', at, { metric, wave: ownWave.id, in: 'trend', have: ownWave.metrics.map((m) => m.metric) }));
          }
        }
        break;
      }
      case 'Segments': {
        const dimension = text('dimension');
        if (ownWave && dimension !== null && !ownWave.segments.some((d) => d.id === dimension)) {
          out.push(contentWarning('unknown-segment', at, { dimension: dimension ?? '', in: 'segments', have: ownWave.segments.map((d) => d.id) }));
        }
        break;
      }
      case 'Quote': {
        const story = text('story');
        if (story === undefined && attrs.has('entry')) break;
        if (story !== null && !ctx.storyIds.includes(story ?? '')) out.push(contentWarning('unknown-story', at, { story: story ?? '', in: 'quote', have: ctx.storyIds }));
        break;
      }
      case 'Value': {
        const of = text('of');
        if (of !== null && !(VALUE_FIGURES as readonly string[]).includes(of ?? '')) out.push(contentWarning('unknown-value', at, { of: of ?? '' }));
        break;
      }
      case 'Notes': {
        const slide = text('slide');
        if (typeof slide === 'string' && !(SLIDES as readonly string[]).includes(slide)) out.push(contentWarning('unknown-slide', at, { slide }));
        break;
      }
    }
  };
  visit(tree);
  return out;
}
