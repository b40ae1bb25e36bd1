/**
 * Recognises the survey tool behind an export from the shape of its header, and what that tool
 * implies where the data cannot say: ids that restart per export, no id at all, tags separated by
 * commas, the date order its default (US) locale writes.
 */
import { canonicalKey } from '../ingest/columns.ts';
import type { DateOrder } from '../schemas/dates.ts';

export interface Tool {
  id: string;
  name: string;
  /** How response ids behave in this tool's exports. */
  ids: 'unique' | 'per_wave' | 'row_number';
  /** The tags separator, when the tool exports tags. */
  tagsSeparator: ';' | ',' | '|';
  /** The day/month order of its numeric dates when the data does not settle it (its US default). */
  dateOrder: DateOrder | null;
}

interface Signature extends Tool {
  /** Canonical keys of headers that must all be present. */
  all: string[];
  /** …and at least one of these, when given. */
  any?: string[];
}

const SIGNATURES: Signature[] = [
  {
    id: 'qualtrics',
    name: 'Qualtrics',
    all: ['responseid'],
    any: ['recordeddate', 'startdate', 'distributionchannel', 'finished'],
    ids: 'unique',
    tagsSeparator: ',',
    dateOrder: 'mdy',
  },
  { id: 'surveymonkey', name: 'SurveyMonkey', all: ['respondent_id', 'collector_id'], ids: 'unique', tagsSeparator: ',', dateOrder: 'mdy' },
  { id: 'typeform', name: 'Typeform', all: ['network_id'], any: ['submit_date_utc', 'start_date_utc', 'submitted_at'], ids: 'unique', tagsSeparator: ',', dateOrder: null },
  { id: 'microsoft-forms', name: 'Microsoft Forms', all: ['id', 'start_time', 'completion_time'], ids: 'per_wave', tagsSeparator: ';', dateOrder: 'mdy' },
  { id: 'google-forms', name: 'Google Forms', all: ['timestamp'], ids: 'row_number', tagsSeparator: ',', dateOrder: 'mdy' },
  {
    id: 'delighted',
    name: 'Delighted',
    all: ['score'],
    any: ['delighted_response_id', 'response_timestamp', 'permalink', 'notes'],
    ids: 'unique',
    tagsSeparator: ',',
    dateOrder: null,
  },
  { id: 'asknicely', name: 'AskNicely', all: ['responded'], any: ['answer', 'sent', 'opened', 'person_id'], ids: 'unique', tagsSeparator: ',', dateOrder: null },
  {
    id: 'hubspot',
    name: 'HubSpot',
    all: ['survey_name'],
    any: ['submission_date', 'submitted_at', 'feedback_rating', 'rating', 'contact_email'],
    ids: 'unique',
    tagsSeparator: ';',
    dateOrder: 'mdy',
  },
];

export const UNKNOWN_TOOL: Tool = { id: 'csv', name: 'a spreadsheet', ids: 'unique', tagsSeparator: ';', dateOrder: null };

/** The tool whose signature the header fits, or a plain spreadsheet. */
export function recogniseTool(headers: readonly string[]): Tool {
  const keys = new Set(headers.map(canonicalKey));
  for (const s of SIGNATURES) {
    if (!s.all.every((k) => keys.has(k))) continue;
    if (s.any && !s.any.some((k) => keys.has(k))) continue;
    const { all: _all, any: _any, ...tool } = s;
    return tool;
  }
  // Typeform's token column is "#", even in exports without its Network ID.
  if (headers[0]?.trim() === '#') return { id: 'typeform', name: 'Typeform', ids: 'unique', tagsSeparator: ',', dateOrder: null };
  return UNKNOWN_TOOL;
}
