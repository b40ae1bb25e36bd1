/**
 * What content customers may see, reduced to the fields they may see: published plans without
 * owners, internal impact or obstacles; published quotes without the customer's or the person's
 * name (a customer never sees another customer's identity). Pure: collection entries in (the
 * loaders are in content.ts), so the letter's page and its email are built from the same lists.
 */
import type { Action, Story } from '../pipeline/content/schemas.ts';

export interface PublishedPlan {
  id: string;
  title: string;
  objective: string;
  status: Action['status'];
  target: string;
  result: string | null;
  /** The last task's end date: when it is planned to be finished. */
  due: string | null;
  /** The themes it answers (theme names are what customers are told they raised). */
  themes: string[];
}

export interface PublishedQuote {
  quote: string;
  role: string | null;
  wave: string | null;
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
      return { id: a.id, title: d.title, objective: d.objective, status: d.status, target: d.target, result: d.result ?? null, due, themes: d.themes };
    })
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '', 'en') || (a.id < b.id ? -1 : 1));
}

/** Stories marked publish_to_customers, by id, without any name. */
export function publishedQuotesOf(stories: { id: string; data: Story }[]): PublishedQuote[] {
  return stories
    .filter((s) => s.data.publish_to_customers)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => ({ quote: s.data.quote, role: s.data.role ?? null, wave: s.data.wave ?? null }));
}

/** The plans that answer any of the given themes (an account's page: what we do about what its team raised). */
export function plansAnswering(plans: PublishedPlan[], themes: readonly string[]): PublishedPlan[] {
  return plans.filter((p) => p.themes.some((t) => themes.includes(t)));
}
