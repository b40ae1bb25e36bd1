/**
 * The briefing's helpers for pages: the choices themselves (opening story, segments beyond
 * noise, declines and their plans, top initiatives) are made in the pipeline and re-exported
 * here; what is left is page plumbing (a wave's address, warnings printed once).
 */
export { openingStory, significantSegments, topInitiatives, progressOf, type StoryEntry, type ActionEntry, type SegmentFinding } from '../../pipeline/content/briefing-choices.ts';
import type { SiteModel, WaveModel } from '../../pipeline/model/types.ts';
import type { ActionEntry } from '../../pipeline/content/briefing-choices.ts';
import { declines, type Decline as PipelineDecline } from '../../pipeline/content/declines.ts';
import { formatContentWarning, type ContentWarning } from '../../pipeline/content/warnings.ts';

/** A decline and the plans that answer it (the logic lives in the pipeline, which `npm run check` shares). */
export type Decline = PipelineDecline<ActionEntry>;
export { declines };

export const waveHref = (model: SiteModel, w: WaveModel) => (w === model.waves.at(-1) ? '/' : `/briefing/${w.id}/`);

const warned = new Set<string>();

/**
 * A build warning, worded by the catalogue `npm run check` uses (src/pipeline/content/warnings.ts),
 * once per build even when two pages (/ and /briefing/<latest>/) show the same wave.
 */
export function warnOnce(warning: ContentWarning): void {
  const message = formatContentWarning(warning);
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[chorus] warning: ${message}`);
}
