/**
 * The letter after a wave, built once (src/shared/letter.ts) and rendered as the customer page
 * and as the HTML email: what it says in each case, and that the email says all of it.
 */
import { describe, expect, it } from 'vitest';
import { letterOf, signatureOf, type LetterDoc, type LetterSources } from '../../src/shared/letter.ts';
import { letterEmail, paragraphs } from '../../src/shared/letter-email.ts';
import { planStatusWords, plansAnswering, publishedPlansOf, publishedQuotesOf, type PublishedPlan } from '../../src/shared/published.ts';
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
};
const model = (p: Partial<CustomerModel['program']> = {}): CustomerModel => ({ version: CUSTOMER_MODEL_VERSION, program: { ...program, ...p }, waves: [wave], accounts: [] });

const plan = (id: string, status: PublishedPlan['status'], due: string | null, extra: Partial<PublishedPlan> = {}): PublishedPlan => ({
  id,
  title: `Plan ${id}`,
  objective: `Objective ${id}`,
  status,
  target: `Target ${id}`,
  result: status === 'done' ? `Result ${id}` : null,
  due,
  themes: [],
  ...extra,
});
const sources = (s: Partial<LetterSources> = {}): LetterSources => ({
  letter: null,
  plans: [plan('a', 'done', '2026-06-30'), plan('b', 'in progress', '2026-12-15'), plan('c', 'planned', null), plan('d', 'on hold', '2027-01-31')],
  quotes: [
    { quote: 'First.', role: 'Controller', wave: 'w2' },
    { quote: 'Earlier.', role: null, wave: 'w1' },
    { quote: 'Second.', role: null, wave: 'w2' },
    { quote: 'Third.', role: null, wave: 'w2' },
  ],
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
    expect(doc.heard.themes).toEqual(['Reporting: something to improve', 'Support: something you value']);
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
    expect(doc.heard.themes).toEqual(['Reporting: something to improve (22% of you)']);
    // a letter's own signer signs without the program signatory's title
    expect(doc.signature).toEqual({ closing: 'With thanks,', name: 'Bo Chen', line: 'Acme' });
    expect(letterOf(model(), { ...w, nps: null }, sources()).figures).toBe('1,200 of you answered, 34% of those we asked. ');
    expect(letterOf(model(), { ...w, responses: null }, sources()).figures).toBe('Our Net Promoter Score was −4 (from 1,200 answers).');
  });

  it('says so when there is nothing to report in a section', () => {
    const doc = letterOf(model({ nextWave: null, signatory: null }), { ...wave, themes: [] }, sources({ plans: [], quotes: [] }));
    expect(doc.heard).toEqual({ heading: 'What we heard', themes: [], empty: 'Too few of you wrote comments for us to report themes without pointing at anyone.', quotes: [] });
    expect(doc.improved.empty).toBe('Nothing is finished yet; the work below is under way.');
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
    ...doc.heard.themes,
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
      action('early', { publish_to_customers: true, status: 'done', result: 'Faster.', tasks: [{ name: 'x', start: '2026-01-01', end: '2026-04-30' }] }),
    ]);
    expect(plans.map((p) => [p.id, p.due])).toEqual([
      ['undated', null],
      ['early', '2026-04-30'],
      ['late', '2026-09-30'],
    ]);
    expect(plans[1]).toEqual({ id: 'early', title: 'Plan early', objective: 'o', status: 'done', target: 't', result: 'Faster.', due: '2026-04-30', themes: [] });
    expect(JSON.stringify(plans)).not.toContain('Internal Owner');
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
      { quote: 'Quote a', role: 'CFO', wave: null },
      { quote: 'Quote b', role: null, wave: 'w1' },
    ]);
  });
});

describe('plan status in a customer’s words', () => {
  it('says "On hold" for a plan on hold (an account page once called it "In progress")', () => {
    expect((['planned', 'in progress', 'on hold', 'done'] as const).map(planStatusWords)).toEqual(['Planned', 'In progress', 'On hold', 'Done']);
  });
});
