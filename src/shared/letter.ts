/**
 * The letter after a wave, once, as a structure: what it says, section by section, in the
 * order it says it. The customer site's page (src/customer/components/Letter.astro) and the
 * HTML email (letter-email.ts) both render this structure, so they cannot say different things;
 * only the medium differs (the email adds a link to the page, the page has the site's footer).
 * Pure: built from the customer projection of the model and the published content only.
 *
 * A letter speaks of its own wave: its plans as they stood on the wave's date, its quotes, and
 * the survey after it. Every theme it lists as something to improve is answered, by the plans
 * that name it or by saying that nothing is decided yet; its quotes are not only praise.
 */
import type { CustomerModel, CustomerWave } from '../pipeline/model/customer-model.ts';
import { planStatusWords, plansAnswering, publishedPlansAsOf, type PublishedPlan, type PublishedPlanAsOf, type PublishedQuote } from './published.ts';
import { formatCount, formatMonth, formatNps, formatPercent } from './format.ts';
import { waveIdsAsLabels } from './wave-words.ts';

/** Quotes a letter shows at most. */
export const LETTER_QUOTES = 2;

/** What a letter is written from. */
export interface LetterSources {
  /** content/letters/<wave>-after.md, if written: its title, signer and Markdown body. */
  letter: { title: string; signedBy: string | null; body: string } | null;
  /** Every published plan, with its dates (the letter takes them as they stood on the wave's date). */
  plans: PublishedPlan[];
  /** Every published quote (the letter picks the wave's). */
  quotes: PublishedQuote[];
}

export interface LetterPlan {
  title: string;
  objective: string;
  /** What it achieved (done plans). */
  result: string | null;
  /** Where it stands, when it is due and its goal (plans under way). */
  status: string | null;
}

export interface Signature {
  closing: string;
  name: string;
  /** The signer's title and company, or the company. */
  line: string;
}

export interface LetterDoc {
  /** The line above the title: the program and the wave. */
  kicker: string;
  title: string;
  greeting: string;
  /** The letter's own Markdown body when one is written (each medium renders it its way); null when not. */
  body: string | null;
  /** The opening paragraphs used when no body is written. */
  opening: string[];
  /** How many answered, and the NPS: only what program.yml publishes; null when it publishes neither. */
  figures: string | null;
  heard: { heading: string; themes: HeardTheme[]; empty: string | null; quotes: { text: string; attribution: string }[] };
  improved: { heading: string; plans: LetterPlan[]; empty: string | null };
  planned: { heading: string; plans: LetterPlan[]; empty: string | null };
  again: { heading: string; text: string };
  signature: Signature;
}

/** A theme the letter lists, and for one to improve, what we do about it. */
export interface HeardTheme {
  /** "Reporting usability: something to improve (22% of you)" */
  text: string;
  /** For a theme to improve: the plans that answer it, or that nothing is decided yet; null for a theme customers value. */
  answer: string | null;
}

const capitalised = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const joined = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);

/** Scores of 9 and 10 are praise; 6 and below, criticism. */
const PRAISE = 9;
const CRITICISM = 6;

/**
 * The wave's quotes, at most LETTER_QUOTES: one critical and one positive when the wave has both
 * (critical: a score of 6 or less, or, short of praise, a story about a theme to improve), else the
 * first ones.
 */
export function letterQuotes(quotes: readonly PublishedQuote[], waveId: string, toImprove: readonly string[]): PublishedQuote[] {
  const own = quotes.filter((q) => q.wave === waveId);
  const improve = new Set(toImprove.map((t) => t.toLowerCase()));
  const critical = (q: PublishedQuote) =>
    (q.score !== null && q.score <= CRITICISM) || ((q.score === null || q.score < PRAISE) && q.themes.some((t) => improve.has(t.toLowerCase())));
  const bad = own.find(critical);
  const good = own.find((q) => !critical(q));
  if (bad && good && LETTER_QUOTES >= 2) return [bad, good, ...own.filter((q) => q !== bad && q !== good)].slice(0, LETTER_QUOTES);
  return own.slice(0, LETTER_QUOTES);
}

/**
 * What we do about each theme to improve, in a sentence beside it (null for a theme customers
 * value): the published plans that name it (not those on hold), or an honest "not decided yet",
 * said in full for the first such theme and shorter after it, so a list of them does not repeat
 * one sentence.
 */
export function themeAnswers(themes: readonly { theme: string; improvement: boolean }[], plans: readonly PublishedPlanAsOf[]): (string | null)[] {
  let undecided = false;
  return themes.map((t) => {
    if (!t.improvement) return null;
    const answering = plansAnswering(plans, [t.theme]).filter((x) => x.status !== 'on hold');
    if (answering.length === 0) {
      const words = undecided
        ? 'Not decided yet either; we will tell you in our next letter.'
        : `We have not decided what to change about ${t.theme.toLowerCase()} yet; we will tell you in our next letter.`;
      undecided = true;
      return words;
    }
    const done = answering.filter((x) => x.status === 'done').map((x) => `“${x.title}”`);
    const doing = answering.filter((x) => x.status !== 'done').map((x) => `“${x.title}”`);
    return [...(done.length > 0 ? [`What we changed: ${joined(done)} (below).`] : []), ...(doing.length > 0 ? [`What we are doing about it: ${joined(doing)} (below).`] : [])].join(
      ' ',
    );
  });
}

/** "Our next survey opens …": the wave after this one, or for the latest wave, program.yml's next_wave. */
function nextSurvey(model: CustomerModel, w: CustomerWave): string {
  if (w.next?.opened) return ` Our next survey opens in ${formatMonth(w.next.opened)}; we hope to hear from you then.`;
  if (w.next) return ` We will ask again in our ${w.next.label} survey; we hope to hear from you then.`;
  if (model.program.nextWave) return ` Our next survey opens ${model.program.nextWave}; we hope to hear from you then.`;
  return ' We will ask again in our next survey; we hope to hear from you then.';
}

/** The signature of a letter to customers: its own signer, else program.yml's signatory (with their title), else the team. */
export function signatureOf(program: CustomerModel['program'], signedBy: string | null): Signature {
  const name = signedBy ?? program.signatory?.name ?? `The ${program.company} team`;
  const line = program.signatory?.title && signedBy === null ? `${program.signatory.title}, ${program.company}` : program.company;
  return { closing: 'With thanks,', name, line };
}

/** The question every page and email to customers ends with, before the address to write to. */
export const CONTACT_PROMPT = 'Questions or more to tell us?';

export function letterOf(model: CustomerModel, w: CustomerWave, sources: LetterSources): LetterDoc {
  const p = model.program;
  const { letter } = sources;
  // The plans as they stood on the wave's date, in words customers know (wave labels, not ids).
  const words = (t: string) => waveIdsAsLabels(t, model.waves);
  const plans = publishedPlansAsOf(sources.plans, w.asOf).map((x) => ({
    ...x,
    title: words(x.title),
    objective: words(x.objective),
    target: words(x.target),
    result: x.result && words(x.result),
  }));
  const done = plans.filter((x) => x.status === 'done');
  const current = plans.filter((x) => x.status === 'in progress' || x.status === 'planned');
  const toImprove = w.themes.filter((t) => t.improvement).map((t) => t.theme);
  const answers = themeAnswers(w.themes, plans);
  const responses = w.responses
    ? `${formatCount(w.responses.n)} of you answered${w.responses.responseRate !== null ? `, ${formatPercent(w.responses.responseRate)} of those we asked` : ''}. `
    : '';
  const nps = w.nps ? `Our Net Promoter Score was ${formatNps(w.nps.value)} (from ${formatCount(w.nps.n)} answers).` : '';
  return {
    kicker: `${p.name} · ${w.label}`,
    title: letter?.title ?? `What we heard from you in ${w.label}, and what we are doing about it`,
    greeting: 'Dear customer,',
    body: letter ? letter.body : null,
    opening: [
      `Thank you to everyone who answered our ${w.label} survey, and to everyone we invited: this letter goes to all of you. Here is what we heard, what we have already changed, and what comes next.`,
    ],
    figures: w.responses || w.nps ? `${responses}${nps}` : null,
    heard: {
      heading: 'What we heard',
      themes: w.themes.map((t, i) => ({
        text: `${capitalised(t.theme)}${t.improvement ? ': something to improve' : ': something you value'}${t.share !== null ? ` (${formatPercent(t.share)} of you)` : ''}`,
        answer: answers[i]!,
      })),
      empty: w.themes.length > 0 ? null : 'Too few of you wrote comments for us to report themes without pointing at anyone.',
      quotes: letterQuotes(sources.quotes, w.id, toImprove).map((q) => ({ text: q.quote, attribution: q.role ? `${q.role}, at one of our customers` : 'One of our customers' })),
    },
    improved: {
      heading: 'What we have already improved',
      plans: done.map((x) => ({ title: x.title, objective: x.objective, result: x.result, status: null })),
      empty: done.length > 0 ? null : current.length > 0 ? 'Nothing is finished yet; the work below is under way.' : 'Nothing is finished yet.',
    },
    planned: {
      heading: 'What we are working on',
      plans: current.map((x) => ({
        title: x.title,
        objective: x.objective,
        result: null,
        status: `${planStatusWords(x.status)}${x.due ? `, to be finished by ${formatMonth(x.due)}` : ''}. Our goal: ${x.target}`,
      })),
      empty: current.length > 0 ? null : 'We will share our next steps in our next letter.',
    },
    again: {
      heading: 'Tell us again',
      text: `Your answers decide what we work on next.${nextSurvey(model, w)}`,
    },
    signature: signatureOf(p, letter?.signedBy ?? null),
  };
}
