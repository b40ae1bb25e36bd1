/** One row of `followups.csv`: an entry of the follow-up log for one response. */
import type { z } from 'zod';
import { anyText, date, id, rowSchema, shortText, type CellReader, type DateFormat } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const followupColumns = {
  name: 'followups',
  required: ['response_id', 'status'],
  optional: ['owner', 'opened_at', 'closed_at', 'method', 'note'],
  identity: ['response_id'],
} as const satisfies TableSpec;

export const FOLLOWUP_STATUSES = ['open', 'contacted', 'closed'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

const STATUS_ALIASES: Record<string, FollowupStatus> = {
  open: 'open',
  new: 'open',
  'to do': 'open',
  todo: 'open',
  contacted: 'contacted',
  'in progress': 'contacted',
  in_progress: 'contacted',
  closed: 'closed',
  done: 'closed',
  resolved: 'closed',
};

const status: CellReader<FollowupStatus> = (cell, fail) =>
  STATUS_ALIASES[(cell ?? '').trim().toLowerCase()] ?? fail('status is not open, contacted or closed', 'write open, contacted or closed');

export const followupRowSchema = (dateFormat: DateFormat) =>
  rowSchema(
    {
      response_id: id('response id'),
      owner: shortText,
      status,
      opened_at: date('opened date', dateFormat),
      closed_at: date('closed date', dateFormat),
      method: shortText,
      note: anyText,
    },
    (r, report) => {
      if (r.closed_at !== undefined && r.opened_at !== undefined && r.closed_at < r.opened_at) {
        report('closed_at', 'closed date is before the opened date', 'check both dates');
      }
      if (r.status === 'closed' && r.closed_at === undefined) {
        report('closed_at', 'status is closed but the closed date is empty', 'fill in the date the follow-up was closed');
      }
    },
  );

export type FollowupRow = z.output<ReturnType<typeof followupRowSchema>>;
