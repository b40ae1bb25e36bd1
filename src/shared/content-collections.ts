/**
 * The content collections both sites read, from the content folder the CLI hands the build
 * (virtual:chorus/content), with the pipeline's zod schemas, so `npm run check` and the build
 * agree on what is valid.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from 'virtual:chorus/content';
import { ActionSchema, BriefingSchema, LetterSchema, ScopeSchema, StorySchema } from '../pipeline/content/schemas.ts';

// Ids are file names as written (briefings/2026-Q1.mdx is "2026-Q1"), so they match wave ids and `story:` references.
// A missing folder is an empty collection, without a warning: a data-only program is normal.
const from = (folder: string) => {
  const base = resolve(contentDir, folder);
  if (!existsSync(base)) return { name: `empty-${folder}`, load: async ({ store }: { store: { clear(): void } }) => store.clear() };
  return glob({ pattern: '**/*.{md,mdx}', base, generateId: ({ entry }) => entry.replace(/\.mdx?$/i, '') });
};

export const collections = {
  stories: defineCollection({ loader: from('stories'), schema: StorySchema }),
  actions: defineCollection({ loader: from('actions'), schema: ActionSchema }),
  program: defineCollection({ loader: from('program'), schema: ScopeSchema }),
  briefings: defineCollection({ loader: from('briefings'), schema: BriefingSchema }),
  letters: defineCollection({ loader: from('letters'), schema: LetterSchema }),
};

/** Whether the content folder has a collection's folder at all (asking Astro for a missing one only adds a warning). */
export const hasCollection = (name: keyof typeof collections): boolean => existsSync(resolve(contentDir, name));
