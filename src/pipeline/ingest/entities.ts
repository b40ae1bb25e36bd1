/**
 * The validated records ingest hands to the analysis. These carry identities and stay
 * inside the pipeline: pages read the model (`model/types.ts`), never these.
 */
import type { IdIndex } from './id-index.ts';

export type Segments = Record<string, string | undefined>;

export interface Account {
  id: string;
  name?: string | undefined;
  arr?: number | undefined;
  renewalDate?: string | undefined;
  owner?: string | undefined;
  segments: Segments;
}

export interface Contact {
  id: string;
  accountId?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  /** The role as written in contacts.csv. */
  role?: string | undefined;
  /** The program.yml role it maps to, if any. */
  roleId?: string | undefined;
  segments: Segments;
}

export interface Wave {
  id: string;
  label: string;
  /** Position in the program's wave order, from 0. */
  index: number;
  /** responses/<id>.csv, relative to the data folder. */
  file: string | null;
  asOf?: string | undefined;
  opened?: string | undefined;
  closed?: string | undefined;
  period: string;
}

/**
 * One valid response. `confidential` marks a respondent who chose not to be identified:
 * later stages must drop `contactId`, `responseId` and the comment's attribution
 * before anything reaches a page (see `model/`).
 */
export interface IngestedResponse {
  wave: string;
  waveIndex: number;
  responseId: string;
  score: number;
  submittedAt?: string | undefined;
  contactId?: string | undefined;
  accountId?: string | undefined;
  roleId?: string | undefined;
  comment?: string | undefined;
  confidential: boolean;
  themes: readonly string[];
  segments: Segments;
  /** Attribute ratings in program.yml's order, then overall satisfaction if asked; undefined = not answered. */
  ratings: readonly (number | undefined)[];
}

/** One wave's invitations: the contacts invited (id -> 1) and the count per account. */
export interface WaveInvitations {
  contacts: IdIndex;
  byAccount: Map<string, number>;
}

export interface Metric {
  metric: string;
  period: string;
  value: number;
  unit?: string | undefined;
  accountId?: string | undefined;
  segments: Segments;
}

export interface FollowupEntry {
  responseId: string;
  status: 'open' | 'contacted' | 'closed';
  owner?: string | undefined;
  openedAt?: string | undefined;
  closedAt?: string | undefined;
  method?: string | undefined;
  note?: string | undefined;
}
