/**
 * The model the customer site reads: a projection of the internal model holding only what
 * customers may see. Built here, in the pipeline, so no customer page can reach an internal
 * figure: the customer build is given this file and nothing else. No account, contact, owner,
 * revenue, verbatim or segment enters it; response figures and NPS only when program.yml
 * publishes them; themes by rank, with shares only alongside published response figures, and
 * only themes raised by at least the minimum group size of respondents.
 */
import type { SiteModel } from './types.ts';

export const CUSTOMER_MODEL_VERSION = 1;

export interface CustomerWave {
  id: string;
  label: string;
  asOf: string | null;
  /** Published only with customer_site.publish_response_figures. */
  responses: { n: number; responseRate: number | null } | null;
  /** Published only with customer_site.publish_nps. */
  nps: { value: number; n: number } | null;
  /** What customers raised most, most often first; `share` only with published response figures. */
  themes: { theme: string; improvement: boolean; share: number | null }[];
}

export interface CustomerModel {
  version: typeof CUSTOMER_MODEL_VERSION;
  program: {
    name: string;
    company: string;
    signatory: { name: string; title: string | null } | null;
    contactEmail: string | null;
    logo: string | null;
    accentColor: string;
    nextWave: string | null;
  };
  waves: CustomerWave[];
}

export function toCustomerModel(model: SiteModel): CustomerModel {
  const site = model.program.customerSite;
  const min = model.program.minGroupSize;
  return {
    version: CUSTOMER_MODEL_VERSION,
    program: {
      name: model.program.name,
      company: model.program.company,
      signatory: model.program.signatory ? { name: model.program.signatory.name, title: model.program.signatory.title } : null,
      contactEmail: site.contactEmail,
      logo: site.logo,
      accentColor: site.accentColor,
      nextWave: site.nextWave,
    },
    waves: model.waves.map((w) => {
      const n = w.figures?.n ?? 0;
      return {
        id: w.id,
        label: w.label,
        asOf: w.asOf,
        responses: site.publishResponseFigures ? { n, responseRate: w.responseRate } : null,
        nps: site.publishNps && w.figures ? { value: Math.round(w.figures.nps), n } : null,
        themes: w.themes.themes
          .filter((t) => t.mentions >= min)
          .slice(0, 5)
          .map((t) => ({ theme: t.theme, improvement: t.improvementMentions > t.byCategory.promoter, share: site.publishResponseFigures && n > 0 ? t.mentions / n : null })),
      };
    }),
  };
}
