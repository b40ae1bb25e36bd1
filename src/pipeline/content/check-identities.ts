/**
 * Stops a story from naming someone who shares a name or email with a respondent who chose
 * confidentiality. A curated story names a consenting customer; but if that name is also a
 * confidential respondent's, a reader could take the page to point at them. The check works
 * on digests, so the confidential identities themselves never leave the pipeline.
 */
import { hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import { filesUnder } from '../util/files.ts';
import { frontmatterOf } from './check-content.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { StructuralIssue } from '../ingest/report.ts';

const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
// One-shot hashing: millions of contacts' names and emails, a fraction of createHash's cost each.
const digest = (s: string) => hash('sha256', `chorus-identity:${normalise(s)}`, 'hex');

/** Digests of the names and emails of every contact who chose confidentiality in any wave. */
export function confidentialDigests(ingest: IngestResult): string[] {
  const out = new Set<string>();
  for (const c of ingest.contacts.values()) {
    if (!ingest.confidentialContacts.has(c.id)) continue;
    if (c.name) out.add(digest(c.name));
    if (c.email) out.add(digest(c.email));
  }
  return [...out].sort();
}

/** Problems for stories whose `person` (or any text field naming one) matches a confidential respondent. */
export async function checkStoryIdentities(contentDir: string, digests: readonly string[]): Promise<StructuralIssue[]> {
  const known = new Set(digests);
  const problems: StructuralIssue[] = [];
  for (const path of await filesUnder(`${contentDir}/stories`)) {
    if (!/\.mdx?$/i.test(path)) continue;
    const fm = frontmatterOf(await readFile(path, 'utf8'));
    if (fm === null || fm === 'unclosed') continue;
    const data = parseDocument(fm.yaml).toJS() as Record<string, unknown> | null;
    const person = data?.['person'];
    if (typeof person === 'string' && known.has(digest(person))) {
      problems.push({
        file: `content/${relative(contentDir, path).split('\\').join('/')}`,
        message: 'the story names a person who has the name of a respondent who chose confidentiality',
        fix: 'remove `person` (the quote then shows the role and company only), or check that this is the right customer',
      });
    }
  }
  return problems;
}
