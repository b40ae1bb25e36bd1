/**
 * Every content warning Chorus gives, in one place: its stable id, what it means, and the
 * words of its message and fix. `npm run check` (check-references.ts) and the pages, which warn
 * again while they render as a safety net, both build their warnings here, so they read the same.
 *
 * A warning does not stop the build: the page leaves the reference out (or shows "–"). Ids are
 * stable, for scripts and for docs/content.md, which lists them; change the words, never the ids.
 */
import { SLIDES, VALUE_FIGURES } from './briefing-components.ts';

export interface ContentWarning {
  id: WarningId;
  /** The file as the user finds it ("content/briefings/2026-Q1.mdx"); null for a finding about the data. */
  file: string | null;
  /** 1-based line in that file, when known. */
  line: number | null;
  message: string;
  fix: string;
}

interface Definition<A> {
  /** One line for docs/content.md and tests: what the warning means. */
  means: string;
  message: (a: A) => string;
  fix: (a: A) => string;
}
const define = <A>(d: Definition<A>): Definition<A> => d;

/** Names as a short list: `"a", "b" or "c"`, at most a dozen, or "none". */
export function oneOf(names: readonly string[], max = 12): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  const more = names.length - shown.length;
  if (more > 0) return `${shown.join(', ')} or ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)!}`;
}

export const CONTENT_WARNINGS = {
  'decline-without-plan': define<{ wave: string; what: string; words: string; segment: { dimension: string; value: string } | null }>({
    means: 'a significant decline the briefing reports (the wave’s NPS, or a segment value’s, against the wave before) that no action plan answers',
    message: (a) => `${a.wave}: a significant decline has no action plan answering it (${a.what}: ${a.words})`,
    fix: (a) =>
      `add a plan in content/actions/ whose answers list ${a.wave}${a.segment ? `, or that names the segment ({ dimension: ${a.segment.dimension}, value: "${a.segment.value}" })` : ''}`,
  }),
  'unknown-wave': define<{ wave: string; in: 'briefing' | 'answers' | 'story' | 'letter'; have: readonly string[] }>({
    means: 'a briefing’s file name, a plan’s `answers`, a story’s `wave` or an after-wave letter’s `wave` names a wave the data does not have',
    message: (a) => {
      switch (a.in) {
        case 'briefing':
          return `the briefing is named for wave "${a.wave}", which the data does not have: no page shows it`;
        case 'answers':
          return `answers names wave "${a.wave}", which the data does not have: the plan answers no decline of it`;
        case 'story':
          return `wave "${a.wave}" is not a wave of the data: the story opens no briefing unless one names it`;
        case 'letter':
          return `the letter is for wave "${a.wave}", which the data does not have: the customer site does not show it`;
      }
    },
    fix: (a) => `${a.in === 'briefing' ? 'rename the file to' : 'use'} a wave id of the data: ${oneOf(a.have)}`,
  }),
  'unknown-story': define<{ story: string; in: 'quote' | 'briefing'; have: readonly string[] }>({
    means: '`<Quote story="…">` or a briefing’s `story:` names no file in content/stories/',
    message: (a) =>
      a.in === 'quote'
        ? `<Quote story="${a.story}"> names no story in content/stories/; it is left out`
        : `story: ${a.story} names no story in content/stories/; the briefing opens without a story`,
    fix: (a) => `use a story's file name without .md: ${oneOf(a.have)}`,
  }),
  'repeated-quote': define<{ story: string; first: number | null }>({
    means: 'a briefing’s narrative quotes the same story more than once: readers see the same words twice',
    message: (a) => `<Quote story="${a.story}"> quotes a story the narrative already quoted${a.first !== null ? ` on line ${a.first}` : ''}`,
    fix: () => 'keep one of the two quotes, or quote another story of the wave',
  }),
  'unknown-metric': define<{ metric: string; wave: string; in: 'metric' | 'trend'; have: readonly string[] }>({
    means: '`<Metric name="…">` or `<Trend metrics={[…]}>` names a metric metrics.csv has not for the briefing’s wave',
    message: (a) =>
      a.in === 'metric'
        ? `<Metric name="${a.metric}"> names no metric of metrics.csv for ${a.wave}; it is left out`
        : `<Trend metrics> names "${a.metric}", no metric of metrics.csv for ${a.wave}; it has no panel`,
    fix: (a) => (a.have.length > 0 ? `use a metric of ${a.wave}: ${oneOf(a.have)}` : `metrics.csv has no metric for ${a.wave}'s period: add its rows, or remove the reference`),
  }),
  'unknown-segment': define<{ dimension: string; in: 'segments' | 'plan'; have: readonly string[] }>({
    means: '`<Segments dimension="…">` or a plan’s `segments` names a segment dimension program.yml does not define',
    message: (a) =>
      a.in === 'segments'
        ? `<Segments dimension="${a.dimension}"> names no segment of program.yml; it is left out`
        : `segments names dimension "${a.dimension}", which program.yml does not define: the plan answers no decline of it and its page shows no figure`,
    fix: (a) => `use a segment id of program.yml: ${oneOf(a.have)}`,
  }),
  'unknown-segment-value': define<{ dimension: string; value: string; have: readonly string[] }>({
    means: 'a plan’s `segments` names a value of a dimension that no response has in any wave',
    message: (a) => `segments names ${a.dimension} "${a.value}", a value no response has in any wave: the plan answers no decline of it`,
    fix: (a) => `write the value as the data does: ${oneOf(a.have)}`,
  }),
  'unknown-attribute': define<{ attribute: string; have: readonly string[] }>({
    means: 'a plan’s `attributes` names an attribute program.yml does not rate',
    message: (a) => `attributes names "${a.attribute}", which program.yml does not rate: the plan's page shows no figure for it`,
    fix: (a) => (a.have.length > 0 ? `use an attribute id of program.yml: ${oneOf(a.have)}` : 'program.yml rates no attributes: remove it, or add the attribute to program.yml'),
  }),
  'unknown-value': define<{ of: string }>({
    means: '`<Value of="…">` names a figure Chorus does not know',
    message: (a) => `<Value of="${a.of}"> is not a figure Chorus knows; it shows "–"`,
    fix: () => `use ${oneOf(VALUE_FIGURES)}`,
  }),
  'unknown-slide': define<{ slide: string }>({
    means: '`<Notes slide="…">` names no slide of the presentation',
    message: (a) =>
      /^[a-z]+$/.test(a.slide)
        ? `<Notes slide="${a.slide}"> names no slide; the notes go to the slide of the component before them`
        : `<Notes slide="${a.slide}"> names no slide; the presentation drops these notes`,
    fix: () => `use ${oneOf(SLIDES)}`,
  }),
  'unknown-component': define<{ component: string; briefing: boolean; have: readonly string[] }>({
    means: 'an MDX file uses a component it is not given: the build stops when it renders the page',
    message: (a) => `<${a.component}> is not a component this file can use: the build stops when it renders the page`,
    fix: (a) => (a.briefing ? `use a briefing component (${oneOf(a.have, 20)}), or import it at the top of the file` : 'only briefings are given components: import it at the top of the file, or remove it'),
  }),
  'wave-attribute': define<{ component: string; wave: string }>({
    means: 'a component in MDX is given `wave="…"`: components show the briefing’s own wave and cannot take a wave by name',
    message: (a) => `<${a.component} wave="${a.wave}">: wave takes no name, and the component breaks or shows the wrong figures`,
    fix: () => 'remove wave="…": a component shows the wave of its briefing; write about another wave in content/briefings/<that wave>.mdx',
  }),
  'mdx-unreadable': define<{ reason: string }>({
    means: 'the MDX body cannot be parsed, so the file’s references cannot be checked and the build stops on it',
    message: (a) => `the MDX cannot be read: ${a.reason}`,
    fix: () => 'check the tags near that line: every component closes (<X /> or <X>…</X>), { } holds an expression, and a literal < is written &lt;',
  }),
} as const;

export type WarningId = keyof typeof CONTENT_WARNINGS;
type ArgsOf<K extends WarningId> = (typeof CONTENT_WARNINGS)[K] extends Definition<infer A> ? A : never;

/** A warning of the catalogue, at a place in a file (or none). */
export function contentWarning<K extends WarningId>(id: K, at: { file: string | null; line?: number | null }, args: ArgsOf<K>): ContentWarning {
  const d = CONTENT_WARNINGS[id] as unknown as Definition<ArgsOf<K>>;
  return { id, file: at.file, line: at.line ?? null, message: d.message(args), fix: d.fix(args) };
}

/** One line: `content/briefings/2026-Q1.mdx:12: <message>; <fix> [<id>]`. */
export function formatContentWarning(w: ContentWarning): string {
  const where = w.file ? `${w.file}${w.line !== null ? `:${w.line}` : ''}: ` : '';
  return `${where}${w.message}. Fix: ${w.fix}. [${w.id}]`;
}
