/** The follow-up queue as CSV rows (for a CRM or ticketing tool), formula-escaped. */
import Papa from 'papaparse';
import type { QueueItem } from '../model/types.ts';

export const QUEUE_HEADER = [
  'wave',
  'response_id',
  'alert',
  'owner',
  'due_date',
  'status',
  'overdue',
  'days_overdue',
  'closed_at',
  'days_to_close',
  'closed_in_time',
  'score',
  'category',
  'account_id',
  'account',
  'contact',
  'role',
  'comment',
  'method',
  'notify',
  'documentation',
  'oversight',
];

const row = (wave: string, q: QueueItem) =>
  [
    wave,
    q.responseId,
    q.rule,
    q.owner,
    q.dueDate,
    q.status,
    q.overdue,
    q.daysOverdue,
    q.closedAt,
    q.daysToClose,
    q.closedInTime,
    q.score,
    q.category,
    q.account?.id ?? null,
    q.account?.name ?? null,
    q.contact?.name ?? null,
    q.contact?.role ?? null,
    q.comment,
    q.method,
    q.notify.join('; '),
    q.documentation,
    q.oversight,
  ].map((c) => (c === null ? '' : c));

/** CSV text for `items` of `wave`: with the header line when `header`, always ending in a newline. */
export function queueCsv(wave: string, items: readonly QueueItem[], header: boolean): string {
  if (items.length === 0) return header ? Papa.unparse([QUEUE_HEADER], { newline: '\n' }) + '\n' : '';
  const text = Papa.unparse({ fields: QUEUE_HEADER, data: items.map((q) => row(wave, q)) }, { escapeFormulae: true, newline: '\n', header });
  return text + '\n';
}
