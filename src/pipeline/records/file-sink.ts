/**
 * Writes records as files: records/accounts/<slug>.json, records/owners/<slug>.json, and the
 * queue as exports/queue.csv, queue-2.csv, … of at most QUEUE_PART_ROWS rows each.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUEUE_PART_ROWS, type AccountRecords, type OwnerRecords, type RecordSink } from './types.ts';
import { queueCsv } from './queue-csv.ts';
import type { QueueItem } from '../model/types.ts';

/** Rows turned into CSV text at a time, so a wave of a million alerts never becomes one string. */
const CHUNK = 10_000;

export class FileSink implements RecordSink {
  private readonly files: string[] = [];
  private readonly dir: string;
  private readonly partRows: number;
  private rowsInPart: number;

  constructor(dir: string, partRows = QUEUE_PART_ROWS) {
    this.dir = dir;
    this.partRows = partRows;
    this.rowsInPart = partRows;
    for (const d of ['records/accounts', 'records/owners', 'exports']) mkdirSync(join(dir, d), { recursive: true });
  }

  account(slug: string, records: AccountRecords): void {
    writeFileSync(join(this.dir, 'records', 'accounts', `${slug}.json`), JSON.stringify(records));
  }

  owner(slug: string, records: OwnerRecords): void {
    writeFileSync(join(this.dir, 'records', 'owners', `${slug}.json`), JSON.stringify(records));
  }

  queue(wave: string, items: Iterable<QueueItem>): void {
    if (this.files.length === 0) this.startPart();
    let chunk: QueueItem[] = [];
    const flush = () => {
      appendFileSync(this.current(), queueCsv(wave, chunk, false));
      this.rowsInPart += chunk.length;
      chunk = [];
    };
    for (const item of items) {
      if (this.rowsInPart >= this.partRows) this.startPart();
      chunk.push(item);
      if (chunk.length === CHUNK || this.rowsInPart + chunk.length === this.partRows) flush();
    }
    if (chunk.length > 0) flush();
  }

  queueFiles(): string[] {
    return [...this.files];
  }

  private current(): string {
    return join(this.dir, 'exports', this.files.at(-1)!);
  }

  private startPart(): void {
    this.files.push(this.files.length === 0 ? 'queue.csv' : `queue-${this.files.length + 1}.csv`);
    writeFileSync(this.current(), queueCsv('', [], true));
    this.rowsInPart = 0;
  }
}
