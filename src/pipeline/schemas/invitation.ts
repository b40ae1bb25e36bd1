/** One row of `invitations/<wave>.csv`: a contact asked to answer the wave. */
import { z } from 'zod';
import { dateCell, idCell, optionalIdCell, type DateFormat } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const invitationColumns = {
  name: 'invitations',
  required: ['contact_id'],
  optional: ['account_id', 'invited_at'],
  identity: [],
} as const satisfies TableSpec;

export const invitationRowSchema = (dateFormat: DateFormat) =>
  z.object({
    contact_id: idCell('contact id'),
    account_id: optionalIdCell('account id'),
    invited_at: dateCell('invitation date', dateFormat),
  });

export type InvitationRow = z.output<ReturnType<typeof invitationRowSchema>>;
