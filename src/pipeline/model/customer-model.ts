/**
 * The model the customer site reads: a projection of the internal model holding only what
 * customers may see. Built here, in the pipeline, so no customer page can reach an internal
 * figure: the customer build is given this file and nothing else. No account, contact, owner,
 * revenue, verbatim or segment enters it; response figures and NPS only when program.yml
 * publishes them; themes by rank, with shares only alongside published response figures, and
 * only themes raised by at least the minimum group size of respondents.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { SiteModel } from './types.ts';
import { roundHalfAway } from '../util/format.ts';

export const CUSTOMER_MODEL_VERSION = 1;

/** The URL segment of an account's page: stable for a given secret, unguessable without it. */
export function accountKey(secret: string, accountId: string): string {
  return createHmac('sha256', secret).update(`chorus-account:${accountId}`).digest('hex').slice(0, 32);
}

/** One wave as customers see it. */
const CustomerWaveSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  asOf: z.string().nullable(),
  /** Published only with customer_site.publish_response_figures. */
  responses: z.strictObject({ n: z.number(), responseRate: z.number().nullable() }).nullable(),
  /** Published only with customer_site.publish_nps. */
  nps: z.strictObject({ value: z.number(), n: z.number() }).nullable(),
  /** What customers raised most, most often first; `share` only with published response figures. */
  themes: z.array(z.strictObject({ theme: z.string(), improvement: z.boolean(), share: z.number().nullable() })),
  /** The wave after this one, for "our next survey opens in …" (null for the latest: program.nextWave says when). */
  next: z.strictObject({ label: z.string(), opened: z.string().nullable() }).nullable(),
});

/** A page for one account, at an address only that account is sent. */
const CustomerAccountSchema = z.strictObject({
  /** The unguessable, stable URL segment: HMAC-SHA256(secret, account id), 32 hex digits. */
  key: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string(),
  wave: z.string(),
  /** Themes the account's respondents raised; null when fewer than the minimum group size answered. */
  themes: z.array(z.string()).nullable(),
});

/**
 * The whole customer model. Strict objects: a field this schema does not name is refused on
 * read, so nothing internal can ride along into the customer build unnoticed.
 */
export const CustomerModelSchema = z.strictObject({
  version: z.literal(CUSTOMER_MODEL_VERSION),
  program: z.strictObject({
    name: z.string(),
    company: z.string(),
    signatory: z.strictObject({ name: z.string(), title: z.string().nullable() }).nullable(),
    contactEmail: z.string().nullable(),
    logo: z.string().nullable(),
    accentColor: z.string(),
    /** When the survey after the latest wave opens, as program.yml words it ("in November 2026"). */
    nextWave: z.string().nullable(),
  }),
  waves: z.array(CustomerWaveSchema),
  /** Per-account pages; empty without an account secret. */
  accounts: z.array(CustomerAccountSchema),
});

export type CustomerWave = z.infer<typeof CustomerWaveSchema>;
export type CustomerAccount = z.infer<typeof CustomerAccountSchema>;
export type CustomerModel = z.infer<typeof CustomerModelSchema>;

/** Parses the customer model written at `file`, or says plainly what to do. */
export function readCustomerModel(text: string, file: string): CustomerModel {
  const parsed = CustomerModelSchema.safeParse(JSON.parse(text));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${file} is not the customer model this version of Chorus writes (at ${issue.path.join('.') || 'the top'}: ${issue.message}): run the build again`);
}

export function toCustomerModel(model: SiteModel, accountSecret?: string): CustomerModel {
  const site = model.program.customerSite;
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
    waves: model.waves.map((w, i) => {
      const n = w.figures?.n ?? 0;
      const after = model.waves[i + 1];
      return {
        id: w.id,
        label: w.label,
        asOf: w.asOf,
        responses: site.publishResponseFigures ? { n, responseRate: w.responseRate } : null,
        nps: site.publishNps && w.figures ? { value: roundHalfAway(w.figures.nps), n } : null,
        themes: w.themes.themes
          .filter((t) => t.mentions >= model.program.minCommentGroupSize)
          .slice(0, 5)
          .map((t) => ({ theme: t.theme, improvement: t.improvementMentions > t.byCategory.promoter, share: site.publishResponseFigures && n > 0 ? t.mentions / n : null })),
        next: after ? { label: after.label, opened: after.opened } : null,
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
