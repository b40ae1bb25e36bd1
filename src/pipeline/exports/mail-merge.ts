/**
 * The mail merge for the letter after a wave: one row per contact invited to the latest wave,
 * respondent or not, with no hint of who answered or who chose confidentiality (so the file
 * can go to an email tool). URLs are added when the export is written (they need the site's
 * address and the account secret).
 */
import type { IngestResult } from '../ingest/ingest-program.ts';
import { naturalCompare } from '../util/compare.ts';

export interface MailMergeContact {
  name: string;
  email: string;
  accountId: string | null;
  account: string | null;
}

export function mailMergeContacts(ingest: IngestResult): MailMergeContact[] {
  const latest = ingest.waves.at(-1);
  const invited = latest ? ingest.invitations.get(latest.id) : undefined;
  if (!invited) return [];
  const rows: MailMergeContact[] = [];
  for (const c of ingest.contacts.values()) {
    if (!invited.contacts.has(c.id) || !c.email) continue;
    const account = c.accountId === undefined ? undefined : ingest.accounts.get(c.accountId);
    rows.push({ name: c.name ?? '', email: c.email, accountId: c.accountId ?? null, account: account?.name ?? c.accountId ?? null });
  }
  return rows.sort((a, b) => naturalCompare(a.account ?? '', b.account ?? '') || naturalCompare(a.name, b.name) || naturalCompare(a.email, b.email));
}
