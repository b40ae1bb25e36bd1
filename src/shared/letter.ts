/**
 * The letter after a wave, once, as a structure: what it says, section by section, in the
 * order it says it. The customer site's page (src/customer/components/Letter.astro) and the
 * HTML email (letter-email.ts) both render this structure, so they cannot say different things;
 * only the medium differs (the email adds a link to the page, the page has the site's footer).
 * Pure: built from the customer projection of the model and the published content only.
 */
import type { CustomerModel, CustomerWave } from '../pipeline/model/customer-model.ts';
import { planStatusWords, type PublishedPlan, type PublishedQuote } from './published.ts';
import { formatCount, formatDate, formatNps, formatPercent } from './format.ts';

/** Quotes a letter shows at most. */
export const LETTER_QUOTES = 2;

/** What a letter is written from. */
export interface LetterSources {
  /** content/letters/<wave>-after.md, if written: its title, signer and Markdown body. */
  letter: { title: string; signedBy: string | null; body: string } | null;
  /** Every published plan (the letter picks the done and the current ones). */
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
  heard: { heading: string; themes: string[]; empty: string | null; quotes: { text: string; attribution: string }[] };
  improved: { heading: string; plans: LetterPlan[]; empty: string | null };
  planned: { heading: string; plans: LetterPlan[]; empty: string | null };
  again: { heading: string; text: string };
  signature: Signature;
}

const capitalised = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
/** "2026-12-15" -> "December 2026" */
const monthYear = (iso: string) => formatDate(iso).replace(/^\d+ /, '');

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
  const done = sources.plans.filter((x) => x.status === 'done');
  const current = sources.plans.filter((x) => x.status === 'in progress' || x.status === 'planned');
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
      themes: w.themes.map(
        (t) => `${capitalised(t.theme)}${t.improvement ? ': something to improve' : ': something you value'}${t.share !== null ? ` (${formatPercent(t.share)} of you)` : ''}`,
      ),
      empty: w.themes.length > 0 ? null : 'Too few of you wrote comments for us to report themes without pointing at anyone.',
      quotes: sources.quotes
        .filter((q) => q.wave === w.id)
        .slice(0, LETTER_QUOTES)
        .map((q) => ({ text: q.quote, attribution: q.role ? `${q.role}, at one of our customers` : 'One of our customers' })),
    },
    improved: {
      heading: 'What we have already improved',
      plans: done.map((x) => ({ title: x.title, objective: x.objective, result: x.result, status: null })),
      empty: done.length > 0 ? null : 'Nothing is finished yet; the work below is under way.',
    },
    planned: {
      heading: 'What we are working on',
      plans: current.map((x) => ({
        title: x.title,
        objective: x.objective,
        result: null,
        status: `${planStatusWords(x.status)}${x.due ? `, to be finished by ${monthYear(x.due)}` : ''}. Our goal: ${x.target}`,
      })),
      empty: current.length > 0 ? null : 'We will share our next steps in our next letter.',
    },
    again: {
      heading: 'Tell us again',
      text: `Your answers decide what we work on next.${p.nextWave ? ` Our next survey opens ${p.nextWave}; we hope to hear from you then.` : ' We will ask again in our next survey; we hope to hear from you then.'}`,
    },
    signature: signatureOf(p, letter?.signedBy ?? null),
  };
}
