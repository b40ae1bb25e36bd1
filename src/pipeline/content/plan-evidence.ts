/**
 * What the data says about an action plan: for each theme, segment value and rated attribute
 * its frontmatter names, the latest wave's figures (and each attribute's mean wave by wave).
 * Pure: the plan and the model in, the evidence out; the plan's page only puts it in words.
 */
import type { Action } from './schemas.ts';
import type { AttributeFigures, SegmentValue, SiteModel, ThemeFigures } from '../model/types.ts';

export interface PlanEvidence {
  /** The wave the evidence is from (the latest); null for a model without waves. */
  wave: { id: string; label: string } | null;
  /** `figures` is null when no comment of the wave raised the theme. */
  themes: { theme: string; figures: ThemeFigures | null }[];
  /** `label` is the dimension's label (its id when program.yml has no such dimension); `figures` is null when the value had no response. */
  segments: { dimension: string; value: string; label: string; figures: SegmentValue['figures'] | null }[];
  /** `label` and `figures` are null when program.yml rates no such attribute. */
  attributes: { id: string; label: string | null; figures: AttributeFigures['figures'] | null; byWave: { wave: string; mean: number | null }[] }[];
}

export function planEvidence(model: SiteModel, plan: Pick<Action, 'themes' | 'segments' | 'attributes'>): PlanEvidence {
  const w = model.waves.at(-1);
  return {
    wave: w ? { id: w.id, label: w.label } : null,
    themes: plan.themes.map((theme) => ({ theme, figures: w?.themes.themes.find((x) => x.theme === theme) ?? null })),
    segments: plan.segments.map(({ dimension, value }) => {
      const d = w?.segments.find((x) => x.id === dimension);
      return { dimension, value, label: d?.label ?? dimension, figures: d?.values.find((v) => v.value === value)?.figures ?? null };
    }),
    attributes: plan.attributes.map((id) => {
      const a = w?.attributes.find((x) => x.id === id);
      return {
        id,
        label: a?.label ?? null,
        figures: a?.figures ?? null,
        byWave: model.waves.map((x) => {
          const f = x.attributes.find((y) => y.id === id)?.figures;
          return { wave: x.label, mean: f && !f.suppressed ? f.mean : null };
        }),
      };
    }),
  };
}
