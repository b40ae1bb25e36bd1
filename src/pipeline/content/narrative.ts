/**
 * What a briefing's MDX narrative already shows, read once from its body: the stories it
 * quotes, the cards it places (`<Nps />`, `<Metric name>`, `<Finance />`), the figures it
 * states (`<Value of>`, `<Change />`) and the sections it draws (`<Trend />`, `<Themes />`…).
 * The briefing page generates only what the narrative leaves out, so nothing is told twice;
 * `npm run check` reads the quotes from here too.
 *
 * The body is parsed with the parser Astro's MDX integration uses (satteri), so a component in
 * a code block or a comment is not counted, and one inside `<Notes>` (speaker notes, never on
 * the page) is not either. A component given a `wave` shows another wave: it is not counted.
 */
import { mdxToMdast } from 'satteri';
import { BRIEFING_COMPONENTS, VALUE_FIGURES, type ValueFigure } from './briefing-components.ts';

/** A figure the narrative states in a sentence: a `<Value of>` figure, or the change since the last wave (`<Change />`). */
export type StatedFigure = ValueFigure | 'change';

/** The sections a briefing generates unless its narrative draws them. */
export interface NarrativeSections {
  trend: boolean;
  themes: boolean;
  benchmarks: boolean;
  drivers: boolean;
  cohorts: boolean;
  initiatives: boolean;
  followUp: boolean;
  /** The dimensions `<Segments dimension="…">` draws, in order of first appearance. */
  segments: string[];
}

/** What one narrative shows, each list in order of first appearance. */
export interface NarrativeContents {
  /** Every `<Quote story>` on the page, in order, repeats included, with its line in the text read. */
  quotes: { story: string; line: number | null }[];
  cards: {
    /** `<Nps />`: the wave's NPS card. */
    nps: boolean;
    /** `<Metric name="…">` cards, by metric id. */
    metrics: string[];
    /** `<Finance />`: revenue at risk and potential growth with their assumptions, and the financial metrics. */
    finance: boolean;
  };
  /** Figures the narrative states, whether in a sentence or on a card it places. */
  figures: StatedFigure[];
  sections: NarrativeSections;
  /** False when the MDX could not be parsed: nothing is known of it (the build stops on it anyway). */
  readable: boolean;
}

/** The parts of an MDX tree this reader looks at. */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

/** The figures each card shows besides its own. */
const CARD_FIGURES: Record<string, StatedFigure[]> = {
  Nps: ['nps', 'n', 'change'],
  Finance: ['revenueAtRisk', 'potentialGrowth'],
};

const SECTION_OF: Record<string, keyof Omit<NarrativeSections, 'segments'>> = {
  Trend: 'trend',
  Themes: 'themes',
  Benchmarks: 'benchmarks',
  Drivers: 'drivers',
  Cohorts: 'cohorts',
  Initiatives: 'initiatives',
  FollowUp: 'followUp',
};

/** An empty reading: a briefing without a narrative shows nothing of its own. */
export function emptyNarrative(): NarrativeContents {
  return {
    quotes: [],
    cards: { nps: false, metrics: [], finance: false },
    figures: [],
    sections: { trend: false, themes: false, benchmarks: false, drivers: false, cohorts: false, initiatives: false, followUp: false, segments: [] },
    readable: true,
  };
}

/** An attribute's text when it is written as text (`a="x"`) or a lone string literal (`a={"x"}`); else null. */
function textAttribute(node: MdxNode, key: string): string | null {
  const a = (node.attributes ?? []).find((x) => x.type === 'mdxJsxAttribute' && x.name === key);
  if (!a) return null;
  if (typeof a.value === 'string') return a.value;
  const expression = a.value && typeof a.value === 'object' ? (a.value as { value?: unknown }).value : undefined;
  if (typeof expression !== 'string') return null;
  const m = /^\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1\s*$/.exec(expression);
  return m ? m[2]!.replace(/\\(.)/g, '$1') : null;
}

const hasAttribute = (node: MdxNode, key: string) => (node.attributes ?? []).some((x) => x.type === 'mdxJsxAttribute' && x.name === key);

/**
 * Reads what a briefing's MDX narrative shows. `text` is the MDX body, with or without its
 * frontmatter (lines are counted in the text given). Pure: the same text gives the same reading.
 */
export function readNarrative(text: string): NarrativeContents {
  const out = emptyNarrative();
  let tree: MdxNode;
  try {
    tree = mdxToMdast(text) as unknown as MdxNode;
  } catch {
    return { ...out, readable: false };
  }
  // A name the file declares itself (`import Quote from …`) is its own component, not the briefing's.
  const esm = (tree.children ?? [])
    .filter((n) => n.type === 'mdxjsEsm')
    .map((n) => String(n.value ?? ''))
    .join('\n');
  const own = new Set(BRIEFING_COMPONENTS.filter((name) => new RegExp(`(^|[^\\w$])${name}($|[^\\w$])`).test(esm)));
  const figures = new Set<StatedFigure>();
  const addOnce = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value);
  };

  const visit = (node: MdxNode) => {
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    const name = isElement ? (node.name ?? '') : '';
    if (name === 'Notes') return; // speaker notes: never on the page
    if (isElement && (BRIEFING_COMPONENTS as readonly string[]).includes(name) && !own.has(name as (typeof BRIEFING_COMPONENTS)[number]) && !hasAttribute(node, 'wave')) {
      read(node, name);
    }
    for (const c of node.children ?? []) visit(c);
  };
  const read = (node: MdxNode, name: string) => {
    for (const f of CARD_FIGURES[name] ?? []) figures.add(f);
    const section = SECTION_OF[name];
    if (section) out.sections[section] = true;
    switch (name) {
      case 'Quote': {
        const story = textAttribute(node, 'story');
        if (story) out.quotes.push({ story, line: node.position?.start.line ?? null });
        break;
      }
      case 'Nps':
        out.cards.nps = true;
        break;
      case 'Finance':
        out.cards.finance = true;
        break;
      case 'Metric': {
        const metric = textAttribute(node, 'name');
        if (metric) addOnce(out.cards.metrics, metric);
        break;
      }
      case 'Value': {
        const of = textAttribute(node, 'of');
        if (of && (VALUE_FIGURES as readonly string[]).includes(of)) figures.add(of as ValueFigure);
        break;
      }
      case 'Change':
        figures.add('change');
        break;
      case 'Segments': {
        const dimension = textAttribute(node, 'dimension');
        if (dimension) addOnce(out.sections.segments, dimension);
        break;
      }
    }
  };
  visit(tree);
  out.figures = [...figures];
  return out;
}

/** The stories a narrative quotes more than once, each with the lines of its repeats (after the first). */
export function repeatedQuotes(n: NarrativeContents): { story: string; first: number | null; repeats: (number | null)[] }[] {
  const seen = new Map<string, { story: string; first: number | null; repeats: (number | null)[] }>();
  for (const q of n.quotes) {
    const s = seen.get(q.story);
    if (s) s.repeats.push(q.line);
    else seen.set(q.story, { story: q.story, first: q.line, repeats: [] });
  }
  return [...seen.values()].filter((s) => s.repeats.length > 0);
}
