/**
 * `npm run bench:ingest`: generates a large responses file and measures, each in its own
 * process so peak memory is its own:
 *   - a bare papaparse parse of the file (the floor: reading and splitting only),
 *   - the Chorus ingest of the same file (parse, map, validate, check ids, fold scores into a
 *     histogram); `npm run bench` measures the whole analysis on a whole program,
 * at two file sizes, to show throughput and that memory does not grow with the file
 * beyond the set of response ids kept for duplicate checks.
 *
 *   npm run bench:ingest [-- --rows 1000000]
 */
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { COMMENTS, THEMES, bareParse, quoted, rng, writeLines } from './lib.ts';
import { fileURLToPath } from 'node:url';
import { ingestProgram } from '../src/pipeline/ingest/ingest-program.ts';
import { addScore, emptyHistogram } from '../src/pipeline/model/histogram.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, 'out');

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function generate(path: string, rows: number): Promise<void> {
  if (existsSync(path)) return;
  const random = rng(42);
  await writeLines(path, 'response_id,submitted_at,contact_id,account_id,score,comment,confidential,themes', rows, (i) => {
    const score = Math.min(10, Math.max(0, Math.round(7 + (random() - 0.5) * 8)));
    const c = random() < 0.62 ? COMMENTS[Math.floor(random() * COMMENTS.length)]! : '';
    const themes = c === '' ? '' : THEMES[Math.floor(random() * 5)]!;
    const day = 1 + Math.floor(random() * 28);
    return `R${i},2026-02-${String(day).padStart(2, '0')},C${Math.floor(random() * 200_000)},A${Math.floor(random() * 5000)},${score},${quoted(c)},${random() < 0.25},${themes}`;
  });
}

/** Keeps the pipeline's result reachable until memory is measured. */
const keepAlive: unknown[] = [];

/** The ingest alone: every row read, validated and checked, scores folded into a histogram. */
async function pipeline(dataDir: string): Promise<number> {
  const histogram = emptyHistogram();
  const result = await ingestProgram({ dataDir, onResponse: (r) => addScore(histogram, r.score) });
  keepAlive.push(result, histogram);
  return result.report.totals.used;
}

/** Child mode: run one measurement and print it as JSON. */
async function child(mode: string, target: string): Promise<void> {
  const t0 = performance.now();
  const rows = mode === 'bare' ? await bareParse(target) : await pipeline(target);
  const seconds = (performance.now() - t0) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  // What the run still holds once garbage is collected: the part that grows with the file.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const retainedMiB = (m.heapUsed + m.arrayBuffers) / 2 ** 20;
  console.log(JSON.stringify({ mode, rows, seconds, peakMiB, retainedMiB, keep: mode === 'bare' ? 0 : keepAlive.length }));
}

function measure(mode: string, target: string): { rows: number; seconds: number; peakMiB: number; retainedMiB: number } {
  const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', mode, target], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

if (process.argv.includes('--child')) {
  const at = process.argv.indexOf('--child');
  await child(process.argv[at + 1]!, process.argv[at + 2]!);
} else {
  const big = Number(arg('rows', '1000000'));
  const sizes = [Math.round(big / 4), big];
  console.log(`Chorus ingest benchmark (node ${process.version}, ${sizes.map((s) => s.toLocaleString('en-US')).join(' and ')} rows)\n`);
  const table: string[] = [
    '| rows | file MB | bare papaparse rows/s | Chorus ingest rows/s | ratio | bare peak MiB | ingest peak MiB | ingest retained MiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const rows of sizes) {
    const dataDir = join(outDir, `program-${rows}`);
    const file = join(dataDir, 'responses', '2026-Q1.csv');
    process.stdout.write(`generating ${rows.toLocaleString('en-US')} rows... `);
    await generate(file, rows);
    const mb = statSync(file).size / 1e6;
    console.log(`${mb.toFixed(0)} MB`);
    const b = measure('bare', file);
    const p = measure('pipeline', dataDir);
    if (b.rows !== rows || p.rows !== rows) throw new Error(`row counts differ: bare ${b.rows}, pipeline ${p.rows}, expected ${rows}`);
    const br = rows / b.seconds;
    const pr = rows / p.seconds;
    table.push(
      `| ${rows.toLocaleString('en-US')} | ${mb.toFixed(0)} | ${Math.round(br).toLocaleString('en-US')} | ${Math.round(pr).toLocaleString('en-US')} | ${(pr / br).toFixed(2)} | ${b.peakMiB.toFixed(0)} | ${p.peakMiB.toFixed(0)} | ${p.retainedMiB.toFixed(0)} |`,
    );
  }
  console.log('\n' + table.join('\n'));
  console.log('\nratio = Chorus ingest speed / bare parse speed (aim: ≥ 0.5). Peak = max resident set size of the process;');
  console.log('retained = heap + typed arrays still held after a full garbage collection (mostly the response-id index).');
}
