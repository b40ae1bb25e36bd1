/** One row of `invitations/<wave>.csv`: a contact asked to answer the wave. */
import type { z } from 'zod';
import { date, id, optionalId, rowSchema, type DateFormat } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const invitationColumns = {
  name: 'invitations',
  required: ['contact_id'],
  optional: ['account_id', 'invited_at'],
  identity: ['contact_id'],
} as const satisfies TableSpec;

export const invitationRowSchema = (dateFormat: DateFormat) =>
  rowSchema({
    contact_id: id('contact id'),
    account_id: optionalId('account id'),
    invited_at: date('invitation date', dateFormat),
  });

export type InvitationRow = z.output<ReturnType<typeof invitationRowSchema>>;
