/**
 * The model the customer site reads: a projection of the internal model holding only what
 * customers may see. Built here, in the pipeline, so no customer page can reach an internal
 * figure: the customer build is given this file and nothing else. No account, contact, owner,
 * revenue, verbatim or segment enters it; response figures and NPS only when program.yml
 * publishes them; themes by rank, with shares only alongside published response figures, and
 * only themes raised by at least the minimum group size of respondents.
 */
import { createHmac } from 'node:crypto';
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

/** A page for one account, at an address only that account is sent. */
export interface CustomerAccount {
  /** The unguessable, stable URL segment: HMAC-SHA256(secret, account id), 32 hex digits. */
  key: string;
  name: string;
  wave: string;
  /** Themes the account's respondents raised; null when fewer than the minimum group size answered. */
  themes: string[] | null;
}

/** The URL segment of an account's page: stable for a given secret, unguessable without it. */
export function accountKey(secret: string, accountId: string): string {
  return createHmac('sha256', secret).update(`chorus-account:${accountId}`).digest('hex').slice(0, 32);
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
  /** Empty without a secret (CHORUS_ACCOUNT_SECRET). */
  accounts: CustomerAccount[];
}

export function toCustomerModel(model: SiteModel, accountSecret?: string): CustomerModel {
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
    accounts: accountSecret ? accountPages(model, accountSecret) : [],
  };
}

function accountPages(model: SiteModel, secret: string): CustomerAccount[] {
  const latest = model.waves.at(-1);
  if (!latest) return [];
  const min = model.program.minGroupSize;
  return latest.accounts.map((a) => ({
    key: accountKey(secret, a.id),
    name: a.name,
    wave: latest.id,
    themes: a.responses >= min ? a.themes.map((t) => t.theme) : null,
  }));
}
