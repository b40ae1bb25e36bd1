/**
 * Content collections read from the content folder (CHORUS_CONTENT, default ./content),
 * with the pipeline's zod schemas, so `npm run check` and the build agree on what is valid.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';
import { ActionSchema, BriefingSchema, ScopeSchema, StorySchema } from '../pipeline/content/schemas.ts';

const content = resolve(process.env['CHORUS_CONTENT'] ?? 'content');
// Ids are file names as written (briefings/2026-Q1.mdx is "2026-Q1"), so they match wave ids and `story:` references.
const from = (folder: string) => glob({ pattern: '**/*.{md,mdx}', base: resolve(content, folder), generateId: ({ entry }) => entry.replace(/\.mdx?$/i, '') });

export const collections = {
  stories: defineCollection({ loader: from('stories'), schema: StorySchema }),
  actions: defineCollection({ loader: from('actions'), schema: ActionSchema }),
  program: defineCollection({ loader: from('program'), schema: ScopeSchema }),
  briefings: defineCollection({ loader: from('briefings'), schema: BriefingSchema }),
};
