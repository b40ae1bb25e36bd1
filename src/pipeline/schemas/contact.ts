/** One row of `contacts.csv`: a person at a customer account. */
import { z } from 'zod';
import { idCell, optionalIdCell, shortTextCell, problem } from '../ingest/values.ts';
import type { TableSpec } from './table-spec.ts';

export const contactColumns = {
  name: 'contacts',
  required: ['contact_id'],
  optional: ['account_id', 'name', 'email', 'role'],
  identity: ['contact_id', 'name', 'email'],
} as const satisfies TableSpec;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactRowSchema(opts: { segmentColumns: readonly string[] }) {
  const segments: Record<string, typeof shortTextCell> = {};
  for (const c of opts.segmentColumns) segments[c] = shortTextCell;
  return z.object({
    contact_id: idCell('contact id'),
    account_id: optionalIdCell('account id'),
    name: shortTextCell,
    email: shortTextCell.refine((e) => e === undefined || EMAIL.test(e), {
      message: problem('email is not an email address', 'write it as name@example.com, or leave it blank'),
    }),
    role: shortTextCell,
    ...segments,
  });
}

export type ContactRow = z.output<ReturnType<typeof contactRowSchema>>;
