/**
 * `npm run bench`: a whole synthetic program (5,000 accounts, 312,500 contacts, 4 waves of
 * 250,000 responses with invitations, segments, themes and comments), each run in its own
 * process:
 * - the peers: papaparse alone reading every file, and a bare DuckDB query of the cube (DuckDB
 *   reading the same CSV files and computing the score cube and rating tallies by the project's
 *   own query, docs/scale.md);
 * - the ingest alone, the whole analysis on the default streaming path, the whole analysis on
 *   the DuckDB engine (CHORUS_ENGINE=duckdb), and the build from a supplied cube alone;
 * - the whole `npm run build` on the path that builds at the size (docs/scale.md), with its wall
 *   time, peak memory and largest file.
 *
 *   npm run bench [-- --responses 1000000 --accounts 5000]
 *   npm run bench:10m        (10,000,000 responses, 20,000 accounts)
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { COMMENTS, THEMES, bareParse, filesBySize, quoted, rng, writeLines } from './lib.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ingestProgram } from '../src/pipeline/ingest/ingest-program.ts';
import { runPipeline } from '../src/pipeline/run.ts';
import { loadProgram } from '../src/pipeline/config/load-program.ts';
import { cubeQueries } from '../src/pipeline/sql/cube-queries.ts';
import { literal, openDuckDb } from '../src/pipeline/engine/duckdb.ts';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const WAVES = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'];
const TIERS = ['Enterprise', 'Mid-market', 'SMB'];
const PROGRAM = 'segments:\n  - { id: region, source: account }\n  - { id: tier, source: account }\naccount_weighting: role\n';

/** The ten rated attributes of the benchmark (1–5): half tied to the score, half not. */
const ATTRIBUTES = Array.from({ length: 10 }, (_, k) => `attr_${k + 1}`);
const withAttributes = PROGRAM + 'attributes:\n' + ATTRIBUTES.map((a) => `  - { id: ${a}, label: Attribute ${a.slice(5)} }\n`).join('');

async function generate(dir: string, responses: number, accounts: number): Promise<void> {
  if (existsSync(join(dir, 'done'))) return;
  const random = rng(7);
  const perWave = Math.floor(responses / WAVES.length);
  const contacts = Math.ceil(perWave / 0.8);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'program.yml'), PROGRAM);
  await writeLines(
    join(dir, 'accounts.csv'),
    'account_id,name,arr,owner,region,tier',
    accounts,
    (i) => `A${i},Account ${i},${Math.round(5000 + random() * 500000)},Owner ${i % 40},${REGIONS[i % 4]},${TIERS[i % 3]}`,
  );
  const roles = ['Decision maker', 'Influencer', 'User', 'User'];
  await writeLines(join(dir, 'contacts.csv'), 'contact_id,account_id,name,email,role', contacts, (i) => `C${i},A${i % accounts},Person ${i},p${i}@example.com,${roles[i % 4]}`);
  for (const [w, wave] of WAVES.entries()) {
    await writeLines(join(dir, 'invitations', `${wave}.csv`), 'contact_id,invited_at', contacts, (i) => `C${i},2026-0${w + 1}-01`);
    await writeLines(join(dir, 'responses', `${wave}.csv`), `response_id,submitted_at,contact_id,score,comment,confidential,themes,${ATTRIBUTES.join(',')}`, perWave, (i) => {
      const score = Math.min(10, Math.max(0, Math.round(7 + (random() - 0.5) * 8)));
      const c = random() < 0.62 ? COMMENTS[Math.floor(random() * COMMENTS.length)]! : '';
      const themes = c === '' ? '' : `${THEMES[Math.floor(random() * THEMES.length)]};${THEMES[Math.floor(random() * THEMES.length)]}`;
      const ratings = ATTRIBUTES.map((_, k) => (random() < 0.08 ? '' : String(Math.min(5, Math.max(1, Math.round((k < 5 ? score / 2.5 : 3) + (random() - 0.5) * 2))))));
      return `${wave}-${i},2026-0${w + 1}-${String(1 + (i % 28)).padStart(2, '0')},C${i},${score},${quoted(c)},${random() < 0.25},${themes},${ratings.join(',')}`;
    });
  }
  // The same files with ten attributes declared: hard links (the ingest reads regular files only).
  const rated = `${dir}-attributes`;
  for (const f of ['accounts.csv', 'contacts.csv', ...WAVES.flatMap((wv) => [`invitations/${wv}.csv`, `responses/${wv}.csv`])]) {
    mkdirSync(dirname(join(rated, f)), { recursive: true });
    rmSync(join(rated, f), { force: true });
    linkSync(join(dir, f), join(rated, f));
  }
  writeFileSync(join(rated, 'program.yml'), withAttributes);
  writeFileSync(join(dir, 'done'), '');
}

/** The project's cube queries over the program's CSV files, read by DuckDB: the peer query, and the supplied cube the cube-only build reads. */
async function duckdbCube(dir: string, writeTo?: string): Promise<number> {
  const { settings } = await loadProgram(dir);
  const db = await openDuckDb();
  const c = db.connection;
  try {
    const csv = (f: string) => `read_csv(${literal(join(dir, f))}, all_varchar = true, header = true)`;
    await c.run(
      `CREATE VIEW responses AS ${WAVES.map((w) => `SELECT ${literal(w)} AS wave, ROW_NUMBER() OVER () AS row_number, * FROM ${csv(`responses/${w}.csv`)}`).join(' UNION ALL ')}`,
    );
    await c.run(`CREATE VIEW contacts AS SELECT * FROM ${csv('contacts.csv')}`);
    await c.run(`CREATE VIEW accounts AS SELECT * FROM ${csv('accounts.csv')}`);
    const header = (f: string) => readFileSync(join(dir, f), 'utf8').slice(0, 4096).split('\n', 1)[0]!.split(',');
    const q = cubeQueries(settings, { responses: header(`responses/${WAVES[0]}.csv`), contacts: header('contacts.csv'), accounts: header('accounts.csv') }, 'duckdb');
    await c.run(`CREATE VIEW answers AS ${q.answers}`);
    if (writeTo) {
      mkdirSync(join(writeTo, 'cube'), { recursive: true });
      await c.run(`COPY (${q.scores}) TO ${literal(join(writeTo, 'cube', 'scores.csv'))} (FORMAT csv, HEADER true)`);
      if (q.ratings) await c.run(`COPY (${q.ratings}) TO ${literal(join(writeTo, 'cube', 'ratings.csv'))} (FORMAT csv, HEADER true)`);
      return 0;
    }
    let cells = Number((await (await c.runAndReadAll(`SELECT COUNT(*) AS n FROM (${q.scores})`)).getRowObjectsJS())[0]!['n']);
    if (q.ratings) cells += Number((await (await c.runAndReadAll(`SELECT COUNT(*) AS n FROM (${q.ratings})`)).getRowObjectsJS())[0]!['n']);
    return cells;
  } finally {
    db.close();
  }
}

/**
 * The same cube with every answer given `times` over by the same people: every count and sum
 * multiplied, `people` kept, the same cells (a 100,000,000-answer program from a 1,000,000-answer
 * one). Its build must take as long as the original's.
 */
async function scaledCube(from: string, times: number): Promise<string> {
  const target = `${from}-x${times}`;
  if (existsSync(join(target, 'done'))) return target;
  mkdirSync(join(target, 'cube'), { recursive: true });
  for (const f of ['program.yml', 'accounts.csv', 'contacts.csv']) {
    rmSync(join(target, f), { force: true });
    linkSync(join(from, f), join(target, f));
  }
  const db = await openDuckDb();
  try {
    for (const [file, keys] of [
      ['scores.csv', ['wave', 'account_id', 'role', 'confidential', 'segment_region', 'segment_tier', 'last_submitted', 'people']],
      ['ratings.csv', ['wave', 'account_id', 'role', 'confidential', 'segment_region', 'segment_tier', 'attribute']],
    ] as const) {
      const path = join(from, 'cube', file);
      if (!existsSync(path)) continue;
      const columns = readFileSync(path, 'utf8').split('\n', 1)[0]!.split(',');
      const select = columns.map((c) => ((keys as readonly string[]).includes(c) ? c : `${c} * ${times} AS ${c}`)).join(', ');
      await db.connection.run(
        `COPY (SELECT ${select} FROM read_csv(${literal(path)}, header = true, all_varchar = false)) TO ${literal(join(target, 'cube', file))} (FORMAT csv, HEADER true)`,
      );
    }
  } finally {
    db.close();
  }
  writeFileSync(join(target, 'done'), '');
  return target;
}

/** A data folder holding the program's reference files and its supplied cube, without responses or extract. */
async function cubeOnlyProgram(dir: string): Promise<string> {
  const target = `${dir}-cube`;
  if (existsSync(join(target, 'done'))) return target;
  mkdirSync(target, { recursive: true });
  for (const f of ['program.yml', 'accounts.csv', 'contacts.csv']) {
    rmSync(join(target, f), { force: true });
    linkSync(join(dir, f), join(target, f));
  }
  await duckdbCube(dir, target);
  writeFileSync(join(target, 'done'), '');
  return target;
}

async function child(mode: string, dir: string): Promise<void> {
  const t0 = performance.now();
  let rows = 0;
  if (mode === 'bare') {
    for (const f of filesBySize(dir).filter((f) => f.path.endsWith('.csv'))) rows += await bareParse(f.path);
  } else if (mode === 'bare-duckdb') {
    await duckdbCube(dir);
    rows = readFileSync(join(dir, 'rows'), 'utf8') === '' ? 0 : Number(readFileSync(join(dir, 'rows'), 'utf8'));
  } else if (mode === 'ingest') {
    const r = await ingestProgram({ dataDir: dir, onResponse: () => void rows++ });
    rows = r.report.totals.used;
  } else {
    const r = await runPipeline({ dataDir: dir, engine: mode === 'duckdb' ? 'duckdb' : 'streaming' });
    rows = r.ingest.report.totals.used;
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ mode, rows, seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
}

/** The whole `npm run build` (both sites, exports, cube) in its own process, as a user runs it. */
function wholeBuild(dir: string, env: Record<string, string> = {}): { seconds: number; peakMiB: number; files: number; largest: { path: string; bytes: number } } {
  const out = resolve(here, 'out', 'site');
  const cache = resolve(here, 'out', 'cache');
  const peakFile = resolve(here, 'out', 'build-peak');
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(here, 'peak-memory.ts')).href, join(here, '..', 'src', 'cli', 'main.ts'), 'build'], {
    env: { ...process.env, ...env, CHORUS_DATA: dir, CHORUS_CONTENT: join(dir, 'no-content'), CHORUS_OUT: out, CHORUS_CACHE: cache, BENCH_PEAK_FILE: peakFile },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`the build failed:\n${r.stdout}\n${r.stderr}`);
  const written = [...filesBySize(out), ...filesBySize(cache)];
  return { seconds, peakMiB: Number(readFileSync(peakFile, 'utf8')), files: written.length, largest: written[0]! };
}

if (process.argv.includes('--child')) {
  const at = process.argv.indexOf('--child');
  await child(process.argv[at + 1]!, process.argv[at + 2]!);
} else {
  const responses = arg('responses', 1_000_000);
  const accounts = arg('accounts', 5000);
  const dir = resolve(here, 'out', `full-${responses}-${accounts}`);
  console.log(`Chorus program benchmark: ${responses.toLocaleString('en-US')} responses over ${WAVES.length} waves, ${accounts.toLocaleString('en-US')} accounts`);
  process.stdout.write('generating... ');
  await generate(dir, responses, accounts);
  console.log('done');
  if (process.argv.includes('--generate-only')) process.exit(0);
  const big = responses >= 5_000_000;
  const run = (mode: string, target = dir, node: string[] = []) =>
    JSON.parse(
      execFileSync(process.execPath, [...node, fileURLToPath(import.meta.url), '--child', mode, target], { encoding: 'utf8', maxBuffer: 64 << 20 })
        .trim()
        .split('\n')
        .at(-1)!,
    );
  const rowsRead = (run('bare') as { rows: number }).rows;
  writeFileSync(join(dir, 'rows'), String(rowsRead));
  const heap = ['--max-old-space-size=7168'];
  const cubeDir = await cubeOnlyProgram(dir);
  const peer = { label: 'peer: bare DuckDB query of the cube (reads every CSV, computes the cube)', ...run('bare-duckdb') };
  const rows = [
    { label: 'peer: bare papaparse, every CSV of the program', ...run('bare') },
    peer,
    { label: 'ingest alone', ...run('ingest') },
    ...(big ? [] : [{ label: 'ingest + whole analysis, streaming (the default)', ...run('analysis') }]),
    { label: 'ingest + whole analysis, DuckDB engine (CHORUS_ENGINE=duckdb)', ...run('duckdb', dir, heap) },
    { label: 'whole analysis from the supplied cube alone (no extract)', ...run('analysis', cubeDir) },
    { label: 'the same cube, every answer given 100 times over (same cells)', ...run('analysis', await scaledCube(cubeDir, 100)) },
    ...(big ? [] : [{ label: 'ingest + whole analysis, ten rated attributes', ...run('analysis', `${dir}-attributes`) }]),
  ];
  console.log('\n| run | rows (all files) | seconds | rows/s | peak MiB | time / bare DuckDB |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${r.rows.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds).toLocaleString('en-US')} | ${r.peakMiB.toFixed(0)} | ${(r.seconds / peer.seconds).toFixed(1)}× |`,
    );
  }
  // The whole build as docs/scale.md advises for the size: the streaming path, Node's default heap.
  const b = big ? wholeBuild(dir) : wholeBuild(`${dir}-attributes`);
  console.log(
    `\n| whole \`npm run build\`${big ? ', streaming, default heap' : ', ten rated attributes'} | seconds | peak MiB | files written | largest file |\n| --- | ---: | ---: | ---: | --- |`,
  );
  console.log(
    `| both sites, exports, cube and analysis cache | ${b.seconds.toFixed(1)} | ${b.peakMiB.toFixed(0)} | ${b.files.toLocaleString('en-US')} | ${(b.largest.bytes / 1048576).toFixed(1)} MiB (${relative(here, b.largest.path)}) |`,
  );
}
