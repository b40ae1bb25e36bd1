/**
 * Content entries, or none when the content folder lacks the collection: a data-only program
 * is normal, and asking Astro for a collection it found no folder for only adds a warning.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';

type Name = 'stories' | 'actions' | 'program' | 'briefings' | 'letters';

export async function entries<N extends Name>(name: N): Promise<CollectionEntry<N>[]> {
  if (!existsSync(resolve(process.env['CHORUS_CONTENT'] ?? 'content', name))) return [];
  return getCollection(name);
}
