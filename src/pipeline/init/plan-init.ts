/**
 * `npm run init`'s decisions, from the exports alone: which tool wrote each, which column holds
 * what, how dates read, what each wave is called, and the program.yml that says so. No file is
 * written here (the command does that), so tests run the real decisions on real export shapes.
 */
import { canonicalKey } from '../ingest/columns.ts';
import { describeEncoding } from '../ingest/csv-reader.ts';
import { profileExport, readDates, type ColumnProfile, type ExportProfile } from './profile-export.ts';
import { recogniseTool, type Tool } from './recognise-tool.ts';
import { chooseColumns, type ColumnChoices } from './choose-columns.ts';
import { distinctIds, middleDay, nameWave, type WaveName } from './name-wave.ts';
import { programYaml, type MappedColumn, type ProgramPlan } from './program-yaml.ts';
import type { DateOrder } from '../schemas/dates.ts';

export interface ExportDecision {
  path: string;
  profile: ExportProfile;
  tool: Tool;
  choices: ColumnChoices;
  dateOrder: DateOrder | 'iso';
  /** How the order was settled, in plain words. */
  dateHow: string;
  /** The order was guessed (the data could be read either way). */
  dateGuessed: boolean;
  dates: string[];
  unreadableDates: number;
  wave: WaveName;
}

export interface InitPlan {
  exports: ExportDecision[];
  programYaml: string;
  /** Each export's wave file, relative to the data folder. */
  copies: { from: string; to: string }[];
  /** What was decided, one block per export. */
  summary: string[];
  /** What the user should check before building. */
  checks: string[];
}

const ORDER_WORDS: Record<DateOrder | 'iso', string> = {
  dmy: 'day first (31/12/2026)',
  mdy: 'month first (12/31/2026)',
  iso: 'no day/month order to settle (year first, serial numbers or Unix time)',
};

function settleDates(profile: ExportProfile, tool: Tool, date: ColumnProfile | undefined): { order: DateOrder | 'iso'; how: string; guessed: boolean } {
  if (!date) return { order: 'iso', how: 'no date column', guessed: false };
  const d = date.dateEvidence.decide();
  if (d.order) return { order: d.order, how: d.reason, guessed: false };
  if (d.how === 'contradictory') return { order: tool.dateOrder ?? 'mdy', how: `the dates disagree: ${d.reason}`, guessed: true };
  if (date.dateEvidence.cells === 0) return { order: 'iso', how: 'dates are written year first, as serial numbers or with month names', guessed: false };
  // Either way fits: Excel in semicolon locales writes the day first; US tools the month first.
  const order: DateOrder = tool.dateOrder ?? (profile.read.delimiter === ';' ? 'dmy' : 'mdy');
  return {
    order,
    how: `${d.reason}: read ${order === 'dmy' ? 'day' : 'month'} first, as ${tool.dateOrder ? `${tool.name} writes them by default` : profile.read.delimiter === ';' ? 'semicolon-separated Excel files do' : 'US exports do'}`,
    guessed: true,
  };
}

type Settled = Pick<ExportDecision, 'path' | 'profile' | 'tool' | 'choices' | 'dateOrder' | 'dateHow' | 'dateGuessed'>;

/** One export's tool, columns and date order, from its own cells. */
async function settle(path: string): Promise<Settled> {
  const profile = await profileExport(path);
  const tool = recogniseTool(profile.headers);
  const choices = chooseColumns(profile, tool);
  const settled = settleDates(profile, tool, choices.date?.column);
  return { path, profile, tool, choices, dateOrder: settled.order, dateHow: settled.how, dateGuessed: settled.guessed };
}

/** Its dates, read once the order is final, and the wave they name. */
async function withDates(d: Settled): Promise<ExportDecision> {
  const column = d.choices.date?.column;
  const { dates, unreadable } = column ? await readDates(d.profile, column, d.dateOrder) : { dates: [], unreadable: 0 };
  return { ...d, dates, unreadableDates: unreadable, wave: nameWave(d.profile.name, dates) };
}

/** Ids that count 1, 2, 3… are row numbers the tool restarts in each export (Microsoft Forms). */
function countsFromOne(c: ColumnProfile | undefined, rows: number): boolean {
  return c !== undefined && c.unique && c.integers === c.filled && c.min === 1 && c.max <= rows + 5;
}

const label = (h: string) => h.replace(/\s+/g, ' ').slice(0, 60);
const slugId = (h: string) =>
  canonicalKey(h)
    .normalize('NFKD')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/^_+/, '')
    .slice(0, 40) || 'column';

/** The header each export uses for one column, when every export has one. */
function headersFor(decisions: ExportDecision[], pick: (c: ColumnChoices) => ColumnProfile | undefined): { headers: string[] | null; missingIn: string[] } {
  const headers: string[] = [];
  const missingIn: string[] = [];
  for (const d of decisions) {
    const c = pick(d.choices);
    if (!c) missingIn.push(d.profile.name);
    else if (!headers.includes(c.header)) headers.push(c.header);
  }
  return { headers: headers.length === 0 ? null : headers, missingIn };
}

const quoteList = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(', ');

/** Whether a period id (2025-Q4, 2025-08, 2025-H2) contains a date. */
function periodContains(id: string, iso: string): boolean | null {
  const m = /^(\d{4})-(?:Q([1-4])|H([12])|(\d{2}))$/.exec(id);
  if (!m) return null;
  if (iso.slice(0, 4) !== m[1]) return false;
  const month = Number(iso.slice(5, 7));
  if (m[2]) return Math.ceil(month / 3) === Number(m[2]);
  if (m[3]) return Math.ceil(month / 6) === Number(m[3]);
  return month === Number(m[4]);
}

export async function planInit(paths: string[]): Promise<InitPlan> {
  const settled: Settled[] = [];
  for (const p of paths) settled.push(await settle(p));
  // An export whose dates read either way follows one whose dates settle it (the same tool writes the same way).
  const settler = settled.find((d) => !d.dateGuessed && d.dateOrder !== 'iso' && d.choices.date);
  const decided: ExportDecision[] = [];
  for (const d of settled) {
    const follows = settler && d.dateGuessed && d.choices.date;
    decided.push(
      await withDates(
        follows
          ? {
              ...d,
              dateOrder: settler.dateOrder,
              dateHow: `read ${settler.dateOrder === 'dmy' ? 'day' : 'month'} first, as ${settler.profile.name} settles it (${settler.dateHow})`,
              dateGuessed: false,
            }
          : d,
      ),
    );
  }
  // Oldest wave first (undated ones keep their order, last); ids made distinct.
  const ordered = decided.map((d, i) => ({ d, i })).sort((a, b) => middleDay(a.d.dates) - middleDay(b.d.dates) || a.i - b.i);
  const names = distinctIds(ordered.map((x) => x.d.wave));
  const exports = ordered.map((x, i) => ({ ...x.d, wave: names[i]! }));
  const checks: string[] = [];
  const summary: string[] = [];

  // Ids: an export without an id column numbers its rows; ids counting from 1 restart per export.
  const noIds = exports.filter((e) => !e.choices.id);
  const restart = exports.filter((e) => e.choices.id && (e.tool.ids === 'per_wave' || countsFromOne(e.choices.id.column, e.profile.profiledRows)));
  const ids: ProgramPlan['ids'] = noIds.length > 0 ? 'row_number' : restart.length > 0 ? 'per_wave' : 'unique';
  const idsComment =
    ids === 'row_number'
      ? `${quoteList(noIds.map((e) => e.profile.name))} has no response id: each response is known by its wave and row`
      : ids === 'per_wave'
        ? 'ids count from 1 in each export: each response is known by its wave and id'
        : 'each response id is unique across exports';

  const columns: MappedColumn[] = [];
  const map = (column: string, pick: (c: ColumnChoices) => ColumnProfile | undefined, what: string, comment: (e: ExportDecision) => string = () => '') => {
    const { headers, missingIn } = headersFor(exports, pick);
    if (!headers) return;
    if (missingIn.length > 0) {
      checks.push(
        `${what} is in some exports but not in ${quoteList(missingIn)}: it is left unread; map it under columns.responses.${column} if every export has it under some header`,
      );
      return;
    }
    columns.push({ column, headers, comment: comment(exports[0]!) });
  };
  const question = (c: ColumnProfile | undefined) => (c?.question ? `"${label(c.question)}"` : '');
  if (ids !== 'row_number') map('response_id', (c) => c.id?.column, 'The response id');
  map(
    'score',
    (c) => c.score?.column,
    'The 0–10 question',
    (e) => question(e.choices.score?.column),
  );
  map(
    'submitted_at',
    (c) => c.date?.column,
    'The date',
    (e) => (e.choices.date?.others.length ? `also possible: ${quoteList(e.choices.date.others.slice(0, 3).map((o) => o.header))}` : ''),
  );
  map(
    'comment',
    (c) => c.comment?.column,
    'The comment',
    (e) => question(e.choices.comment?.column),
  );
  map(
    'confidential',
    (c) => c.consent?.column,
    'The confidentiality question',
    (e) => `CHECK: ${question(e.choices.consent?.column) || 'the confidentiality question'}`,
  );
  map('contact_id', (c) => c.contact?.column, 'The respondent (contact id or email)');
  map('account_id', (c) => c.account?.column, 'The company (account)');
  const tags = headersFor(exports, (c) => c.tags?.column);
  if (tags.headers && tags.missingIn.length === 0) columns.push({ column: 'themes', headers: tags.headers, comment: 'tags, read as themes' });
  else columns.push({ column: 'themes', headers: false, comment: 'no tags column: themes come from keywords in comments (program.yml themes)' });

  for (const e of exports) {
    const also = e.choices.score?.others.filter((o) => /recommend|empfehl|recomend|recommand|likely|\bnps\b/i.test(`${o.header} ${o.question ?? ''}`)) ?? [];
    if (also.length > 0) {
      checks.push(
        `${JSON.stringify(e.profile.name)} asks more than one "recommend" question: the score is read from ${JSON.stringify(label(e.choices.score!.column.header))}; if the NPS question is ${quoteList(also.map((o) => label(o.header)))}, write that under columns.responses.score`,
      );
    }
    const middle = e.dates.length > 0 ? [...e.dates].sort()[Math.floor(e.dates.length / 2)]! : null;
    if (e.wave.from === 'file name' && middle && periodContains(e.wave.id, middle) === false) {
      checks.push(
        `${JSON.stringify(e.profile.name)} is named ${e.wave.id} from its file name, but its answers date from around ${middle}: rename the wave in program.yml (and its file in responses/) if the name is wrong`,
      );
    }
  }
  const scoreMissing = exports.filter((e) => !e.choices.score);
  for (const e of scoreMissing) {
    checks.push(
      `No column of ${JSON.stringify(e.profile.name)} holds 0–10 answers throughout: write the header of the "How likely are you to recommend…" question under columns.responses.score (the headers are ${quoteList(e.profile.headers.slice(0, 12))}${e.profile.headers.length > 12 ? ', …' : ''})`,
    );
  }

  // Dates.
  const orders = [...new Set(exports.filter((e) => e.choices.date).map((e) => e.dateOrder))];
  // One order for every export, or each file settles its own.
  const dateFormat: ProgramPlan['dateFormat'] = orders.length === 1 ? orders[0]! : 'auto';
  const guessed = exports.filter((e) => e.dateGuessed);
  const dateComment =
    orders.length > 1
      ? 'the exports write dates differently: each file settles its own'
      : guessed.length > 0
        ? `CHECK: ${guessed[0]!.dateHow}`
        : exports.find((e) => e.choices.date)
          ? exports.find((e) => e.choices.date)!.dateHow
          : 'no date column';
  for (const e of guessed)
    checks.push(`Dates in ${JSON.stringify(e.profile.name)}: ${e.dateHow}. If that is wrong, set csv.date_format to ${e.dateOrder === 'dmy' ? 'mdy' : 'dmy'}`);

  // Consent.
  const inverted = exports.some((e) => e.choices.consent?.inverted);
  const consent = exports.find((e) => e.choices.consent)?.choices.consent;
  const consentComment = consent
    ? inverted
      ? 'the question asks "may we share your name?": yes = named, no or blank = confidential'
      : 'the question asks whether to keep the answers confidential: yes or blank = confidential'
    : 'no confidentiality question found: every answer counts as given by name';
  if (consent) {
    checks.push(
      `The confidentiality question is ${JSON.stringify(label(consent.column.question ?? consent.column.header))}, read as ${inverted ? '"may we share your name?" (yes = named)' : '"keep my answers confidential?" (yes = confidential)'}; a blank or unclear answer counts as confidential. If it asks the other way round, set csv.confidential_inverted to ${!inverted}`,
    );
  } else {
    checks.push('No confidentiality question was found, so every answer counts as given by name: if your survey asks one, name its column under columns.responses.confidential');
  }

  // Suggestions from the first export: breakdowns and ratings.
  const first = exports[0]!;
  const segments = first.choices.segments.map((c) => ({ id: slugId(c.header), label: label(c.header), header: c.header, values: c.values.size }));
  const ratings = first.choices.ratings.map((c) => ({ id: slugId(c.header), label: label(c.question ?? c.header), header: c.header, scale: c.scale }));

  const tagsSeparator = exports.find((e) => e.choices.tags)?.choices.tags?.separator ?? exports[0]!.tool.tagsSeparator;
  const plan: ProgramPlan = {
    sources: exports.map((e) => `${e.profile.name} (${e.tool.name} export) -> responses/${e.wave.id}.csv`),
    waves: exports.map((e) => ({
      id: e.wave.id,
      label: e.wave.label,
      comment:
        e.wave.from === 'dates' && e.dates.length > 0
          ? `named from its dates, ${e.dates.reduce((a, b) => (a < b ? a : b))} to ${e.dates.reduce((a, b) => (a > b ? a : b))}`
          : `named from the file name`,
    })),
    ids,
    idsComment,
    tagsSeparator,
    columns,
    dateFormat,
    dateComment,
    confidentialInverted: inverted,
    consentComment,
    segments,
    ratings,
  };

  for (const e of exports) {
    const c = e.choices;
    const lines = [`${e.profile.name}: ${e.tool.name === 'a spreadsheet' ? 'a spreadsheet export' : `a ${e.tool.name} export`}, ${e.profile.rows.toLocaleString('en-US')} rows`];
    const enc = describeEncoding(e.profile.read.encoding);
    lines.push(
      `  file      ${enc ?? 'UTF-8'}; separated by ${e.profile.read.delimiter === '\t' ? 'tabs' : `"${e.profile.read.delimiter}"`}${e.profile.toolRows ? `; ${e.profile.toolRows.count} row${e.profile.toolRows.count === 1 ? '' : 's'} of ${e.profile.toolRows.what} under the header (skipped)` : ''}`,
    );
    lines.push(`  wave      ${e.wave.id} ("${e.wave.label}", from the ${e.wave.from}) -> responses/${e.wave.id}.csv`);
    const show = (what: string, col: ColumnProfile | undefined, extra = '') =>
      lines.push(
        `  ${what.padEnd(9)} ${col ? `${JSON.stringify(label(col.header))}${col.question ? ` (${JSON.stringify(label(col.question))})` : ''}${extra}` : `none found${extra}`}`,
      );
    show('score', c.score?.column);
    show('id', c.id?.column, c.id ? '' : ' (each response is known by its row)');
    show('date', c.date?.column, c.date ? `, ${ORDER_WORDS[e.dateOrder]}${e.unreadableDates > 0 ? `; ${e.unreadableDates} cell(s) not a date: kept, undated` : ''}` : '');
    show('comment', c.comment?.column);
    show(
      'consent',
      c.consent?.column,
      c.consent ? (c.consent.inverted ? ', asks "may we share your name?"' : ', asks to keep answers confidential') : ', every answer counts as named',
    );
    show('person', c.contact?.column);
    show('company', c.account?.column);
    if (c.tags) show('tags', c.tags.column, `, separated by "${c.tags.separator}"`);
    summary.push(lines.join('\n'));
  }
  checks.unshift('program.name and program.company in program.yml: they head every page');

  return { exports, programYaml: programYaml(plan), copies: exports.map((e) => ({ from: e.path, to: `responses/${e.wave.id}.csv` })), summary, checks };
}
