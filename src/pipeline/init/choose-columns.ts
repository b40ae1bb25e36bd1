/**
 * Chooses, for one export, the column that holds each thing Chorus reads: what the cells hold
 * decides (a score column is one whose cells are 0–10 scores), the header's words break ties.
 * Every choice carries the runners-up, so the summary can say what else could have been meant.
 */
import { canonicalKey } from '../ingest/columns.ts';
import type { ColumnProfile, ExportProfile } from './profile-export.ts';
import type { Tool } from './recognise-tool.ts';

export interface Choice {
  column: ColumnProfile;
  /** Other columns that could hold it, best first. */
  others: ColumnProfile[];
}

export interface ConsentChoice extends Choice {
  /** The question asks "may we share your name?": yes means named. */
  inverted: boolean;
}

export interface ColumnChoices {
  id: Choice | null;
  score: Choice | null;
  date: Choice | null;
  comment: Choice | null;
  consent: ConsentChoice | null;
  contact: Choice | null;
  account: Choice | null;
  tags: (Choice & { separator: ';' | ',' | '|' }) | null;
  /** Columns with a few distinct values that could break figures down. */
  segments: ColumnProfile[];
  /** Whole-number ratings on a short scale, beside the 0–10 question. */
  ratings: (ColumnProfile & { scale: [number, number] })[];
}

/** The words a column's header and question text are read by. */
const text = (c: ColumnProfile) => `${c.header} ${c.question ?? ''}`.toLowerCase();
const share = (n: number, c: ColumnProfile) => (c.filled === 0 ? 0 : n / c.filled);

/** Tool columns that are never a segment, a rating or a comment. */
const TOOL_COLUMNS = new Set(
  [
    'status',
    'finished',
    'progress',
    'duration_in_seconds',
    'distributionchannel',
    'userlanguage',
    'ipaddress',
    'ip_address',
    'collector_id',
    'network_id',
    'locationlatitude',
    'locationlongitude',
    'recipientlastname',
    'recipientfirstname',
    'recipientemail',
    'response_type',
    'response_status',
    'completed',
    'ending',
    'q_recaptchascore',
  ].map(canonicalKey),
);
const isToolColumn = (c: ColumnProfile) => TOOL_COLUMNS.has(canonicalKey(c.header)) || /_nps_group$|^q_/i.test(c.header);

function best(candidates: ColumnProfile[], rank: (c: ColumnProfile) => number): Choice | null {
  const ranked = candidates
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r > 0)
    .sort((a, b) => b.r - a.r || a.c.index - b.c.index);
  if (ranked.length === 0) return null;
  return { column: ranked[0]!.c, others: ranked.slice(1).map((x) => x.c) };
}

function chooseScore(cols: ColumnProfile[]): Choice | null {
  return best(cols, (c) => {
    // "N/A" and the like are unanswered questions (the build rejects those rows), not a sign of another column.
    const answered = c.filled - c.notAnswered;
    if (answered === 0 || c.scores / answered < 0.9 || isToolColumn(c)) return 0;
    const t = text(c);
    if (/group|categor|segment|type|sentiment|reason|why|driver/.test(t)) return 0;
    // An id counting 1, 2, 3… is not a score, however few rows there are.
    if (/^(id|#|no|nr|number|row)$|(^|_)(id|number)$|response_?id|record/.test(canonicalKey(c.header)) || c.header.trim() === '#') return 0;
    if (c.unique && c.filled > 3 && c.integers === c.filled && c.max - c.min === c.filled - 1) return 0;
    let r = 1;
    if (/recommend|empfehl|recomend|recommand|raccomand|aanbevel|likely|likelihood|wahrscheinlich|probab/.test(t)) r += 8;
    if (/\bnps\b|net promoter|\bltr\b/.test(t)) r += 6;
    if (/score|rating|answer|bewertung|note/.test(t)) r += 2;
    // A 0–10 question uses the upper half of the scale; a 1–5 rating never does.
    if (c.max >= 6 || c.min === 0) r += 3;
    return r;
  });
}

function chooseId(cols: ColumnProfile[], rows: number): Choice | null {
  return best(cols, (c) => {
    if (c.filled < rows || rows === 0) return 0;
    const k = canonicalKey(c.header);
    let r = 0;
    if (/^(response_?id|responseid|respondent_id|submission_id|response_number|delighted_response_id|record_id|token)$/.test(k)) r = 10;
    else if (c.header.trim() === '#' || k === 'id') r = 8;
    else if (/(^|_)(response|submission|respondent)(_|$)/.test(k) && /id|number|token/.test(k)) r = 6;
    if (r === 0) return 0;
    return c.unique ? r : r / 10;
  });
}

/** Date headers in order of preference: when the answer was recorded, submitted, finished; when it started last. */
const DATE_PREFERENCE: [RegExp, number][] = [
  [/recorded/, 10],
  [/submit|completion|complete|responded|response_date|answered|eingereicht|soumis/, 9],
  [/end_?date|enddate|end_time|finished/, 8],
  [/timestamp|zeitstempel|horodat|marca_temporal/, 7],
  [/date|datum|fecha|created|time/, 5],
  [/start/, 2],
];

function chooseDate(cols: ColumnProfile[]): Choice | null {
  return best(cols, (c) => {
    if (c.filled === 0 || share(c.dates, c) < 0.8 || share(c.scores, c) > 0.5) return 0;
    const k = canonicalKey(`${c.header}`);
    for (const [re, r] of DATE_PREFERENCE) if (re.test(k)) return r + (/start/.test(k) && r > 2 ? -4 : 0);
    // An unnamed column of dates: only when its cells are not plain numbers (those may be anything).
    return share(c.integers, c) < 0.5 ? 1 : 0;
  });
}

function chooseComment(cols: ColumnProfile[], taken: Set<ColumnProfile>): Choice | null {
  return best(cols, (c) => {
    if (taken.has(c) || c.filled === 0 || isToolColumn(c) || share(c.dates, c) > 0.5 || share(c.emails, c) > 0.5) return 0;
    // Who someone is, not what they said.
    if (/(^|_)(job|title|role|position|department|name|company|organi[sz]ation|country|city|region|industry|plan|tier|language|source|channel)(_|$)/.test(canonicalKey(c.header)))
      return 0;
    const avg = c.length / c.filled;
    const t = text(c);
    let r = 0;
    if (
      /why|reason|comment|feedback|tell us|explain|improve|better|anything|suggest|verbatim|open.ended|warum|grund|pourquoi|raison|kommentar|commentaire|motivo|por qu|verbesser|amélior/.test(
        t,
      )
    )
      r += 6;
    if (/^(response|answer|text|content)$/.test(canonicalKey(c.header))) r += 5;
    if (share(c.worded, c) > 0.5 && avg >= 12) r += 4 + Math.min(avg / 20, 4);
    if (c.manyValues || c.values.size > 10) r += 1;
    return r >= 5 ? r : 0;
  });
}

const ASKS_CONFIDENTIAL = /confidential|anonym|vertraulich|confidentiel|confidencial|private|privat|keep .*secret|not be named|don.t share|do not share|nicht weitergeben/;
// Not "may we contact you?": permission to follow up is not a choice of confidentiality.
const ASKS_TO_NAME = /share|\bname|identif|attribut|pass on|weitergeb|partag|\bnom\b|nennen|credit/;

function chooseConsent(cols: ColumnProfile[], taken: Set<ColumnProfile>): ConsentChoice | null {
  const choice = best(cols, (c) => {
    if (taken.has(c) || c.filled === 0 || isToolColumn(c)) return 0;
    const t = text(c);
    const readable = share(c.yesNo, c);
    if (ASKS_CONFIDENTIAL.test(t)) return readable >= 0.5 ? 10 : 4;
    if (ASKS_TO_NAME.test(t) && readable >= 0.7 && !/e-?mail|^name$|first|last/.test(canonicalKey(c.header))) return 6;
    return 0;
  });
  if (!choice) return null;
  const t = text(choice.column);
  return { ...choice, inverted: !ASKS_CONFIDENTIAL.test(t) };
}

function chooseContact(cols: ColumnProfile[], taken: Set<ColumnProfile>): Choice | null {
  return best(cols, (c) => {
    if (taken.has(c) || c.filled === 0) return 0;
    const k = canonicalKey(c.header);
    if (/^(externalreference|external_reference|external_data_reference|contact_id|contactid|person_id|customer_id|recipient_id|user_id|externaldatareference)$/.test(k)) return 10;
    // An email address identifies a person across waves (cohorts, and confidentiality per person).
    if (/e_?mail/.test(k) && share(c.emails, c) >= 0.9) return 6;
    if (/contact|respondent|person|recipient/.test(k) && share(c.emails, c) >= 0.9) return 5;
    return 0;
  });
}

function chooseAccount(cols: ColumnProfile[], taken: Set<ColumnProfile>): Choice | null {
  return best(cols, (c) => {
    if (taken.has(c) || c.filled === 0 || isToolColumn(c)) return 0;
    const k = canonicalKey(c.header);
    if (/^(account_id|accountid|company_id|organization_id|organisation_id)$/.test(k)) return 10;
    if (/(^|_)(company|account|organi[sz]ation|customer|client|firma|unternehmen|entreprise|soci[eé]t[eé]|empresa)(_name|_id)?$/.test(k)) return 8;
    return 0;
  });
}

function chooseTags(cols: ColumnProfile[], taken: Set<ColumnProfile>): ColumnChoices['tags'] {
  const choice = best(cols, (c) => (taken.has(c) || c.filled === 0 ? 0 : /^(tags?|themes?|topics?|categories|labels?)$/.test(canonicalKey(c.header)) ? 10 : 0));
  if (!choice) return null;
  const c = choice.column;
  const separator = c.semicolons > 0 ? ';' : c.commas > 0 ? ',' : ';';
  return { ...choice, separator };
}

export function chooseColumns(profile: ExportProfile, tool: Tool): ColumnChoices {
  const cols = profile.columns.filter((c) => c.header !== '');
  const score = chooseScore(cols);
  const taken = new Set<ColumnProfile>(score ? [score.column] : []);
  const id =
    tool.ids === 'row_number'
      ? null
      : chooseId(
          cols.filter((c) => !taken.has(c)),
          profile.rows,
        );
  if (id) taken.add(id.column);
  const date = chooseDate(cols.filter((c) => !taken.has(c)));
  if (date) taken.add(date.column);
  for (const o of date?.others ?? []) taken.add(o);
  const consent = chooseConsent(cols, taken);
  if (consent) taken.add(consent.column);
  const contact = chooseContact(cols, taken);
  if (contact) taken.add(contact.column);
  const account = chooseAccount(cols, taken);
  if (account) taken.add(account.column);
  const comment = chooseComment(cols, taken);
  if (comment) taken.add(comment.column);
  const tags = chooseTags(cols, taken);
  if (tags) taken.add(tags.column);

  const ratings: ColumnChoices['ratings'] = [];
  const segments: ColumnProfile[] = [];
  for (const c of cols) {
    if (taken.has(c) || isToolColumn(c) || c.filled < profile.profiledRows * 0.5) continue;
    const k = canonicalKey(c.header);
    if (/e_?mail|name|phone|ip_?address|latitude|longitude|id$/.test(k)) continue;
    if (share(c.integers, c) >= 0.95 && c.min >= 0 && c.max <= 10 && c.max - c.min >= 2 && !c.manyValues) {
      const lo = c.min <= 0 ? 0 : 1;
      const hi = c.max <= 5 ? 5 : c.max <= 7 ? 7 : 10;
      ratings.push({ ...c, scale: [lo, hi] });
    } else if (!c.manyValues && c.values.size >= 2 && c.values.size <= 12 && share(c.dates, c) < 0.5 && share(c.yesNo, c) < 0.9 && c.length / c.filled <= 40) {
      segments.push(c);
    }
  }
  return { id, score, date, comment, consent, contact, account, tags, segments, ratings };
}
