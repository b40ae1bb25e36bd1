/**
 * The deck's slides, titles and default speaker notes, worked out from a small hand-made program
 * whose figures are known by construction: four waves of 200 answers (NPS +25, −15, +25, +22),
 * two teams far apart in the third, and three measures that move by known shares.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.ts';
import type { SiteModel, WaveModel } from '../../src/pipeline/model/types.ts';
import { buildDeck, headlineTitle, initiativesTitle, movedMost, movement, noteFigure, periodLabel, topAsks, trendTitle, type DeckSlide } from '../../src/site/lib/deck.ts';
import { driversChart, fittedDomain, operationsChart } from '../../src/site/charts/specs.ts';
import { textWidth } from '../../src/site/charts/text-width.ts';
import { formatNpsInterval } from '../../src/shared/format.ts';
import { tempProgram } from '../helpers/temp-program.ts';

/** `promoters` 10s, `passives` 8s, `detractors` 3s, in that order; the first `teamA` rows are team A. */
function answers(wave: string, promoters: number, passives: number, detractors: number, teamA = 0): string {
  const scores = [...Array<number>(promoters).fill(10), ...Array<number>(passives).fill(8), ...Array<number>(detractors).fill(3)];
  return `response_id,score,team\n${scores.map((s, i) => `${wave}-${i},${s},${i < teamA ? 'A' : 'B'}`).join('\n')}\n`;
}

let model: SiteModel;
const wave = (id: string) => model.waves.find((w) => w.id === id)!;
const deckOf = (w: WaveModel): DeckSlide[] => buildDeck({ waves: model.waves, wave: w, story: null, initiatives: [], letterUrl: null });
const slideOf = <K extends DeckSlide['id']>(slides: DeckSlide[], id: K) => slides.find((s): s is Extract<DeckSlide, { id: K }> => s.id === id)!;

beforeAll(async () => {
  const program = [
    'waves:',
    '  - { id: w1, label: Spring, as_of: 2026-03-31 }',
    '  - { id: w2, label: Summer, as_of: 2026-06-30 }',
    '  - { id: w3, label: Autumn, as_of: 2026-09-30 }',
    '  - { id: w4, label: Winter, as_of: 2026-12-31 }',
    'segments:',
    '  - { id: team, label: Team }',
    'metrics:',
    '  tickets: { label: Support tickets, higher_is_better: false }',
    '  incidents: { label: Production incidents, higher_is_better: false }',
    '  arr: { label: Annual recurring revenue, higher_is_better: true }',
  ].join('\n');
  const metrics = [
    'metric,period,value,unit',
    'tickets,w2,150,count',
    'tickets,w3,90,count',
    'incidents,w2,10,count',
    'incidents,w3,9,count',
    'arr,w2,1000,USD',
    'arr,w3,1000,USD',
  ];
  ({ model } = await runPipeline({
    dataDir: tempProgram({
      'program.yml': `${program}\n`,
      'metrics.csv': `${metrics.join('\n')}\n`,
      'responses/w1.csv': answers('w1', 90, 70, 40),
      'responses/w2.csv': answers('w2', 50, 70, 80),
      // Team A: 90 promoters and 10 passives (+90); team B: 60 passives and 40 detractors (−40).
      'responses/w3.csv': answers('w3', 90, 70, 40, 100),
      'responses/w4.csv': answers('w4', 85, 74, 41),
    }),
  }));
});

describe('slide titles state the finding', () => {
  it('names a recovery after a dip, a first measure, a real fall and a change within noise', () => {
    expect(headlineTitle(model.waves, wave('w3'))).toBe('NPS back to +25 after the Summer dip');
    expect(headlineTitle(model.waves, wave('w1'))).toBe('NPS +25 in our first survey');
    expect(headlineTitle(model.waves, wave('w2'))).toBe('NPS down 40 points to −15');
    expect(headlineTitle(model.waves, wave('w4'))).toBe('NPS holds at +22: no real change since Autumn');
  });

  it('tells the trend from its first wave to this one, naming a low that stands apart', () => {
    expect(trendTitle(model.waves, wave('w3'))).toBe('NPS from +25 in Spring to +25 in Autumn, with a low of −15 in Summer');
    expect(trendTitle(model.waves, wave('w2'))).toBe('NPS from +25 in Spring to −15 in Summer');
    expect(trendTitle(model.waves, wave('w1'))).toBe('The trend starts here: NPS +25 in Spring');
  });

  it('leads the business slide with the measure that moved most, and shows the three that moved most', () => {
    const business = slideOf(deckOf(wave('w3')), 'business');
    expect(business.title).toBe('Support tickets down 40% since Summer');
    expect(business.metrics).toEqual(['tickets', 'incidents', 'arr']);
    expect(movedMost(wave('w3').metrics, 2).map((m) => m.metric)).toEqual(['tickets', 'incidents']);
  });

  it('names the segment that stands above the rest, by how much', () => {
    const promoters = slideOf(deckOf(wave('w3')), 'promoters');
    expect(promoters.title).toBe('Team: A scores +90, 130 points above the rest');
    expect(slideOf(deckOf(wave('w4')), 'promoters').finding).toBeNull();
  });

  it('counts the initiatives by status, in the order plans move through them', () => {
    const plan = (status: string) => ({ title: status, status, progress: null });
    expect(initiativesTitle([plan('planned'), plan('in progress'), plan('done'), plan('in progress')])).toBe('1 initiative done, 2 under way, 1 planned');
    expect(initiativesTitle([plan('in progress'), plan('in progress')])).toBe('2 initiatives under way');
  });
});

describe('default speaker notes', () => {
  it('say in one sentence what the headline says, with its numbers', () => {
    // The interval is the statistics module's (tested there); the note only words it.
    const interval = formatNpsInterval(wave('w3').figures!.ci95);
    expect(slideOf(deckOf(wave('w3')), 'headline').note).toBe(
      `NPS is +25 from 200 answers (95% interval ${interval}), up 40 points since Summer, a real change; 45% are promoters and 20% detractors.`,
    );
    expect(slideOf(deckOf(wave('w4')), 'headline').note).toMatch(/^NPS is \+22 from 200 answers .*down 3 points since Autumn, within noise;/);
  });

  it('give the trend its waves and how many changes were real', () => {
    expect(slideOf(deckOf(wave('w3')), 'trend').note).toBe(
      "Over 3 waves, NPS from +25 in Spring to +25 in Autumn, with a low of −15 in Summer; 2 of the 2 changes between waves were real, and the shaded band is each wave's 95% interval.",
    );
  });

  it('give the business slide the money at risk and each measure that moved', () => {
    const note = slideOf(deckOf(wave('w3')), 'business').note;
    expect(note).toMatch(/^Unhappy and lukewarm customers put \$0 of revenue at risk/);
    expect(note).toContain('since Summer, support tickets down 40%, production incidents down 10% and annual recurring revenue unchanged.');
  });

  it('give every slide of every wave a note of one sentence', () => {
    for (const w of model.waves) {
      for (const s of deckOf(w)) {
        expect(s.note, `${w.id} ${s.id}`).toMatch(/^[A-Z0-9+−].*[.:]$/);
        expect(s.note.split(/[.!?] [A-Z]/).length, `${w.id} ${s.id}: ${s.note}`).toBe(1);
      }
    }
  });

  it('list the initiatives as the slide shows them', () => {
    const slides = buildDeck({
      waves: model.waves,
      wave: wave('w3'),
      story: null,
      initiatives: [
        { title: 'Fix reporting', status: 'in progress', progress: 0.43 },
        { title: 'Faster dashboards', status: 'done', progress: 1 },
      ],
      letterUrl: 'https://example.com/heard/w3/',
    });
    expect(slideOf(slides, 'initiatives').note).toBe('Our top initiatives: Fix reporting (in progress, 43% done); Faster dashboards (done).');
    expect(slideOf(slides, 'close').note).toContain('https://example.com/heard/w3/');
  });

  it('give the follow-up its figures, bad news first', () => {
    const w = wave('w3');
    const total = { alerts: 40, followedUp: 30, closed: 20, closedInTime: 10, overdue: 12, followedUpShare: 0.75, closedShare: 0.5, closedInTimeShare: 0.25 };
    const followup = slideOf(deckOf({ ...w, followup: { ...w.followup, hasLog: true, total } }), 'followup');
    expect(followup.title).toBe('12 follow-ups overdue; 25% closed in time');
    expect(followup.figures.map((f) => [f.value, f.tone])).toEqual([
      ['12', 'bad'],
      ['25%', 'plain'],
      ['75%', 'plain'],
    ]);
    expect(followup.note).toBe('Of 40 follow-ups the answers called for, 75% happened and 25% were closed in time; 12 are overdue as of 30 September 2026.');
    expect(slideOf(deckOf({ ...w, followup: { ...w.followup, hasLog: false } }), 'followup').title).toBe('Follow-up is not measured yet');
  });
});

describe('what the slides show', () => {
  it('puts the slides in order, with a drivers slide only when attributes have drivers', () => {
    expect(deckOf(wave('w3')).map((s) => s.id)).toEqual(['headline', 'trend', 'business', 'promoters', 'asks', 'initiatives', 'followup', 'close']);
  });

  it('asks: the top themes to improve, each with a short comment no other theme shows', () => {
    const verbatim = (text: string) => ({ text, score: 3, category: 'detractor' as const, account: null, role: null });
    const theme = (name: string, mentions: number, texts: string[], askedToImprove = true) =>
      ({ theme: name, improvementMentions: mentions, askedToImprove, verbatims: texts.map(verbatim) }) as unknown as WaveModel['themes']['themes'][number];
    const w = wave('w3');
    const themes = [
      theme('praise', 9, ['Lovely.'], false),
      theme('reporting', 8, ['x'.repeat(181), ' Too many clicks. ']),
      theme('speed', 5, ['Too many clicks.', 'Slow at month end.']),
      theme('pricing', 4, []),
      theme('billing', 2, ['Invoices are late.']),
    ];
    expect(topAsks({ ...w, themes: { ...w.themes, themes } })).toEqual([
      { theme: 'reporting', mentions: 8, quote: 'Too many clicks.' },
      { theme: 'speed', mentions: 5, quote: 'Slow at month end.' },
      { theme: 'pricing', mentions: 4, quote: null },
    ]);
  });

  it('names a metrics period by its wave, else as a quarter, never by its code', () => {
    expect(periodLabel(model.waves, 'w2')).toBe('Summer');
    expect(periodLabel(model.waves, '2025-Q3')).toBe('Q3 2025');
    expect(periodLabel(model.waves, 'FY25-P07')).toBe('the period before');
  });

  it('words the figures a speaker note names, as the briefing does', () => {
    const w = wave('w3');
    expect(noteFigure(w, 'Value', { of: 'nps' })).toBe('+25');
    expect(noteFigure(w, 'Value', { of: 'n' })).toBe('200');
    expect(noteFigure(w, 'Change', {})).toBe(w.change!.words);
    expect(noteFigure(w, 'Trend', {})).toBe('');
  });

  it('words a move in whole points', () => {
    expect([movement(9.6), movement(-1.2), movement(0.4)]).toEqual(['up 10 points', 'down 1 point', 'unchanged']);
  });
});

describe('chart axes fit their data', () => {
  it('rounds a domain out to steps around the values, within limits', () => {
    expect(fittedDomain([0.61, 0.72], 0.05, [0, 1], 0.02)).toEqual([0.55, 0.75]);
    expect(fittedDomain([-95, 40], 10, [-100, 100], 10)).toEqual([-100, 50]);
  });

  it('wraps long wave labels and cuts long panel headings on a slide, so neither runs into its neighbour nor widens the grid', () => {
    const long = 'Third quarter of the 2026 financial year';
    const waves = model.waves.map((w) => (w.id === 'w3' ? { ...w, label: long } : w));
    const upTo = { ...waves[2]!, metrics: waves[2]!.metrics.map((m) => ({ ...m, label: `${m.label} across all regions and business units` })) };
    const spec = operationsChart([...waves.slice(0, 2), upTo], upTo, null, { medium: 'slide' })!.spec as unknown as {
      facet: { header: { labelLimit: number } };
      spec: { width: number; layer: { encoding: { x: { axis: { labelLimit: number; labelExpr: string } } } }[] };
    };
    const cell = spec.spec.width;
    const heading = spec.facet.header.labelLimit;
    expect(heading).toBeGreaterThan(0);
    expect(heading).toBeLessThanOrEqual(cell);
    const axis = spec.spec.layer[0]!.encoding.x.axis;
    const lines = (JSON.parse(axis.labelExpr.slice(0, axis.labelExpr.indexOf('[datum'))) as Record<string, string[]>)[long]!;
    expect(lines.join(' ')).toBe(long);
    expect(lines.length).toBe(2);
    expect(textWidth({ fontSize: 32 }, lines[0])).toBeLessThanOrEqual(cell / 3);
    expect(axis.labelLimit).toBeLessThanOrEqual(cell / 3);
  });

  it('draws no unrounded tick on a panel of one wave', () => {
    const first = model.waves[1]!;
    const spec = JSON.stringify(operationsChart([first], first, null, { medium: 'slide' })!.spec);
    expect(spec).toContain('"labels":false');
  });

  it('draws the drivers chart on the span the attributes are rated in, not 0–100%, on a page and on a slide', () => {
    const attribute = (id: string, performance: number, r: number) => ({
      id,
      label: id,
      scale: [1, 5] as [number, number],
      figures: {
        suppressed: false as const,
        n: 100,
        mean: 1 + 4 * performance,
        performance,
        lowShare: 0,
        byCategory: {},
        driver: { n: 100, r, ci95: [r - 0.05, r + 0.05] as [number, number], p: 0.01, significant: true },
        quadrant: null,
      },
    });
    const w = { ...wave('w3'), attributes: [attribute('a', 0.61, 0.5), attribute('b', 0.72, 0.2)] } as unknown as WaveModel;
    for (const medium of ['page', 'slide'] as const) {
      const spec = JSON.stringify(driversChart(w, { medium })!.spec);
      const x = JSON.parse(spec).layer[0].encoding.x.scale.domain as [number, number];
      expect(x[0], medium).toBeGreaterThan(0.4);
      expect(x[0], medium).toBeLessThan(0.61);
      expect(x[1], medium).toBeGreaterThan(0.72);
      expect(x[1], medium).toBeLessThan(1);
    }
  });
});
