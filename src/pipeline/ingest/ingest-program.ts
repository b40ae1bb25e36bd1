/**
 * Ingests a program's data folder: program.yml, then accounts and contacts (so responses
 * can be checked against them), the responses wave by wave, invitations, metrics and the
 * follow-up log. Responses are streamed to `onResponse` and not kept here; the small
 * reference tables are returned whole.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProgram, type LoadedProgram } from '../config/load-program.ts';
import type { ProgramSettings } from '../config/program-schema.ts';
import { readTable, type ReadTableOptions, type RowContext } from './read-table.ts';
import { totalsOf, StructuralError, type FileReport, type IngestReport, type Notice, type RowIssue, type StructuralIssue } from './report.ts';
import type { Account, Contact, FollowupEntry, IngestedResponse, Metric, Segments, Wave, WaveInvitations } from './entities.ts';
import { accountColumns, accountRowSchema } from '../schemas/account.ts';
import { contactColumns, contactRowSchema } from '../schemas/contact.ts';
import { responseColumnsFor, responseDateColumns, responseRowSchema, type RatingColumn } from '../schemas/response.ts';
import { invitationColumns, invitationRowSchema } from '../schemas/invitation.ts';
import { metricColumns, metricRowSchema } from '../schemas/metric.ts';
import { followupColumns, followupRowSchema } from '../schemas/followup.ts';
import type { TableSpec } from '../schemas/table-spec.ts';
import { naturalCompare } from '../util/compare.ts';
import { IdIndex } from './id-index.ts';
import type { DateOrder } from '../schemas/dates.ts';
import type { ColumnMapping } from './columns.ts';
import { ACCOUNT_MISMATCH, UNKNOWN_ACCOUNT, UNKNOWN_CONTACT, duplicateResponse } from './reference-issues.ts';
import { findCubeInput, ingestCube, type CubeIngestOptions } from './ingest-cube.ts';
import { duckdbEngine, type EngineResult } from '../engine/duckdb-engine.ts';

export interface IngestOptions {
  dataDir: string;
  /** program.yml, when the caller has read it already. */
  program?: LoadedProgram;
  onResponse: (r: IngestedResponse) => void;
  /** Where a supplied cube and extract go (the cube path, docs/scale.md); required when the data folder holds a cube. */
  cube?: CubeSink;
  /**
   * Read the response files with the DuckDB engine (engine/duckdb-engine.ts), which writes the
   * cube and extract into `workDir` once accounts and contacts are validated; the cube path then
   * reads them, and the report shows the response files in their place.
   */
  duckdb?: { workDir: string };
  onRejected?: (issues: RowIssue[]) => void;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
}

/** What takes a supplied cube: its cells, their rating tallies and the extract's rows (analysis/collector.ts). */
export interface CubeSink {
  addCell: CubeIngestOptions['onCell'];
  /** False when no scores row has the key. */
  addTallies: CubeIngestOptions['onTallies'];
  addRecord: (r: IngestedResponse) => void;
}

export interface IngestResult {
  settings: ProgramSettings;
  waves: Wave[];
  accounts: Map<string, Account>;
  contacts: Map<string, Contact>;
  /** Per wave id with an invitations file: who was invited, and how many per account. */
  invitations: Map<string, WaveInvitations>;
  metrics: Metric[];
  followups: FollowupEntry[];
  /** Contacts who chose confidentiality in any wave (see docs/data.md). */
  confidentialContacts: IdIndex;
  /** Latest submitted date per wave id, when responses carry one. */
  lastSubmitted: Map<string, string>;
  report: IngestReport;
  /** How the responses were read: row by row, or from a supplied cube. */
  input: 'rows' | 'cube';
  /** False for a supplied cube without a record extract. */
  records: boolean;
  /** Named answers the DuckDB engine made confidential by the per-person rule (the row path moves them in the collector). */
  movedByEngine: number;
}

const NO_SEGMENTS: Segments = Object.freeze({});
const NO_RATINGS: readonly (number | undefined)[] = Object.freeze([]);

const days = new Map<string, string>();
/** The one string of a date: answers share a few hundred days. */
export function sharedDay(day: string | undefined): string | undefined {
  if (day === undefined) return undefined;
  const known = days.get(day);
  if (known !== undefined) return known;
  if (days.size < 100_000) days.set(day, day);
  return day;
}

/** The ids of the rated attributes, in the order of ratingColumnsOf (the cube's order). */
export function ratingIdsOf(settings: ProgramSettings): string[] {
  return [...settings.attributes.map((a) => a.id), ...(settings.overall_satisfaction ? ['overall_satisfaction'] : [])];
}

/** How a role name is compared with program.yml's role ids, labels and aliases: case and runs of "_" or "-" aside. */
export const roleKey = (name: string) => name.trim().toLowerCase().replace(/[_-]+/g, ' ');

/** The rating columns of program.yml: each attribute, then overall satisfaction. */
export function ratingColumnsOf(settings: ProgramSettings): RatingColumn[] {
  const out: RatingColumn[] = settings.attributes.map((a) => ({ column: a.column ?? a.id, label: a.label, scale: a.scale }));
  if (settings.overall_satisfaction)
    out.push({ column: settings.overall_satisfaction.column, label: settings.overall_satisfaction.label, scale: settings.overall_satisfaction.scale });
  return out;
}
/** Marks a response id whose row was rejected after its id was registered. */
const REJECTED = -1;
const WAVE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A wave file that lost all or nearly all of its rows would build a wave of almost nothing: stop, and say why. */
export function waveLoss(report: FileReport): StructuralIssue | null {
  const { rows, used, rejected } = report;
  if (rows === 0) return null;
  const top = report.reasons[0];
  if (used === 0 && rejected === 0) {
    return {
      file: report.file,
      message: `none of its ${rows.toLocaleString('en-US')} rows is an answer to count: every row was skipped (see the notices above)`,
      fix: 'check that this is the right export; rows are skipped as survey previews, tests or unfinished responses by responses.skip in program.yml',
    };
  }
  if (rejected === 0 || rejected < 0.9 * (used + rejected)) return null;
  return {
    file: report.file,
    message: `${rejected.toLocaleString('en-US')} of its ${(used + rejected).toLocaleString('en-US')} rows were rejected${top ? `, most (${top.count.toLocaleString('en-US')}) for this: ${top.example}` : ''}`,
    fix:
      top?.code === 'response_id.duplicate'
        ? 'if your survey tool numbers the responses of each export from 1 (Microsoft Forms does), set responses.ids: per_wave in program.yml'
        : 'correct the export or program.yml as the rejected rows above say; a wave is not built from a few of its rows',
  };
}

async function listCsv(dir: string, names = /\.csv$/i): Promise<string[] | null> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && names.test(e.name))
      .map((e) => e.name)
      .sort(naturalCompare);
  } catch {
    return null;
  }
}

async function exists(dir: string, name: string): Promise<boolean> {
  try {
    return (await readdir(dir)).includes(name);
  } catch {
    return false;
  }
}

const waveIdOf = (name: string) => name.replace(/\.(csv|parquet)$/i, '');

/** Wave order: program.yml's list first, then any other response file in natural order. */
function resolveWaves(
  settings: ProgramSettings,
  responseFiles: string[],
  problems: StructuralIssue[],
  notices: Notice[],
  /** What a listed wave without answers lacks, for its notice. */
  lacks: (id: string) => string = (id) => `responses/${id}.csv`,
): Wave[] {
  const byId = new Map(responseFiles.map((f) => [waveIdOf(f), f]));
  const waves: Wave[] = [];
  for (const w of settings.waves) {
    const f = byId.get(w.id);
    if (f === undefined) {
      notices.push({ file: 'program.yml', message: `wave ${w.id} is listed but has no ${lacks(w.id)} yet; it is left out` });
      continue;
    }
    waves.push({ id: w.id, label: w.label ?? w.id, index: 0, file: `responses/${f}`, asOf: w.as_of, opened: w.opened, closed: w.closed, period: w.period ?? w.id });
    byId.delete(w.id);
  }
  for (const [id, f] of byId) {
    if (!WAVE_ID.test(id)) {
      problems.push({
        file: `responses/${f}`,
        message: `"${id}" cannot be a wave id (it names pages and files)`,
        fix: 'rename the file using letters, digits, "-", "_" or "." only, e.g. 2026-Q1.csv',
      });
      continue;
    }
    waves.push({ id, label: id, index: 0, file: `responses/${f}`, period: id });
  }
  waves.forEach((w, i) => (w.index = i));
  return waves;
}

function segmentColumns(settings: ProgramSettings, source: 'response' | 'contact' | 'account' | 'any'): string[] {
  return settings.segments.filter((s) => source === 'any' || s.source === 'auto' || s.source === source).map((s) => s.column ?? s.id);
}

function pickSegments(row: Record<string, unknown>, columns: string[]): Segments {
  const out: Segments = {};
  for (const c of columns) out[c] = row[c] as string | undefined;
  return out;
}

export async function ingestProgram(opts: IngestOptions): Promise<IngestResult> {
  const { dataDir } = opts;
  const loaded = opts.program ?? (await loadProgram(dataDir));
  const settings = loaded.settings;
  const structural: StructuralIssue[] = [...loaded.problems];
  const notices: Notice[] = [...loaded.notices];
  const files: FileReport[] = [];
  const csv = settings.csv;

  /** Per input, the day/month order the first file to settle it settled (the same tool writes the same way). */
  const settledOrder = new Map<string, DateOrder>();
  const read = async <T>(
    file: string,
    spec: TableSpec,
    schema: ReadTableOptions<T>['schema'],
    accept: (v: T, ctx: RowContext) => RowIssue | null,
    extra: Partial<ReadTableOptions<T>> & { dateColumns?: readonly string[] } = {},
  ): Promise<FileReport> => {
    const { dateColumns, ...rest } = extra;
    const result = await readTable({
      path: join(dataDir, file),
      file,
      spec,
      schema,
      accept,
      mapping: (settings.columns as Record<string, ColumnMapping | undefined>)[spec.name] ?? {},
      delimiter: csv.delimiter,
      skipRowsAfterHeader: csv.skip_rows_after_header,
      ...(opts.onRejected ? { onRejected: opts.onRejected } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(dateColumns ? { dates: { format: csv.date_format, columns: dateColumns, settled: settledOrder.get(spec.name) } } : {}),
      ...rest,
    });
    files.push(result.report);
    structural.push(...result.structural);
    notices.push(...result.notices);
    if (result.dateOrder && !settledOrder.has(spec.name)) settledOrder.set(spec.name, result.dateOrder);
    return result.report;
  };

  let cubeFiles = findCubeInput(dataDir);
  const useEngine = opts.duckdb !== undefined && cubeFiles === null;
  // The engine reads Parquet files too.
  const responseFiles = cubeFiles ? [] : await listCsv(join(dataDir, 'responses'), useEngine ? /\.(csv|parquet)$/i : /\.csv$/i);
  if (cubeFiles && cubeFiles.scores.length === 0) {
    structural.push({
      file: 'cube/',
      message: 'the cube folder holds no scores file',
      fix: 'write the cube query of docs/scale.md to cube/scores.csv (or .parquet), or put the response files in responses/',
    });
    throw new StructuralError(structural);
  }
  if ((cubeFiles || useEngine) && !opts.cube) throw new Error('a cube input needs a cube sink');
  if (!cubeFiles && (responseFiles === null || responseFiles.length === 0)) {
    structural.push({
      file: 'responses/',
      message: responseFiles === null ? `there is no responses folder in ${dataDir}` : 'the responses folder holds no .csv file',
      fix: 'put one CSV per wave in responses/, named after the wave, e.g. responses/2026-Q1.csv (or point CHORUS_DATA at your data folder)',
    });
    throw new StructuralError(structural);
  }
  let waves = resolveWaves(settings, responseFiles ?? [], cubeFiles ? [] : structural, cubeFiles ? [] : notices);
  if (waves.length > 1024) {
    structural.push({
      file: 'responses/',
      message: `${waves.length} waves is more than one build handles (1,024)`,
      fix: 'keep the waves of one program in its folder, and archive older ones',
    });
    throw new StructuralError(structural);
  }

  // Roles: contacts.csv's free text -> program.yml role id.
  const roleByAlias = new Map<string, string>();
  for (const [id, r] of Object.entries(settings.roles)) {
    for (const name of [id, r.label, ...r.aliases]) roleByAlias.set(roleKey(name), id);
  }
  const roleIdOf = (role: string | undefined) => (role === undefined ? undefined : roleByAlias.get(roleKey(role)));

  // Accounts
  const accounts = new Map<string, Account>();
  const hasAccounts = await exists(dataDir, 'accounts.csv');
  if (hasAccounts) {
    const segs = segmentColumns(settings, 'account');
    await read(
      'accounts.csv',
      accountColumns,
      (dateFormat) => accountRowSchema({ dateFormat, decimal: csv.decimal_separator, segmentColumns: segs }),
      (a, ctx) => {
        if (accounts.has(a.account_id)) {
          return ctx.issue('account_id.duplicate', 'account_id', a.account_id, 'this account id appears twice', 'keep one row per account');
        }
        accounts.set(a.account_id, { id: a.account_id, name: a.name, arr: a.arr, renewalDate: a.renewal_date, owner: a.owner, segments: pickSegments(a, segs) });
        return null;
      },
      { extraColumns: segs, dateColumns: ['renewal_date'] },
    );
  }
  const unknownAccount = (ctx: RowContext, id: string) => ctx.issue(UNKNOWN_ACCOUNT.code, UNKNOWN_ACCOUNT.column, id, UNKNOWN_ACCOUNT.message, UNKNOWN_ACCOUNT.fix);

  // Contacts
  const contacts = new Map<string, Contact>();
  const hasContacts = await exists(dataDir, 'contacts.csv');
  let unmappedRoles = new Set<string>();
  if (hasContacts) {
    const segs = segmentColumns(settings, 'contact');
    await read(
      'contacts.csv',
      contactColumns,
      contactRowSchema({ segmentColumns: segs }),
      (c, ctx) => {
        if (contacts.has(c.contact_id)) return ctx.issue('contact_id.duplicate', 'contact_id', c.contact_id, 'this contact id appears twice', 'keep one row per contact');
        if (hasAccounts && c.account_id !== undefined && !accounts.has(c.account_id)) return unknownAccount(ctx, c.account_id);
        const roleId = roleIdOf(c.role);
        if (c.role !== undefined && roleId === undefined) unmappedRoles.add(c.role);
        contacts.set(c.contact_id, { id: c.contact_id, accountId: c.account_id, name: c.name, email: c.email, role: c.role, roleId, segments: pickSegments(c, segs) });
        return null;
      },
      { extraColumns: segs },
    );
    if (unmappedRoles.size > 0) {
      const list = [...unmappedRoles]
        .sort(naturalCompare)
        .slice(0, 10)
        .map((r) => JSON.stringify(r))
        .join(', ');
      notices.push({ file: 'contacts.csv', message: `roles not listed in program.yml roles (counted as having no role): ${list}` });
    }
    unmappedRoles = new Set();
  }
  const mismatch = (ctx: RowContext, id: string) => ctx.issue(ACCOUNT_MISMATCH.code, ACCOUNT_MISMATCH.column, id, ACCOUNT_MISMATCH.message, ACCOUNT_MISMATCH.fix);
  const unknownContact = (ctx: RowContext, id: string) => ctx.issue(UNKNOWN_CONTACT.code, UNKNOWN_CONTACT.column, id, UNKNOWN_CONTACT.message, UNKNOWN_CONTACT.fix);

  // Responses, wave by wave. Each used id is kept with where it was seen: row * 1024 + wave index.
  const seen = new IdIndex();
  const confidentialContacts = new IdIndex();
  const lastSubmitted = new Map<string, string>();
  const segmentSettings = settings.segments;
  const responseSegs = segmentColumns(settings, 'response');
  const ratingColumns = ratingColumnsOf(settings);
  const ids = settings.responses.ids;
  const responseSpec = responseColumnsFor(ids);
  let cubeAnswers: number[] | null = null;
  let extractIds: IdIndex | null = null;
  let engine: EngineResult | null = null;
  const engineWaves = waves;
  if (useEngine) {
    engine = await duckdbEngine({ dataDir, settings, waves, workDir: opts.duckdb!.workDir, accounts, contacts, hasAccounts, hasContacts });
    if (engine.structural.length > 0) {
      structural.push(...engine.structural);
      throw new StructuralError(structural, { files, structural, notices, totals: totalsOf(files) });
    }
    cubeFiles = engine.files;
  }
  if (cubeFiles) {
    const files0 = cubeFiles.scores[0]!;
    const r = await ingestCube({
      dataDir,
      files: cubeFiles,
      settings,
      read: (path, file, spec, schema, accept, named) => read(file, spec, schema, accept, { path, extraColumns: named }),
      resolveWaves: (ids) => {
        waves = resolveWaves(
          settings,
          ids.map((id) => `${id}.csv`),
          structural,
          engine ? [] : notices,
          () => 'answers in the cube',
        );
        for (const w of waves) w.file = engineWaves.find((e) => e.id === w.id && engine)?.file ?? files0;
        return waves;
      },
      accounts,
      contacts,
      hasAccounts,
      hasContacts,
      onCell: opts.cube!.addCell,
      onTallies: opts.cube!.addTallies,
      onRecord: opts.cube!.addRecord,
      structural,
    });
    cubeAnswers = r.answers;
    extractIds = r.responseIds;
    for (const [id, last] of r.lastSubmitted) lastSubmitted.set(id, last);
    for (let e = 0; e < r.confidentialContacts.size; e++) confidentialContacts.adopt(r.confidentialContacts, e, 1);
  }
  for (const wave of cubeFiles ? [] : waves) {
    const file = wave.file!;
    let last: string | undefined;
    let unclearConsent = 0;
    const undated = { count: 0, example: '' };
    // Counted for the answers kept (a rejected row's date is not news): the reader only makes the date optional.
    const onUnreadableDate = () => {};
    const keptUndated = (cell: string | undefined) => {
      if (cell === undefined || cell.trim() === '') return;
      if (undated.count++ === 0) undated.example = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
    };
    const schema = (dateFormat: DateOrder | 'iso') =>
      responseRowSchema({
        dateFormat,
        confidentialInverted: csv.confidential_inverted,
        segmentColumns: responseSegs,
        ratings: ratingColumns,
        tagsSeparator: settings.responses.tags_separator,
        ids,
        onUnreadableDate,
      });
    const report = await read(
      file,
      responseSpec,
      schema,
      (r, ctx) => {
        // Ids that restart per export are keyed by wave; an export without ids is keyed by row.
        const responseId = ids === 'unique' ? r.response_id : `${wave.id}/${ids === 'row_number' ? ctx.row : r.response_id}`;
        // One lookup registers the id; a row rejected below marks it REJECTED so a later row may reuse it.
        const prior = seen.setIfAbsent(responseId, ctx.row * 1024 + wave.index);
        if (prior === REJECTED) seen.set(responseId, ctx.row * 1024 + wave.index);
        else if (prior !== undefined) {
          const where = waves[prior % 1024]!.file!;
          const d = duplicateResponse(`${where}, row ${Math.floor(prior / 1024)}`, where !== file && ids === 'unique');
          return ctx.issue(d.code, d.column, r.response_id, d.message, d.fix);
        }
        let accountId = r.account_id;
        const contact = r.contact_id === undefined ? undefined : contacts.get(r.contact_id);
        const rejectAs = (issue: RowIssue) => {
          seen.set(responseId, REJECTED);
          return issue;
        };
        if (r.contact_id !== undefined && hasContacts && contact === undefined) return rejectAs(unknownContact(ctx, r.contact_id));
        if (contact?.accountId !== undefined) {
          if (accountId !== undefined && accountId !== contact.accountId) {
            return rejectAs(mismatch(ctx, accountId));
          }
          accountId = contact.accountId;
        }
        if (accountId !== undefined && hasAccounts && !accounts.has(accountId)) return rejectAs(unknownAccount(ctx, accountId));
        const account = accountId === undefined ? undefined : accounts.get(accountId);

        const segments: Segments = segmentSettings.length === 0 ? NO_SEGMENTS : {};
        for (const s of segmentSettings) {
          const col = s.column ?? s.id;
          const own = s.source === 'auto' || s.source === 'response' ? ((r as Record<string, unknown>)[col] as string | undefined) : undefined;
          segments[s.id] =
            own ??
            (s.source === 'auto' || s.source === 'contact' ? contact?.segments[col] : undefined) ??
            (s.source === 'auto' || s.source === 'account' ? account?.segments[col] : undefined);
        }
        // Consent fails safe: an unclear answer (blank, unreadable) is confidential.
        const confidential = r.confidential !== false;
        if (r.confidential === 'unclear') unclearConsent++;
        if (confidential && r.contact_id !== undefined) confidentialContacts.setIfAbsent(r.contact_id, 1);
        if (r.submitted_at !== undefined && (last === undefined || r.submitted_at > last)) last = r.submitted_at;
        else if (r.submitted_at === undefined) keptUndated(ctx.cell('submitted_at'));
        opts.onResponse({
          wave: wave.id,
          waveIndex: wave.index,
          responseId,
          score: r.score,
          // One string per contact, account and day however many answers name them (memory at millions of answers).
          submittedAt: sharedDay(r.submitted_at),
          contactId: contact?.id ?? r.contact_id,
          accountId: account?.id ?? accountId,
          roleId: contact?.roleId,
          comment: r.comment,
          confidential,
          themes: r.themes,
          segments,
          ratings: ratingColumns.length === 0 ? NO_RATINGS : ratingColumns.map((c) => (r as Record<string, unknown>)[c.column] as number | undefined),
        });
        return null;
      },
      { extraColumns: [...responseSegs, ...ratingColumns.map((c) => c.column)], skipRules: settings.responses.skip, dateColumns: responseDateColumns },
    );
    if (last !== undefined) lastSubmitted.set(wave.id, last);
    if (undated.count > 0) {
      notices.push({
        file,
        message: `${undated.count.toLocaleString('en-US')} response${undated.count === 1 ? ' has a' : 's have a'} submitted date that is not a date (e.g. ${JSON.stringify(undated.example)}): kept, without a date`,
      });
    }
    const lost = waveLoss(report);
    if (lost) structural.push(lost);
    if (unclearConsent > 0) {
      notices.push({
        file,
        confidential: true,
        message: `${unclearConsent.toLocaleString('en-US')} answer${unclearConsent === 1 ? '' : 's'} to the confidentiality question ${unclearConsent === 1 ? 'was' : 'were'} blank or unreadable: counted as confidential, never as consent to be named (write true/false, yes/no or 1/0)`,
      });
    }
  }

  // Invitations, per wave, kept compact: who (an id index) and how many per account.
  const invitations = new Map<string, WaveInvitations>();
  const invitationFiles = (await listCsv(join(dataDir, 'invitations'))) ?? [];
  const waveIds = new Set(waves.map((w) => w.id));
  for (const name of invitationFiles) {
    const waveId = waveIdOf(name);
    const file = `invitations/${name}`;
    if (!waveIds.has(waveId)) {
      structural.push({
        file,
        message: `there is no wave "${waveId}" (no responses/${waveId}.csv)`,
        fix: `name the file after its wave's responses file, e.g. invitations/${waves[0]?.id ?? '2026-Q1'}.csv`,
      });
      continue;
    }
    const invited: WaveInvitations = { contacts: new IdIndex(), byAccount: new Map() };
    invitations.set(waveId, invited);
    await read(
      file,
      invitationColumns,
      (dateFormat) => invitationRowSchema(dateFormat),
      (inv, ctx) => {
        if (invited.contacts.has(inv.contact_id))
          return ctx.issue('contact_id.duplicate', 'contact_id', inv.contact_id, 'this contact is invited twice in this wave', 'keep one row per contact');
        const contact = contacts.get(inv.contact_id);
        if (hasContacts && contact === undefined) return unknownContact(ctx, inv.contact_id);
        const accountId = contact?.accountId ?? inv.account_id;
        if (inv.account_id !== undefined && contact?.accountId !== undefined && inv.account_id !== contact.accountId) {
          return mismatch(ctx, inv.account_id);
        }
        if (accountId !== undefined && hasAccounts && !accounts.has(accountId)) return unknownAccount(ctx, accountId);
        invited.contacts.set(inv.contact_id, 1);
        if (accountId !== undefined) invited.byAccount.set(accountId, (invited.byAccount.get(accountId) ?? 0) + 1);
        return null;
      },
      { dateColumns: ['invited_at'] },
    );
  }

  // Metrics (long format).
  const metrics: Metric[] = [];
  if (await exists(dataDir, 'metrics.csv')) {
    const segs = segmentColumns(settings, 'any');
    const keys = new Set<string>();
    await read(
      'metrics.csv',
      metricColumns,
      metricRowSchema({ decimal: csv.decimal_separator, segmentColumns: segs }),
      (m, ctx) => {
        if (m.account_id !== undefined && hasAccounts && !accounts.has(m.account_id)) return unknownAccount(ctx, m.account_id);
        const segments = pickSegments(m, segs);
        const key = JSON.stringify([m.metric, m.period, m.account_id ?? null, segs.map((c) => segments[c] ?? null)]);
        if (keys.has(key))
          return ctx.issue(
            'metric.duplicate',
            'metric',
            m.metric,
            `"${m.metric}" already has a value for period ${m.period} and the same account and segments`,
            'keep one row per metric, period, account and segment',
          );
        keys.add(key);
        metrics.push({ metric: m.metric, period: m.period, value: m.value, unit: m.unit, accountId: m.account_id, segments });
        return null;
      },
      { extraColumns: segs },
    );
  }

  // Follow-up log.
  const followups: FollowupEntry[] = [];
  if (await exists(dataDir, 'followups.csv')) {
    await read(
      'followups.csv',
      followupColumns,
      (dateFormat) => followupRowSchema(dateFormat),
      (f, ctx) => {
        if (extractIds ? !extractIds.has(f.response_id) : (seen.get(f.response_id) ?? REJECTED) === REJECTED)
          return ctx.issue('response_id.unknown', 'response_id', f.response_id, 'no valid response has this id', 'correct the id, or check why that response was rejected');
        followups.push({ responseId: f.response_id, status: f.status, owner: f.owner, openedAt: f.opened_at, closedAt: f.closed_at, method: f.method, note: f.note });
        return null;
      },
      { dateColumns: ['opened_at', 'closed_at'] },
    );
  }

  // On the cube path the totals count the cube's answers in place of its rows (cells), as the row path counts response rows.
  const supplied = cubeFiles;
  const cubeFile = (f: FileReport) => supplied !== null && (supplied.scores.includes(f.file) || supplied.ratings.includes(f.file) || supplied.extract.includes(f.file));
  if (engine) {
    // The engine's own cube files are its working copies: the report lists the response files it read, where the cube's were.
    const at = files.findIndex(cubeFile);
    const kept = files.filter((f) => !cubeFile(f));
    kept.splice(at < 0 ? kept.length : at, 0, ...engine.reports);
    files.splice(0, files.length, ...kept);
    notices.push(...engine.notices);
    for (const r of engine.reports) {
      const lost = waveLoss(r);
      if (lost) structural.push(lost);
    }
  }
  const totals = totalsOf(files.filter((f) => !cubeFile(f)));
  if (cubeAnswers && !engine) {
    const n = cubeAnswers.reduce((a, b) => a + b, 0);
    totals.rows += n;
    totals.used += n;
  }
  const used = cubeAnswers ? cubeAnswers.reduce((a, b) => a + b, 0) : files.filter((f) => f.file.startsWith('responses/')).reduce((s, f) => s + f.used, 0);
  if (used === 0 && structural.length === 0) {
    structural.push({ file: 'responses/', message: 'no response could be used: every row was rejected or the files hold no rows', fix: 'see the rejected rows above' });
  }
  if (structural.length > 0) throw new StructuralError(structural, { files, structural, notices, totals });
  return {
    settings,
    waves,
    accounts,
    contacts,
    invitations,
    metrics,
    followups,
    confidentialContacts,
    lastSubmitted,
    report: { files, structural, notices, totals },
    input: cubeFiles ? 'cube' : 'rows',
    records: cubeFiles === null || cubeFiles.extract.length > 0,
    movedByEngine: engine?.moved ?? 0,
  };
}
