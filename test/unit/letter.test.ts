/**
 * The letter after a wave, built once (src/shared/letter.ts) and rendered as the customer page
 * and as the HTML email: what it says in each case, and that the email says all of it.
 */
import { describe, expect, it } from 'vitest';
import { letterOf, letterQuotes, signatureOf, themeAnswers, type LetterDoc, type LetterSources } from '../../src/shared/letter.ts';
import { letterEmail, paragraphs } from '../../src/shared/letter-email.ts';
import { planStatusWords, plansAnswering, publishedPlansAsOf, publishedPlansOf, publishedQuotesOf, type PublishedPlan, type PublishedQuote } from '../../src/shared/published.ts';
import { waveIdsAsLabels } from '../../src/shared/wave-words.ts';
import { ActionSchema, StorySchema } from '../../src/pipeline/content/schemas.ts';
import { CUSTOMER_MODEL_VERSION, type CustomerModel, type CustomerWave } from '../../src/pipeline/model/customer-model.ts';

const program: CustomerModel['program'] = {
  name: 'Acme feedback',
  company: 'Acme',
  signatory: { name: 'Ann Lee', title: 'Chief Customer Officer' },
  contactEmail: 'feedback@acme.example',
  logo: null,
  accentColor: '#0b5cad',
  nextWave: 'in March 2027',
};
const wave: CustomerWave = {
  id: 'w2',
  label: 'Q4 2026',
  asOf: '2026-12-01',
  responses: null,
  nps: null,
  themes: [
    { theme: 'reporting', improvement: true, share: null },
    { theme: 'support', improvement: false, share: null },
  ],
  next: null,
};
const model = (p: Partial<CustomerModel['program']> = {}): CustomerModel => ({ version: CUSTOMER_MODEL_VERSION, program: { ...program, ...p }, waves: [wave], accounts: [] });

/** An undated published plan: the same on every date. */
const plan = (id: string, status: PublishedPlan['timeline']['status'], due: string | null, extra: Partial<PublishedPlan> = {}): PublishedPlan => ({
  id,
  title: `Plan ${id}`,
  objective: `Objective ${id}`,
  target: `Target ${id}`,
  due,
  themes: [],
  timeline: { status, result: status === 'done' ? `Result ${id}` : undefined, progress: undefined, started: undefined, tasks: [], history: [] },
  ...extra,
});
const quote = (text: string, role: string | null, w: string | null, score: number | null = null, themes: string[] = []): PublishedQuote => ({
  quote: text,
  role,
  wave: w,
  score,
  themes,
});
const sources = (s: Partial<LetterSources> = {}): LetterSources => ({
  letter: null,
  plans: [plan('a', 'done', '2026-06-30'), plan('b', 'in progress', '2026-12-15'), plan('c', 'planned', null), plan('d', 'on hold', '2027-01-31')],
  quotes: [quote('First.', 'Controller', 'w2'), quote('Earlier.', null, 'w1'), quote('Second.', null, 'w2'), quote('Third.', null, 'w2')],
  ...s,
});

describe('the letter after a wave', () => {
  it('says what was heard, what is done and what is planned, and who signs', () => {
    const doc = letterOf(model(), wave, sources());
    expect(doc.kicker).toBe('Acme feedback · Q4 2026');
    expect(doc.title).toBe('What we heard from you in Q4 2026, and what we are doing about it');
    expect(doc.body).toBeNull();
    expect(doc.opening).toEqual([
      'Thank you to everyone who answered our Q4 2026 survey, and to everyone we invited: this letter goes to all of you. Here is what we heard, what we have already changed, and what comes next.',
    ]);
    expect(doc.figures).toBeNull();
    expect(doc.heard.themes).toEqual([
      { text: 'Reporting: something to improve', answer: 'We have not decided what to change about reporting yet; we will tell you in our next letter.' },
      { text: 'Support: something you value', answer: null },
    ]);
    expect(doc.heard.empty).toBeNull();
    // the wave's quotes only, two at most
    expect(doc.heard.quotes).toEqual([
      { text: 'First.', attribution: 'Controller, at one of our customers' },
      { text: 'Second.', attribution: 'One of our customers' },
    ]);
    expect(doc.improved.plans).toEqual([{ title: 'Plan a', objective: 'Objective a', result: 'Result a', status: null }]);
    // plans on hold are in neither list
    expect(doc.planned.plans.map((p) => p.status)).toEqual(['In progress, to be finished by December 2026. Our goal: Target b', 'Planned. Our goal: Target c']);
    expect([doc.improved.empty, doc.planned.empty]).toEqual([null, null]);
    expect(doc.again.text).toBe('Your answers decide what we work on next. Our next survey opens in March 2027; we hope to hear from you then.');
    expect(doc.signature).toEqual({ closing: 'With thanks,', name: 'Ann Lee', line: 'Chief Customer Officer, Acme' });
  });

  it("takes the written letter's title, body and signer, and publishes figures only as program.yml allows", () => {
    const w: CustomerWave = { ...wave, responses: { n: 1200, responseRate: 0.34 }, nps: { value: -4, n: 1200 }, themes: [{ theme: 'reporting', improvement: true, share: 0.215 }] };
    const doc = letterOf(model(), w, sources({ letter: { title: 'We heard you', signedBy: 'Bo Chen', body: 'Thank you.\n\nMore.' } }));
    expect(doc.title).toBe('We heard you');
    expect(doc.body).toBe('Thank you.\n\nMore.');
    expect(doc.figures).toBe('1,200 of you answered, 34% of those we asked. Our Net Promoter Score was −4 (from 1,200 answers).');
    expect(doc.heard.themes.map((t) => t.text)).toEqual(['Reporting: something to improve (22% of you)']);
    // a letter's own signer signs without the program signatory's title
    expect(doc.signature).toEqual({ closing: 'With thanks,', name: 'Bo Chen', line: 'Acme' });
    expect(letterOf(model(), { ...w, nps: null }, sources()).figures).toBe('1,200 of you answered, 34% of those we asked. ');
    expect(letterOf(model(), { ...w, responses: null }, sources()).figures).toBe('Our Net Promoter Score was −4 (from 1,200 answers).');
  });

  it('says so when there is nothing to report in a section', () => {
    const doc = letterOf(model({ nextWave: null, signatory: null }), { ...wave, themes: [] }, sources({ plans: [], quotes: [] }));
    expect(doc.heard).toEqual({ heading: 'What we heard', themes: [], empty: 'Too few of you wrote comments for us to report themes without pointing at anyone.', quotes: [] });
    expect(doc.improved.empty).toBe('Nothing is finished yet.');
    expect(doc.planned.empty).toBe('We will share our next steps in our next letter.');
    expect(doc.again.text).toBe('Your answers decide what we work on next. We will ask again in our next survey; we hope to hear from you then.');
    expect(doc.signature).toEqual({ closing: 'With thanks,', name: 'The Acme team', line: 'Acme' });
  });

  it('signs the note before a wave the same way', () => {
    expect(signatureOf(program, null)).toEqual({ closing: 'With thanks,', name: 'Ann Lee', line: 'Chief Customer Officer, Acme' });
    expect(signatureOf({ ...program, signatory: { name: 'Ann Lee', title: null } }, null).line).toBe('Acme');
  });
});

describe('the letter as an email', () => {
  /** Every sentence the letter says, as the page shows it. */
  const texts = (doc: LetterDoc) => [
    doc.kicker,
    doc.title,
    doc.greeting,
    ...(doc.body === null ? doc.opening : paragraphs(doc.body)),
    ...(doc.figures === null ? [] : [doc.figures.trim()]),
    doc.heard.heading,
    ...doc.heard.themes.flatMap((t) => [t.text, ...(t.answer === null ? [] : [t.answer])]),
    ...(doc.heard.empty === null ? [] : [doc.heard.empty]),
    ...doc.heard.quotes.flatMap((q) => [q.text, q.attribution]),
    ...[doc.improved, doc.planned].flatMap((s) => [
      s.heading,
      ...(s.empty === null ? [] : [s.empty]),
      ...s.plans.flatMap((p) => [p.title, p.objective, ...(p.result === null ? [] : [p.result]), ...(p.status === null ? [] : [p.status])]),
    ]),
    doc.again.heading,
    doc.again.text,
    doc.signature.closing,
    doc.signature.name,
    doc.signature.line,
  ];
  const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  it('says everything the page says, in order', () => {
    const w: CustomerWave = { ...wave, responses: { n: 90, responseRate: null }, nps: { value: 12, n: 90 } };
    for (const doc of [
      letterOf(model(), w, sources({ letter: { title: 'R&D <update>', signedBy: null, body: 'We *heard* you.\n\nSee [the plan](https://x.example).' } })),
      letterOf(model({ nextWave: null, signatory: null, contactEmail: null }), { ...wave, themes: [] }, sources({ plans: [], quotes: [] })),
    ]) {
      const html = letterEmail(doc, model().program, null);
      let at = 0;
      for (const t of texts(doc)) {
        const found = html.indexOf(escaped(t), at);
        expect(found, `the email says "${t}" after what comes before it`).toBeGreaterThanOrEqual(0);
        at = found;
      }
    }
  });

  it('is self-contained, escapes every text and links the page and the contact address', () => {
    const doc = letterOf(model(), wave, sources({ letter: { title: 'Fish & <chips>', signedBy: null, body: 'Hi "there".' } }));
    const html = letterEmail(doc, program, 'https://feedback.acme.example/heard/w2/');
    expect(html).not.toMatch(/<script|<link|<style|src="/i);
    expect(html).toContain('<title>Fish &amp; &lt;chips&gt;</title>');
    expect(html).toContain('Hi &quot;there&quot;.');
    expect(html).toContain('<a href="https://feedback.acme.example/heard/w2/"');
    expect(html).toContain('Questions or more to tell us? Write to <a href="mailto:feedback@acme.example"');
    expect(letterEmail(doc, { ...program, contactEmail: null }, null)).not.toMatch(/mailto:|Read this letter on the web/);
  });

  it('reads a Markdown body as plain paragraphs', () => {
    expect(paragraphs('# Hello\nthere, *you*.\n\n> See [our plan](https://x.example) `now`.\r\n\r\n\n')).toEqual(['Hello there, you.', 'See our plan now.']);
  });
});

describe('what customers may see of the content', () => {
  const action = (id: string, fields: Record<string, unknown>) => ({
    id,
    data: ActionSchema.parse({
      title: `Plan ${id}`,
      objective: 'o',
      background: 'b',
      business_impact: 'i',
      target: 't',
      owner: 'Internal Owner',
      status: 'in progress',
      ...fields,
    }),
  });

  it('keeps published plans, due by their last task, soonest first, without internal fields', () => {
    const plans = publishedPlansOf([
      action('late', {
        publish_to_customers: true,
        themes: ['reporting'],
        tasks: [
          { name: 'x', start: '2026-01-01', end: '2026-09-30' },
          { name: 'y', start: '2026-02-01', end: '2026-03-31' },
        ],
      }),
      action('hidden', { tasks: [{ name: 'x', start: '2026-01-01', end: '2026-01-31' }] }),
      action('undated', { publish_to_customers: true, themes: ['support'] }),
      action('early', {
        publish_to_customers: true,
        status: 'done',
        result: 'Faster.',
        history: [{ date: '2026-05-04', status: 'done', note: 'Internal: the CFO signed it off.' }],
        tasks: [{ name: 'x', start: '2026-01-01', end: '2026-04-30' }],
      }),
    ]);
    expect(plans.map((p) => [p.id, p.due])).toEqual([
      ['undated', null],
      ['early', '2026-04-30'],
      ['late', '2026-09-30'],
    ]);
    expect(publishedPlansAsOf([plans[1]!], null)).toEqual([
      { id: 'early', title: 'Plan early', objective: 'o', status: 'done', progress: 1, target: 't', result: 'Faster.', due: '2026-04-30', themes: [] },
    ]);
    // the dates stay (a wave's letter needs them), the history's notes do not (they are written for the team)
    expect(plans[1]!.timeline.history).toEqual([{ date: '2026-05-04', status: 'done' }]);
    expect(JSON.stringify(plans)).not.toMatch(/Internal Owner|CFO signed/);
    expect(plansAnswering(plans, ['reporting', 'pricing']).map((p) => p.id)).toEqual(['late']);
    expect(plansAnswering(plans, [])).toEqual([]);
  });

  it('keeps published quotes by id, without the customer or the person', () => {
    const story = (id: string, fields: Record<string, unknown>) => ({
      id,
      data: StorySchema.parse({ title: 't', quote: `Quote ${id}`, customer: 'Secret Corp', person: 'Pat Doe', ...fields }),
    });
    const quotes = publishedQuotesOf([story('b', { publish_to_customers: true, wave: 'w1' }), story('c', {}), story('a', { publish_to_customers: true, role: 'CFO' })]);
    expect(quotes).toEqual([
      { quote: 'Quote a', role: 'CFO', wave: null, score: null, themes: [] },
      { quote: 'Quote b', role: null, wave: 'w1', score: null, themes: [] },
    ]);
  });
});

describe('a letter speaks of its own wave', () => {
  // Three waves as the demo has them: Q4 2025 and Q2 2026 in the past, Q3 2026 the latest.
  const q4: CustomerWave = { ...wave, id: '2025-Q4', label: 'Q4 2025', asOf: '2025-11-28', next: { label: 'Q1 2026', opened: '2026-02-02' } };
  const q2: CustomerWave = { ...wave, id: '2026-Q2', label: 'Q2 2026', asOf: '2026-05-29', next: { label: 'Q3 2026', opened: null } };
  const q3: CustomerWave = { ...wave, id: '2026-Q3', label: 'Q3 2026', asOf: '2026-08-28', next: null };
  const demo = (): CustomerModel => ({ ...model({ nextWave: 'in November 2026' }), waves: [q4, q2, q3] });
  const action = (id: string, fields: Record<string, unknown>) => ({
    id,
    data: ActionSchema.parse({
      title: `Plan ${id}`,
      objective: 'o',
      background: 'b',
      business_impact: 'i',
      target: 't',
      owner: 'O',
      status: 'in progress',
      publish_to_customers: true,
      ...fields,
    }),
  });
  const dated = publishedPlansOf([
    // started in May 2026, under way from June
    action('reporting', {
      themes: ['Reporting'],
      target: 'Reporting no longer the top theme by the 2027-Q1 wave, as promised in 2026-Q2.',
      history: [
        { date: '2026-05-11', status: 'planned' },
        { date: '2026-06-01', status: 'in progress' },
      ],
      tasks: [{ name: 'x', start: '2026-06-01', end: '2026-12-18' }],
    }),
    // done in August 2026
    action('dashboards', {
      status: 'done',
      result: 'Dashboards load in 8 seconds.',
      history: [
        { date: '2026-05-18', status: 'in progress' },
        { date: '2026-08-07', status: 'done' },
      ],
      tasks: [{ name: 'x', start: '2026-05-18', end: '2026-07-31', done: true }],
    }),
  ]);
  const sections = (doc: LetterDoc) => ({ improved: doc.improved.plans.map((p) => p.title), planned: doc.planned.plans.map((p) => p.status) });

  it('shows its plans as they stood on its date, and none that started later', () => {
    expect(sections(letterOf(demo(), q4, sources({ plans: dated })))).toEqual({ improved: [], planned: [] });
    expect(letterOf(demo(), q4, sources({ plans: dated })).improved.empty).toBe('Nothing is finished yet.');
    expect(sections(letterOf(demo(), q2, sources({ plans: dated })))).toEqual({
      improved: [],
      planned: [
        'In progress, to be finished by July 2026. Our goal: t',
        'Planned, to be finished by December 2026. Our goal: Reporting no longer the top theme by the Q1 2027 wave, as promised in Q2 2026.',
      ],
    });
    const latest = letterOf(demo(), q3, sources({ plans: dated }));
    expect(sections(latest).improved).toEqual(['Plan dashboards']);
    expect(latest.improved.plans[0]!.result).toBe('Dashboards load in 8 seconds.');
    expect(sections(latest).planned).toEqual([
      'In progress, to be finished by December 2026. Our goal: Reporting no longer the top theme by the Q1 2027 wave, as promised in Q2 2026.',
    ]);
  });

  it('invites to the survey after its own wave', () => {
    expect(letterOf(demo(), q4, sources()).again.text).toBe('Your answers decide what we work on next. Our next survey opens in February 2026; we hope to hear from you then.');
    expect(letterOf(demo(), q2, sources()).again.text).toBe('Your answers decide what we work on next. We will ask again in our Q3 2026 survey; we hope to hear from you then.');
    expect(letterOf(demo(), q3, sources()).again.text).toBe('Your answers decide what we work on next. Our next survey opens in November 2026; we hope to hear from you then.');
  });

  it('answers every theme to improve beside it: with the plans that name it, or honestly', () => {
    const w: CustomerWave = {
      ...q3,
      themes: [
        { theme: 'reporting', improvement: true, share: null },
        { theme: 'dashboard performance', improvement: true, share: null },
        { theme: 'pricing', improvement: true, share: null },
        { theme: 'support', improvement: false, share: null },
      ],
    };
    const plans = [
      ...dated,
      plan('paused', 'on hold', null, { title: 'Paused pricing review', themes: ['pricing'] }),
      plan('speed', 'done', null, { title: 'Faster dashboards', themes: ['dashboard performance'] }),
      plan('cache', 'in progress', null, { title: 'Caching', themes: ['dashboard performance'] }),
    ];
    expect(letterOf(demo(), w, sources({ plans })).heard.themes).toEqual([
      { text: 'Reporting: something to improve', answer: 'What we are doing about it: “Plan reporting” (below).' },
      { text: 'Dashboard performance: something to improve', answer: 'What we changed: “Faster dashboards” (below). What we are doing about it: “Caching” (below).' },
      // a plan on hold is no answer
      { text: 'Pricing: something to improve', answer: 'We have not decided what to change about pricing yet; we will tell you in our next letter.' },
      { text: 'Support: something you value', answer: null },
    ]);
    // several undecided themes: the full sentence once, then a shorter one
    expect(themeAnswers(w.themes, [])).toEqual([
      'We have not decided what to change about reporting yet; we will tell you in our next letter.',
      'Not decided yet either; we will tell you in our next letter.',
      'Not decided yet either; we will tell you in our next letter.',
      null,
    ]);
    // before the reporting plan started, its theme is not answered yet
    expect(letterOf(demo(), { ...w, asOf: '2026-05-01' }, sources({ plans: dated })).heard.themes[0]!.answer).toBe(
      'We have not decided what to change about reporting yet; we will tell you in our next letter.',
    );
  });

  it('balances praise with a critical quote when the wave has one', () => {
    const praise = quote('Love it.', null, 'w2', 10, ['reporting']);
    const more = quote('Great.', null, 'w2', 9);
    const critical = quote('Reports take too long.', 'Analyst', 'w2', 4, ['reporting']);
    const unscored = quote('Reporting is hard.', null, 'w2', null, ['reporting']);
    expect(letterQuotes([praise, more, critical], 'w2', ['reporting'])).toEqual([critical, praise]);
    // without a score, a story about a theme to improve is critical; praise about it is not
    expect(letterQuotes([praise, more, unscored], 'w2', ['reporting'])).toEqual([unscored, praise]);
    expect(letterQuotes([praise, more, unscored], 'w2', [])).toEqual([praise, more]);
    // all praise: the first two; quotes of other waves never
    expect(letterQuotes([praise, more, { ...critical, wave: 'w1' }], 'w2', ['reporting'])).toEqual([praise, more]);
    expect(letterOf(model(), wave, sources({ quotes: [praise, more, critical] })).heard.quotes).toEqual([
      { text: 'Reports take too long.', attribution: 'Analyst, at one of our customers' },
      { text: 'Love it.', attribution: 'One of our customers' },
    ]);
  });

  it('words wave ids as labels', () => {
    const waves = [
      { id: '2026-Q2', label: 'Q2 2026' },
      { id: '2026-Q3', label: 'Q3 2026' },
    ];
    expect(waveIdsAsLabels('By the 2027-Q1 wave, after 2026-Q3 (not x2026-Q3).', waves)).toBe('By the Q1 2027 wave, after Q3 2026 (not x2026-Q3).');
    // a program whose labels follow another pattern: only its own ids are replaced
    expect(waveIdsAsLabels('By 2027-Q1, after w2.', [{ id: 'w2', label: 'Spring 2026' }])).toBe('By 2027-Q1, after Spring 2026.');
  });
});

describe('plan status in a customer’s words', () => {
  it('says "On hold" for a plan on hold (an account page once called it "In progress")', () => {
    expect((['planned', 'in progress', 'on hold', 'done'] as const).map(planStatusWords)).toEqual(['Planned', 'In progress', 'On hold', 'Done']);
  });
});
