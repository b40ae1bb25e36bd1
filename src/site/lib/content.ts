/**
 * Content entries, or none when the content folder lacks the collection: a data-only program
 * is normal, and asking Astro for a collection it found no folder for only adds a warning.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { hasCollection } from '../../shared/content-collections.ts';

type Name = 'stories' | 'actions' | 'program' | 'briefings' | 'letters';

export async function entries<N extends Name>(name: N): Promise<CollectionEntry<N>[]> {
  if (!hasCollection(name)) return [];
  return getCollection(name);
}
