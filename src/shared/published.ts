/**
 * What content customers may see, reduced to the fields they may see: published plans without
 * owners, internal impact or obstacles; published quotes without the customer's or the person's
 * name (a customer never sees another customer's identity). Pure: collection entries in (the
 * loaders are in content.ts), so the letter's page and its email are built from the same lists.
 *
 * A published plan keeps its dates and statuses (never its history's notes, which are written for
 * the team), so each wave's letter and the account pages show it as it stood on that wave's date:
 * `publishedPlansAsOf`.
 */
import type { Action, Story } from '../pipeline/content/schemas.ts';
import { planAsOf, type PlanTimeline } from '../pipeline/content/plan-as-of.ts';

export interface PublishedPlan {
  id: string;
  title: string;
  objective: string;
  target: string;
  /** The last task's end date: when it is planned to be finished. */
  due: string | null;
  /** The themes it answers (theme names are what customers are told they raised). */
  themes: string[];
  /** Its status, progress, tasks, result and their dates, for what it was on a given day (planAsOf). */
  timeline: PlanTimeline;
}

/** A published plan as it stood on a wave's date. */
export interface PublishedPlanAsOf extends Omit<PublishedPlan, 'timeline'> {
  status: Action['status'];
  /** Share done, 0–1, when known. */
  progress: number | null;
  /** What it achieved, once done. */
  result: string | null;
}

export interface PublishedQuote {
  quote: string;
  role: string | null;
  wave: string | null;
  /** The score the customer gave, when the story says (a letter balances praise with criticism). */
  score: number | null;
  /** The themes the story illustrates. */
  themes: string[];
}

/** A plan's status in a customer's words. */
export function planStatusWords(status: Action['status']): string {
  return { planned: 'Planned', 'in progress': 'In progress', 'on hold': 'On hold', done: 'Done' }[status];
}

/** Plans marked publish_to_customers, soonest due first (undated first), then by id. */
export function publishedPlansOf(actions: { id: string; data: Action }[]): PublishedPlan[] {
  return actions
    .filter((a) => a.data.publish_to_customers)
    .map((a) => {
      const d = a.data;
      const due = d.tasks.reduce<string | null>((m, t) => (m === null || t.end > m ? t.end : m), null);
      const timeline: PlanTimeline = {
        status: d.status,
        progress: d.progress,
        result: d.result,
        started: d.started,
        tasks: d.tasks,
        history: d.history.map(({ note: _internal, ...h }) => h),
      };
      return { id: a.id, title: d.title, objective: d.objective, target: d.target, due, themes: d.themes, timeline };
    })
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '', 'en') || (a.id < b.id ? -1 : 1));
}

/** The published plans as they stood on `asOf` (a wave's date; null: now), leaving out those not started by then. */
export function publishedPlansAsOf(plans: readonly PublishedPlan[], asOf: string | null): PublishedPlanAsOf[] {
  return plans.flatMap(({ timeline, ...p }) => {
    const then = planAsOf(timeline, asOf);
    return then ? [{ ...p, status: then.status, progress: then.progress, result: then.result }] : [];
  });
}

/** Stories marked publish_to_customers, by id, without any name. */
export function publishedQuotesOf(stories: { id: string; data: Story }[]): PublishedQuote[] {
  return stories
    .filter((s) => s.data.publish_to_customers)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => ({ quote: s.data.quote, role: s.data.role ?? null, wave: s.data.wave ?? null, score: s.data.score ?? null, themes: s.data.themes }));
}

/** The plans that answer any of the given themes (an account's page: what we do about what its team raised). */
export function plansAnswering<P extends Pick<PublishedPlan, 'themes'>>(plans: readonly P[], themes: readonly string[]): P[] {
  const wanted = new Set(themes.map((t) => t.toLowerCase()));
  return plans.filter((p) => p.themes.some((t) => wanted.has(t.toLowerCase())));
}
