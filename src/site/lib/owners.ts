/** Owners of follow-up (account owners and named rule owners) and the addresses of their pages. */
import { slugsFor } from '../../pipeline/util/slug.ts';
import type { SiteModel } from '../../pipeline/model/types.ts';

export function ownerSlugs(model: SiteModel): Map<string, string> {
  const names = new Set<string>();
  for (const w of model.waves) {
    for (const q of w.queue) names.add(q.owner);
    for (const a of w.accounts) if (a.owner) names.add(a.owner);
  }
  return slugsFor(names);
}

/** What the conversation is for, by category. */
export const PURPOSE = {
  detractor: 'Recover and fix: listen, put right what went wrong, and agree what happens next.',
  passive: 'Learn what would make them a promoter: what one thing would change their answer?',
  promoter: 'Thank them, and ask for a reference, a testimonial or a seat on the customer advisory board.',
} as const;
