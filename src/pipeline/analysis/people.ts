/**
 * How a respondent may be named on a page. Whoever chose confidentiality in any wave is never
 * named; an identified contact who shares a name with such a respondent is shown by role only,
 * because a reader could not tell the two apart. The label says nothing of why (the same label
 * as for a contact whose name is not on file): a label that said "shared with a confidential
 * respondent" would tell everyone that someone of that name chose confidentiality.
 */
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { Contact } from '../ingest/entities.ts';

export const NAME_NOT_SHOWN = 'Name not shown';

const normalName = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

export interface People {
  /** Whether the contact chose confidentiality in any wave. */
  isConfidential(contactId: string | undefined): boolean;
  /** The name to print for a contact (never a confidential respondent's, nor a name they share). */
  nameOf(contactId: string | undefined): string;
  /** The label of a program.yml role id, else the contact's role as written. */
  roleOf(roleId: string | undefined, contactId: string | undefined): string | null;
  /** An identified contact as pages may show them; null for confidential or unknown contacts. */
  shown(contactId: string): { name: string; role: string | null } | null;
}

export function people(ingest: IngestResult): People {
  const confidential = ingest.confidentialContacts;
  const withheld = new Set<string>();
  for (const c of ingest.contacts.values()) if (c.name && confidential.has(c.id)) withheld.add(normalName(c.name));
  // Worked out once per contact: the follow-up queue asks for a name per alert, millions of times.
  const hidden = new Set<string>();
  if (withheld.size > 0) for (const c of ingest.contacts.values()) if (c.name && !confidential.has(c.id) && withheld.has(normalName(c.name))) hidden.add(c.id);
  const roles = ingest.settings.roles;
  // One rule each for a name and a role, whatever the caller already looked up.
  const nameOfIdentified = (contactId: string, contact: Contact | undefined) => (contact?.name === undefined || hidden.has(contactId) ? NAME_NOT_SHOWN : contact.name);
  const roleLabel = (roleId: string | undefined, contact: Contact | undefined) => (roleId === undefined ? undefined : roles[roleId]?.label) ?? contact?.role ?? null;
  const p: People = {
    isConfidential: (id) => id !== undefined && confidential.has(id),
    nameOf: (id) => (id === undefined || confidential.has(id) ? NAME_NOT_SHOWN : nameOfIdentified(id, ingest.contacts.get(id))),
    roleOf: (roleId, contactId) => roleLabel(roleId, contactId === undefined ? undefined : ingest.contacts.get(contactId)),
    // Once per alert, millions of times: one lookup of each kind.
    shown: (contactId) => {
      if (confidential.has(contactId)) return null;
      const ct = ingest.contacts.get(contactId);
      return ct ? { name: nameOfIdentified(contactId, ct), role: roleLabel(ct.roleId, ct) } : null;
    },
  };
  return p;
}
