/**
 * Per-response records, kept out of the aggregate model: each page that shows responses
 * themselves (an account's answers, an owner's open alerts) reads its own shard, and the whole
 * follow-up queue goes to CSV files of bounded size. The model stays the same size however many
 * responses a program has; a shard is bounded by the caps below.
 */
import type { AccountAnswer, QueueItem } from '../model/types.ts';

export const RECORDS_VERSION = 1;

/** Answers listed per account and wave on the account's page (lowest scores first). */
export const ACCOUNT_ANSWERS_CAP = 250;
/** Open alerts listed on an owner's page (most urgent first). */
export const OWNER_OPEN_CAP = 500;
/** Overdue alerts listed on the follow-up page. */
export const OVERDUE_CAP = 200;
/** Named promoters listed on the marketing page. */
export const PROMOTERS_CAP = 300;
/** Rows per queue CSV file (about 30 MB at the longest comments). */
export const QUEUE_PART_ROWS = 100_000;

/** One account's page records: its listed answers, wave by wave. */
export interface AccountRecords {
  version: typeof RECORDS_VERSION;
  accountId: string;
  waves: { wave: string; answers: AccountAnswer[]; total: number }[];
}

/** One owner's page records: their open alerts in the latest wave, most urgent first. */
export interface OwnerRecords {
  version: typeof RECORDS_VERSION;
  owner: string;
  wave: string;
  open: QueueItem[];
  total: number;
}

/** Where the pipeline puts records: files in a build, memory in tests (effects injected). */
export interface RecordSink {
  account(slug: string, records: AccountRecords): void;
  owner(slug: string, records: OwnerRecords): void;
  /** One wave's whole follow-up queue, most urgent first (items made as they are read). */
  queue(wave: string, items: Iterable<QueueItem>): void;
  /** The queue CSV files written so far, in order (names only). */
  queueFiles(): string[];
}

/** Keeps records in memory: for tests and for callers that only want the model. */
export class MemorySink implements RecordSink {
  readonly accounts = new Map<string, AccountRecords>();
  readonly owners = new Map<string, OwnerRecords>();
  readonly queues = new Map<string, QueueItem[]>();
  account(slug: string, records: AccountRecords): void {
    this.accounts.set(slug, records);
  }
  owner(slug: string, records: OwnerRecords): void {
    this.owners.set(slug, records);
  }
  queue(wave: string, items: Iterable<QueueItem>): void {
    this.queues.set(wave, [...items]);
  }
  queueFiles(): string[] {
    return [...this.queues.values()].some((q) => q.length > 0) ? ['queue.csv'] : [];
  }
}
