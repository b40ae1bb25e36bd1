/** One row of `contacts.csv`: a person at a customer account. */
import type { z } from 'zod';
import { id, optional, optionalId, rowSchema, segmentReaders, shortText } from './cells.ts';
import type { TableSpec } from './table-spec.ts';

export const contactColumns = {
  name: 'contacts',
  required: ['contact_id'],
  optional: ['account_id', 'name', 'email', 'role'],
  identity: ['contact_id', 'name', 'email'],
} as const satisfies TableSpec;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const contactRowSchema = (opts: { segmentColumns: readonly string[] }) =>
  rowSchema({
    ...segmentReaders(opts.segmentColumns),
    contact_id: id('contact id'),
    account_id: optionalId('account id'),
    name: shortText,
    email: optional((cell, fail) => {
      const e = cell.trim();
      return EMAIL.test(e) ? e : fail('email is not an email address', 'write it as name@example.com, or leave it blank');
    }),
    role: shortText,
  });

export type ContactRow = z.output<ReturnType<typeof contactRowSchema>>;
