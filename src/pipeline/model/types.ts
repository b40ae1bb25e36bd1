/**
 * The model of a wave that pages read: plain, serialisable data with no identities.
 * Nothing in here may name or point at a confidential respondent; the pipeline builds it
 * from aggregates, and per-response data enters it only through `toPublicResponse`
 * (added with the pages that need it).
 */
import type { Histogram } from './histogram.ts';
import type { IngestReport } from '../ingest/report.ts';

export const MODEL_VERSION = 1;

export interface WaveSummary {
  id: string;
  label: string;
  /** The date time-dependent figures use: program.yml's as_of, else the last response date. */
  asOf: string | null;
  histogram: Histogram;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  mean: number | null;
  /** Contacts invited (null without an invitations file for the wave). */
  invited: number | null;
  confidential: number;
}

export interface SiteModel {
  version: typeof MODEL_VERSION;
  program: {
    name: string;
    company: string;
    currency: string;
    minGroupSize: number;
  };
  waves: WaveSummary[];
  ingest: IngestReport;
}
