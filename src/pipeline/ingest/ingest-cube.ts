/**
 * The cube path's ingest (docs/scale.md): a supplied score cube (`cube/…scores`, `cube/…ratings`)
 * and record extract (`extract/…`), as CSV or Parquet, read in place of response rows. Every
 * file goes through a row schema like any input (schemas/cube-input.ts); cells add into the
 * collector's cube, extract rows into its records. The checks here make a cube that cannot be
 * the program's stop the build rather than change a figure: unknown waves, attributes, accounts
 * or contacts reject rows, and an extract whose named answers differ from the cube's named cells
 * is a structural problem.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgramSettings } from '../config/program-schema.ts';
import { ratingIdsOf, sharedDay } from './ingest-program.ts';
import { IdIndex } from './id-index.ts';
import type { FileReport, RowIssue, StructuralIssue } from './report.ts';
import type { RowContext } from './read-table.ts';
import type { Account, Contact, IngestedResponse } from './entities.ts';
import type { TableSpec } from '../schemas/table-spec.ts';
import type { RowSchema } from '../schemas/cells.ts';
import {
  cubeRatingsColumns,
  cubeRatingsRowSchema,
  cubeScoresColumns,
  cubeScoresRowSchema,
  extractColumns,
  extractRowSchema,
  SCORE_COLUMNS,
  segmentColumn,
} from '../schemas/cube-input.ts';
import { NOT_KNOWN, RATING_FIELDS, type CellKey } from '../cube/cube.ts';
import { naturalCompare } from '../util/compare.ts';
import { parquetToCsv } from '../engine/duckdb.ts';
import { UNKNOWN_ACCOUNT, UNKNOWN_CONTACT } from './reference-issues.ts';

/** The supplied files, relative to the data folder (or absolute, from the DuckDB engine). */
export interface CubeFiles {
  scores: string[];
  ratings: string[];
  extract: string[];
}

const TABLE = /\.(csv|parquet)$/i;

function list(dir: string): string[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && TABLE.test(e.name))
      .map((e) => e.name)
      .sort(naturalCompare);
  } catch {
    return null;
  }
}

/**
 * The cube input of a data folder: its `cube/` folder when there is no `responses/` folder
 * (a folder with both is read from its responses, the cube being the last build's `--cube`).
 */
export function findCubeInput(dataDir: string): CubeFiles | null {
  if (list(join(dataDir, 'responses')) !== null) return null;
  const cube = list(join(dataDir, 'cube'));
  if (cube === null) return null;
  return {
    scores: cube.filter((f) => /scores\.(csv|parquet)$/i.test(f)).map((f) => `cube/${f}`),
    ratings: cube.filter((f) => /ratings\.(csv|parquet)$/i.test(f)).map((f) => `cube/${f}`),
    extract: (list(join(dataDir, 'extract')) ?? []).map((f) => `extract/${f}`),
  };
}

/** Reads one file with a schema (the caller's readTable, which tallies it in the report). */
export type ReadFile = <T>(
  path: string,
  file: string,
  spec: TableSpec,
  schema: RowSchema<T>,
  accept: (v: T, ctx: RowContext) => RowIssue | null,
  named: readonly string[],
) => Promise<FileReport>;

export interface CubeIngestOptions {
  dataDir: string;
  files: CubeFiles;
  settings: ProgramSettings;
  read: ReadFile;
  /** Wave ids in program order, given the ids the cube holds (ingest-program's wave resolution). */
  resolveWaves: (ids: string[]) => { id: string; index: number; file: string | null }[];
  accounts: Map<string, Account>;
  contacts: Map<string, Contact>;
  hasAccounts: boolean;
  hasContacts: boolean;
  onCell: (key: CellKey, histogram: number[], people: number, dated: number, lastSubmitted: string | undefined) => void;
  onTallies: (key: CellKey, attribute: number, tallies: number[]) => boolean;
  onRecord: (r: IngestedResponse) => void;
  structural: StructuralIssue[];
}

export interface CubeIngestResult {
  waves: { id: string; index: number; file: string | null }[];
  /** Per wave: its answers (the cube's histograms summed), for the report's totals. */
  answers: number[];
  lastSubmitted: Map<string, string>;
  confidentialContacts: IdIndex;
  /** Response ids of the extract (follow-up log entries must name one). */
  responseIds: IdIndex;
}

/** Reads the supplied cube and extract; returns the waves they hold. */
export async function ingestCube(o: CubeIngestOptions): Promise<CubeIngestResult> {
  const { settings } = o;
  const dimensions = settings.segments.map((s) => s.id);
  const attributes = ratingIdsOf(settings);
  const temp = mkdtempSync(join(tmpdir(), 'chorus-parquet-'));
  const segmentColumns = dimensions.map(segmentColumn);
  const readAny = async <T>(file: string, spec: TableSpec, schema: RowSchema<T>, accept: (v: T, ctx: RowContext) => RowIssue | null) => {
    const abs = file.startsWith('/') ? file : join(o.dataDir, file);
    let path = abs;
    if (/\.parquet$/i.test(file)) await parquetToCsv(abs, (path = join(temp, `${readdirSync(temp).length}.csv`)));
    return o.read(path, file, spec, schema, accept, spec === extractColumns ? [] : segmentColumns);
  };
  try {
    // Scores first: the waves are the ones the cube holds.
    const scoreRows: { key: Omit<CellKey, 'wave'> & { wave: string }; histogram: number[]; people: number; dated: number; last: string | undefined }[] = [];
    const scoresSchema = cubeScoresRowSchema(dimensions);
    for (const file of o.files.scores) {
      await readAny(file, cubeScoresColumns, scoresSchema, (r, ctx) => {
        const row = r as Record<string, unknown>;
        const histogram = SCORE_COLUMNS.map((c) => row[c] as number);
        const n = histogram.reduce((a, b) => a + b, 0);
        if (n === 0) return ctx.issue('cube.empty', 'score_0', undefined, 'this cell holds no answer', 'leave out cells without answers');
        if (r.people > n)
          return ctx.issue('cube.people', 'people', String(r.people), 'more people than answers in this cell', 'count each person once, in the cell of their first answer');
        if (r.dated > n) return ctx.issue('cube.dated', 'dated', String(r.dated), 'more dated answers than answers in this cell', 'count the answers with a submitted date');
        const account = accountOf(r.account_id, o, ctx);
        if (typeof account !== 'string' && account !== undefined) return account;
        scoreRows.push({
          key: { wave: r.wave, account, role: r.role, confidential: r.confidential, segments: segmentsOf(row, dimensions) },
          histogram,
          people: r.people,
          dated: r.dated,
          last: r.last_submitted,
        });
        return null;
      });
    }
    const waves = o.resolveWaves([...new Set(scoreRows.map((c) => c.key.wave))].sort(naturalCompare));
    const waveIndex = new Map(waves.map((w) => [w.id, w.index]));
    const answers = waves.map(() => 0);
    const lastSubmitted = new Map<string, string>();
    for (const c of scoreRows) {
      const wave = waveIndex.get(c.key.wave);
      if (wave === undefined) continue;
      o.onCell({ ...c.key, wave }, c.histogram, c.people, c.dated, c.last);
      answers[wave]! += c.histogram.reduce((a, b) => a + b, 0);
      const prev = lastSubmitted.get(c.key.wave);
      if (c.last !== undefined && (prev === undefined || c.last > prev)) lastSubmitted.set(c.key.wave, c.last);
    }
    const unknownWave = (ctx: RowContext, wave: string) =>
      ctx.issue('wave.unknown', 'wave', wave, 'the cube has no answers of this wave', 'compute the cube and the extract from the same responses, or list the wave in program.yml');

    const ratingsSchema = cubeRatingsRowSchema(dimensions);
    for (const file of o.files.ratings) {
      await readAny(file, cubeRatingsColumns, ratingsSchema, (r, ctx) => {
        const wave = waveIndex.get(r.wave);
        if (wave === undefined) return unknownWave(ctx, r.wave);
        const k = attributes.indexOf(r.attribute);
        if (k < 0)
          return ctx.issue(
            'attribute.unknown',
            'attribute',
            r.attribute,
            'program.yml rates no such attribute',
            `use an attribute id of program.yml (${attributes.join(', ') || 'none is listed'})`,
          );
        const account = accountOf(r.account_id, o, ctx);
        if (typeof account !== 'string' && account !== undefined) return account;
        const row = r as Record<string, unknown>;
        const key = { wave, account, role: r.role, confidential: r.confidential, segments: segmentsOf(row, dimensions) };
        if (
          !o.onTallies(
            key,
            k,
            RATING_FIELDS.map((f) => row[f] as number),
          )
        )
          return ctx.issue('cube.no_scores', 'attribute', r.attribute, 'no scores row has this key', 'rate only cells the scores file holds: compute both from the same responses');
        return null;
      });
    }

    // The extract: named answers and comments, in the order their respondents answered.
    const confidentialContacts = new IdIndex();
    const responseIds = new IdIndex();
    /** Named answers by wave, account and role: their score histograms, from the extract and from the cube. */
    const named = new Map<string, { wave: number; extract: number[]; cube: number[] }>();
    const namedAt = (wave: number, account: string | undefined, role: string | undefined) => {
      const key = `${wave}\u001f${account ?? ''}\u001f${role ?? ''}`;
      let h = named.get(key);
      if (h === undefined) named.set(key, (h = { wave, extract: new Array<number>(11).fill(0), cube: new Array<number>(11).fill(0) }));
      return h;
    };
    const extractSchema = extractRowSchema(settings.responses.tags_separator);
    for (const file of o.files.extract) {
      await readAny(file, extractColumns, extractSchema, (r, ctx) => {
        const wave = waveIndex.get(r.wave);
        if (wave === undefined) return unknownWave(ctx, r.wave);
        if (responseIds.setIfAbsent(r.response_id, 1) !== undefined)
          return ctx.issue(
            'response_id.duplicate',
            'response_id',
            r.response_id,
            'this response id was already used',
            'give each response its own id (the extract holds each answer once)',
          );
        if (r.contact_id !== undefined && o.hasContacts && !o.contacts.has(r.contact_id))
          return ctx.issue(UNKNOWN_CONTACT.code, UNKNOWN_CONTACT.column, r.contact_id, UNKNOWN_CONTACT.message, UNKNOWN_CONTACT.fix);
        const account = accountOf(r.account_id, o, ctx);
        if (typeof account !== 'string' && account !== undefined) return account;
        if (r.confidential && r.contact_id !== undefined) confidentialContacts.setIfAbsent(r.contact_id, 1);
        if (!r.confidential) namedAt(wave, account, r.role).extract[r.score]!++;
        o.onRecord({
          wave: r.wave,
          waveIndex: wave,
          responseId: r.response_id,
          score: r.score,
          submittedAt: sharedDay(r.submitted_at),
          contactId: r.contact_id === undefined ? undefined : (o.contacts.get(r.contact_id)?.id ?? r.contact_id),
          accountId: account === undefined ? undefined : (o.accounts.get(account)?.id ?? account),
          roleId: r.role,
          comment: r.comment,
          confidential: r.confidential,
          themes: r.themes,
          segments: {},
          ratings: [],
        });
        return null;
      });
    }
    // Every named answer is in the extract: its scores must be the cube's named cells', wave by wave, account by account, role by role.
    for (const c of scoreRows) {
      const wave = waveIndex.get(c.key.wave);
      if (wave !== undefined && !c.key.confidential) c.histogram.forEach((n, s) => (namedAt(wave, c.key.account, c.key.role).cube[s]! += n));
    }
    if (o.files.extract.length > 0)
      waves.forEach((w, i) => {
        const groups = [...named.values()].filter((h) => h.wave === i);
        const differ = groups.filter((h) => h.cube.some((n, s) => n !== h.extract[s])).length;
        if (differ === 0) return;
        const sum = (pick: (h: (typeof groups)[number]) => number[]) => groups.reduce((t, h) => t + pick(h).reduce((a, b) => a + b, 0), 0);
        o.structural.push({
          file: o.files.extract.join(', '),
          message: `the extract's named answers of wave ${w.id} (${sum((h) => h.extract).toLocaleString('en-US')}) are not the cube's (${sum((h) => h.cube).toLocaleString('en-US')}): ${differ.toLocaleString('en-US')} account and role group${differ === 1 ? '' : 's'} differ, score by score`,
          fix: 'compute the cube and the extract from the same responses in one run of the queries in docs/scale.md (both decide confidentiality per person)',
        });
      });
    return { waves, answers, lastSubmitted, confidentialContacts, responseIds };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function segmentsOf(row: Record<string, unknown>, dimensions: readonly string[]): string[] {
  return dimensions.map((d) => (row[segmentColumn(d)] as string | undefined) ?? NOT_KNOWN);
}

/** The row's account, checked against accounts.csv; a RowIssue when it is unknown. */
function accountOf(id: string | undefined, o: CubeIngestOptions, ctx: RowContext): string | undefined | RowIssue {
  if (id === undefined || !o.hasAccounts || o.accounts.has(id)) return id;
  return ctx.issue(UNKNOWN_ACCOUNT.code, UNKNOWN_ACCOUNT.column, id, UNKNOWN_ACCOUNT.message, UNKNOWN_ACCOUNT.fix);
}
