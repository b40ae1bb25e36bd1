/**
 * Content entries, or none when the content folder lacks the collection: a data-only program
 * is normal, and asking Astro for a collection it found no folder for only adds a warning.
 * Also what both sites read for the letter after a wave: the letter itself, and the plans and
 * stories customers may see.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { hasCollection } from './content-collections.ts';
import { publishedPlansOf, publishedQuotesOf, type PublishedPlan, type PublishedQuote } from './published.ts';
import type { Action, Letter, Story } from '../pipeline/content/schemas.ts';
import type { LetterSources } from './letter.ts';

type Name = 'stories' | 'actions' | 'program' | 'briefings' | 'letters';

export async function entries<N extends Name>(name: N): Promise<CollectionEntry<N>[]> {
  if (!hasCollection(name)) return [];
  return getCollection(name);
}

export async function publishedPlans(): Promise<PublishedPlan[]> {
  return publishedPlansOf((await entries('actions')).map((a) => ({ id: a.id, data: a.data as Action })));
}

export async function publishedQuotes(): Promise<PublishedQuote[]> {
  return publishedQuotesOf((await entries('stories')).map((s) => ({ id: s.id, data: s.data as Story })));
}

/** The letter after a wave (content/letters/<wave>-after.md) as an entry to render, and everything the letter is written from. */
export async function letterAfter(wave: string): Promise<{ entry: CollectionEntry<'letters'> | null; sources: LetterSources }> {
  const entry = (await entries('letters')).find((l) => (l.data as Letter).wave === wave && (l.data as Letter).kind === 'after') ?? null;
  const data = entry?.data as Letter | undefined;
  return {
    entry,
    sources: {
      letter: entry && data ? { title: data.title, signedBy: data.signed_by ?? null, body: entry.body ?? '' } : null,
      plans: await publishedPlans(),
      quotes: await publishedQuotes(),
    },
  };
}
