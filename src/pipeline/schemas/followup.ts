/** One row of `followups.csv`: an entry of the follow-up log for one response. */
import { z } from 'zod';
import { dateCell, idCell, shortTextCell, problem, type DateFormat } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const followupColumns = {
  name: 'followups',
  required: ['response_id', 'status'],
  optional: ['owner', 'opened_at', 'closed_at', 'method', 'note'],
  identity: ['response_id'],
} as const satisfies TableSpec;

export const FOLLOWUP_STATUSES = ['open', 'contacted', 'closed'] as const;
const STATUS_ALIASES: Record<string, (typeof FOLLOWUP_STATUSES)[number]> = {
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

export const followupRowSchema = (dateFormat: DateFormat) =>
  z
    .object({
      response_id: idCell('response id'),
      owner: shortTextCell,
      status: z.string().transform((s, ctx) => {
        const v = STATUS_ALIASES[s.trim().toLowerCase()];
        if (v === undefined) {
          ctx.addIssue({ code: 'custom', message: problem('status is not open, contacted or closed', 'write open, contacted or closed') });
          return z.NEVER;
        }
        return v;
      }),
      opened_at: dateCell('opened date', dateFormat),
      closed_at: dateCell('closed date', dateFormat),
      method: shortTextCell,
      note: z.string().optional(),
    })
    .superRefine((r, ctx) => {
      if (r.closed_at !== undefined && r.opened_at !== undefined && r.closed_at < r.opened_at) {
        ctx.addIssue({ code: 'custom', path: ['closed_at'], message: problem('closed date is before the opened date', 'check both dates') });
      }
      if (r.status === 'closed' && r.closed_at === undefined) {
        ctx.addIssue({ code: 'custom', path: ['closed_at'], message: problem('status is closed but the closed date is empty', 'fill in the date the follow-up was closed') });
      }
    });

export type FollowupRow = z.output<ReturnType<typeof followupRowSchema>>;
