/**
 * Matches a file's header to the canonical columns of its input, so a survey tool's
 * export is read as it is. A header matches a canonical column when:
 *  - program.yml's `columns.<input>.<column>` names it (case and spacing ignored; a name
 *    ending in "…" or "..." matches any header that starts with it); a name given there that
 *    is not in the file is an error, never a silent fall back to another column; `false`
 *    leaves the column unread;
 *  - it reads as the canonical name ("Response ID", "response-id" and "response_id" all do), or
 *  - it is a header survey tools commonly export for that column (`COMMON_HEADERS`): the first
 *    in that list's order when several are (Qualtrics' RecordedDate before its EndDate).
 */
import type { Notice, StructuralIssue } from './report.ts';

export type ColumnMapping = Record<string, string | string[] | false>;

export interface HeaderMatch {
  /** canonical column -> index in the row */
  index: Map<string, number>;
  /** Each header with the canonical column it was read as (null = ignored). */
  columns: { header: string; canonical: string | null }[];
  problems: StructuralIssue[];
  /** Choices made among several fitting headers, for the report. */
  notices: Notice[];
}

/** "  How likely ARE you…  " -> "how likely are you…" */
function normalise(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** "Response ID" -> "response_id" */
export function canonicalKey(s: string): string {
  return normalise(s)
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

function matchesMapped(header: string, wanted: string): boolean {
  const h = normalise(header);
  const w = normalise(wanted);
  const prefix = /(…|\.\.\.)$/.exec(w);
  if (prefix) return h.startsWith(w.slice(0, w.length - prefix[0].length).trimEnd());
  return h === w;
}

/**
 * Headers seen in survey-tool and CRM exports (Qualtrics, SurveyMonkey, Delighted,
 * Typeform, Salesforce), as canonical keys. Only used when nothing more specific matched.
 */
const COMMON_HEADERS: Record<string, string[]> = {
  response_id: ['responseid', 'respondent_id', 'response_number', 'submission_id'],
  score: ['nps', 'nps_score', 'likelihood_to_recommend', 'ltr', 'recommend', 'rating'],
  comment: ['comments', 'verbatim', 'feedback', 'reason', 'open_ended_response'],
  // In order of preference: when the response was recorded, then when it was finished.
  submitted_at: [
    'recorded_date',
    'recordeddate',
    'submitted',
    'submitted_date',
    'date_submitted',
    'submit_date_utc',
    'submit_date',
    'completion_time',
    'response_date',
    'responded',
    'end_date',
    'enddate',
    'date',
    'timestamp',
    'created_at',
  ],
  contact_id: ['contactid', 'person_id', 'recipient_id'],
  account_id: ['accountid', 'company_id', 'customer_id', 'organization_id'],
  themes: ['tags', 'theme', 'topics', 'categories'],
  email: ['email_address', 'e_mail', 'recipientemail', 'recipient_email'],
  arr: ['annual_recurring_revenue', 'contract_value', 'acv'],
  owner: ['account_owner', 'csm', 'customer_success_manager', 'account_manager'],
  renewal_date: ['renewal', 'contract_end_date', 'renewal_due'],
};

/**
 * `mapping` is program.yml's for this input; `named` maps columns program.yml names elsewhere
 * (segments, ratings) to their header, matched the same way but optional in each file.
 */
export function matchHeader(
  file: string,
  headers: string[],
  canonical: { required: readonly string[]; optional: readonly string[] },
  mapping: ColumnMapping,
  mappingPath: string,
  named: Readonly<Record<string, string>> = {},
): HeaderMatch {
  const index = new Map<string, number>();
  const problems: StructuralIssue[] = [];
  const notices: Notice[] = [];
  const claimed = new Map<number, string>();
  const keys = headers.map(canonicalKey);
  const shown = headers.map((h) => JSON.stringify(h)).join(', ');

  for (const column of [...canonical.required, ...canonical.optional]) {
    const mapped = mapping[column];
    if (mapped === false) continue;
    const wanted = mapped === undefined ? (named[column] === undefined ? [] : [named[column]]) : Array.isArray(mapped) ? mapped : [mapped];
    let hits: number[] = [];
    for (const w of wanted) {
      hits = headers.flatMap((h, i) => (matchesMapped(h, w) ? [i] : []));
      if (hits.length > 0) break;
    }
    if (hits.length === 0 && mapped !== undefined) {
      problems.push({
        file,
        column: wanted.join(' | '),
        message: `program.yml says ${mappingPath}.${column} is ${wanted.map((w) => JSON.stringify(w)).join(' or ')}, but the file has no such column (its header reads ${shown})`,
        fix: `write one of the file's headers under ${mappingPath}.${column}, or list several (the first present is used)`,
      });
      continue;
    }
    if (hits.length === 0) hits = keys.flatMap((k, i) => (k === column ? [i] : []));
    if (hits.length === 0 && COMMON_HEADERS[column]) {
      const common = keys.flatMap((k, i) => (COMMON_HEADERS[column]!.includes(k) && !claimed.has(i) ? [i] : []));
      const rank = (i: number) => COMMON_HEADERS[column]!.indexOf(keys[i]!);
      const best = common.sort((a, b) => rank(a) - rank(b) || a - b)[0];
      // Two headers that read the same (two "Date" columns) cannot be told apart: that stays an error below.
      const tied = common.filter((i) => rank(i) === rank(best!));
      hits = tied.length > 1 ? tied : best === undefined ? [] : [best];
      if (tied.length === 1 && common.length > 1) {
        notices.push({
          file,
          message: `"${column}" is read from ${JSON.stringify(headers[best!])}, not ${common
            .slice(1)
            .map((i) => JSON.stringify(headers[i]))
            .join(' or ')} (name another in program.yml under ${mappingPath}.${column})`,
        });
      }
    }
    if (hits.length > 1) {
      problems.push({
        file,
        column: headers[hits[0]!],
        message: `${hits.length} columns could be "${column}": ${hits.map((i) => JSON.stringify(headers[i])).join(', ')}`,
        fix: `name the one to use in program.yml under ${mappingPath}.${column}, or rename the other`,
      });
      continue;
    }
    const at = hits[0];
    if (at === undefined) continue;
    const other = claimed.get(at);
    if (other !== undefined) {
      problems.push({
        file,
        column: headers[at],
        message: `the column is mapped to both "${other}" and "${column}"`,
        fix: `map a different column to one of them in program.yml under ${mappingPath}`,
      });
      continue;
    }
    claimed.set(at, column);
    index.set(column, at);
  }

  for (const column of canonical.required) {
    if (index.has(column) || (mapping[column] !== undefined && mapping[column] !== false) || problems.some((p) => p.message.includes(`"${column}"`))) continue;
    const single = headers.length === 1 ? headers[0]! : '';
    const sep = [';', '\t', '|', ','].find((d) => single.includes(d));
    problems.push({
      file,
      column,
      message: `the required column "${column}" is missing (the header reads ${shown})`,
      fix:
        sep !== undefined
          ? `the file seems to be separated by ${sep === '\t' ? 'tabs' : `"${sep}"`}: set csv.delimiter in program.yml, or export it again with commas`
          : column === 'response_id' && mappingPath === 'columns.responses'
            ? `tell Chorus which column holds it in program.yml (${mappingPath}.response_id: "<header in your file>"), or, if your survey tool exports no id (Google Forms), set responses.ids: row_number`
            : `add a "${column}" column, or tell Chorus which column holds it in program.yml: ${mappingPath}.${column}: "<header in your file>"`,
    });
  }

  const columns = headers.map((header, i) => ({ header, canonical: claimed.get(i) ?? null }));
  return { index, columns, problems, notices };
}
