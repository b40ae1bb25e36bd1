/**
 * The layout of an output's working folder (under .chorus/, never published): the analysis
 * folders, and the file naming the one pages read. Its own module, so pages can know the names
 * without loading the pipeline.
 */
/** What one analysis leaves in its folder; pages and exports read it from there. */
export const ANALYSIS_FILES = {
  model: 'model.json',
  /** The ingest report with every count, for the command line (pages show the model's). */
  report: 'ingest-report.json',
  /** Every rejected row with its reason (streamed while reading). */
  rejected: 'rejected-rows.csv',
  /** Salted digests of confidential respondents' names and emails, to check stories against. */
  identities: 'identities.json',
  /** Every invited contact, for `npm run mail-merge` only (never published). */
  mailMerge: 'mail-merge.json',
  /** The score cube's CSV files (docs/cube.md). */
  cube: 'cube',
  /** Written last: the folder is complete. */
  complete: 'complete',
} as const;

/** The file in the working folder that names the analysis folder pages read. */
export const CURRENT = 'current';
