/**
 * What content the customer site may show, reduced to the fields customers may see: published
 * plans without owners, internal impact or obstacles; published quotes without the customer's
 * or the person's name (a customer never sees another customer's identity).
 */
import { entries } from '../../site/lib/content.ts';
import type { Action, Story } from '../../pipeline/content/schemas.ts';

export interface PublishedPlan {
  id: string;
  title: string;
  objective: string;
  status: Action['status'];
  target: string;
  result: string | null;
  /** The last task's end date: when it is planned to be finished. */
  due: string | null;
}

export interface PublishedQuote {
  quote: string;
  role: string | null;
  wave: string | null;
}

export async function publishedPlans(): Promise<PublishedPlan[]> {
  return (await entries('actions'))
    .filter((a) => (a.data as Action).publish_to_customers)
    .map((a) => {
      const d = a.data as Action;
      const due = d.tasks.reduce<string | null>((m, t) => (m === null || t.end > m ? t.end : m), null);
      return { id: a.id, title: d.title, objective: d.objective, status: d.status, target: d.target, result: d.result ?? null, due };
    })
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '', 'en') || (a.id < b.id ? -1 : 1));
}

export async function publishedQuotes(): Promise<PublishedQuote[]> {
  return (await entries('stories'))
    .filter((s) => (s.data as Story).publish_to_customers)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => {
      const d = s.data as Story;
      return { quote: d.quote, role: d.role ?? null, wave: d.wave ?? null };
    });
}
