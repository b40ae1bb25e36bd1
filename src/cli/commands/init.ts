/**
 * `npm run init -- <export.csv> [more.csv] [--force]`: from a survey tool's exports to a data
 * folder the build reads. Recognises each export, writes a commented program.yml and copies each
 * export to responses/<wave>.csv, then reads the folder exactly as the build will and prints what
 * it will count, and what to check.
 */
import { copyFile, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { planInit } from '../../pipeline/init/plan-init.ts';
import { ingestProgram } from '../../pipeline/ingest/ingest-program.ts';
import { StructuralError } from '../../pipeline/ingest/report.ts';
import { categoryIndex } from '../../pipeline/model/categories.ts';
import { formatIngestReport, formatStructuralFailure } from '../print-report.ts';
import { show } from '../pipeline-step.ts';
import type { Paths } from '../paths.ts';

const USAGE = 'usage: npm run init -- <export.csv> [more exports…] [--force]   (the data folder is CHORUS_DATA, default ./data)';

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** The files of a data folder the build would read. */
async function programFiles(data: string): Promise<string[]> {
  const found: string[] = [];
  for (const f of ['program.yml', 'accounts.csv', 'contacts.csv', 'metrics.csv', 'followups.csv']) if (await isFile(join(data, f))) found.push(f);
  for (const dir of ['responses', 'invitations']) {
    try {
      for (const e of await readdir(join(data, dir), { withFileTypes: true })) if (e.isFile() && /\.csv$/i.test(e.name)) found.push(`${dir}/${e.name}`);
    } catch {
      // no such folder
    }
  }
  return found.sort();
}

export async function init(paths: Paths, args: string[]): Promise<number> {
  const base = process.env['INIT_CWD'] ?? process.cwd();
  const force = args.includes('--force');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--force');
  const files = args.filter((a) => !a.startsWith('-')).map((a) => resolve(base, a));
  if (files.length === 0 || unknown.length > 0) {
    console.error(unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  for (const f of files) {
    if (!(await isFile(f))) {
      console.error(`Chorus init: ${show(f)} is not a file. ${USAGE}`);
      return 2;
    }
  }

  const data = paths.data;
  const existing = (await programFiles(data)).filter((f) => !files.includes(resolve(data, f)));
  if (existing.length > 0 && !force) {
    const shown = existing.slice(0, 6).join(', ') + (existing.length > 6 ? `, and ${existing.length - 6} more` : '');
    console.error(
      [
        `Chorus init: ${show(data)} already holds a program (${shown}); nothing was written.`,
        `  - To set up a new program, point CHORUS_DATA at an empty folder: CHORUS_DATA=my-program npm run init -- ${args.filter((a) => a !== '--force').join(' ')}`,
        `  - To replace this one, add --force: its files are moved to ${show(join(data, 'replaced'))}/, not deleted.`,
      ].join('\n'),
    );
    return 1;
  }

  console.log(`Chorus init: reading ${files.length} export${files.length === 1 ? '' : 's'}`);
  let plan: Awaited<ReturnType<typeof planInit>>;
  try {
    plan = await planInit(files);
  } catch (e) {
    if (!(e instanceof StructuralError)) throw e;
    console.error(`${formatStructuralFailure(e.issues).replace('The build stopped', 'Chorus init stopped')}\nNothing was written.`);
    return 1;
  }
  console.log('');
  for (const block of plan.summary) console.log(`${block}\n`);

  await mkdir(join(data, 'responses'), { recursive: true });
  if (existing.length > 0) {
    const aside = join(data, 'replaced');
    for (const f of existing) {
      const target = join(aside, f);
      await mkdir(resolve(target, '..'), { recursive: true });
      await rename(join(data, f), target);
    }
    console.log(`Moved the folder's ${existing.length} earlier file${existing.length === 1 ? '' : 's'} to ${show(aside)}/ (--force).`);
  }
  for (const c of plan.copies) {
    const to = join(data, c.to);
    if (resolve(c.from) !== resolve(to)) await copyFile(c.from, to);
  }
  await writeFile(join(data, 'program.yml'), plan.programYaml);
  console.log(`Wrote ${show(join(data, 'program.yml'))} and ${plan.copies.map((c) => show(join(data, c.to))).join(', ')}.`);

  // Read the folder as the build will, and show what it will count.
  const waves = new Map<string, { n: number; categories: [number, number, number]; confidential: number; dated: number }>();
  try {
    const result = await ingestProgram({
      dataDir: data,
      onResponse: (r) => {
        let w = waves.get(r.wave);
        if (!w) waves.set(r.wave, (w = { n: 0, categories: [0, 0, 0], confidential: 0, dated: 0 }));
        w.n++;
        w.categories[categoryIndex(r.score)]++;
        if (r.confidential) w.confidential++;
        if (r.submittedAt !== undefined) w.dated++;
      },
    });
    console.log(`\n${formatIngestReport(result.report)}`);
    console.log('\nWhat the build will count (before small groups and confidential answers are protected):');
    console.log(
      `  ${'wave'.padEnd(16)} ${'answers'.padStart(8)} ${'promoters'.padStart(10)} ${'passives'.padStart(9)} ${'detractors'.padStart(11)} ${'confidential'.padStart(13)} ${'dated'.padStart(7)}`,
    );
    for (const wave of result.waves) {
      const w = waves.get(wave.id) ?? { n: 0, categories: [0, 0, 0], confidential: 0, dated: 0 };
      const [d, p, pr] = w.categories;
      console.log(
        `  ${wave.id.padEnd(16)} ${String(w.n).padStart(8)} ${String(pr).padStart(10)} ${String(p).padStart(9)} ${String(d).padStart(11)} ${String(w.confidential).padStart(13)} ${String(w.dated).padStart(7)}`,
      );
    }
  } catch (e) {
    if (!(e instanceof StructuralError)) throw e;
    if (e.report) console.log(`\n${formatIngestReport(e.report)}`);
    console.log(`\n${formatStructuralFailure(e.issues)}`);
    console.log('\nAlso check:');
    for (const c of plan.checks) console.log(`  - ${c}`);
    console.log(`\nprogram.yml is written: correct it (or the exports) as the problems above say, then run npm run build.`);
    return 1;
  }

  console.log('\nCheck before you build:');
  for (const c of plan.checks) console.log(`  - ${c}`);
  const env = process.env['CHORUS_DATA'] ? `CHORUS_DATA=${process.env['CHORUS_DATA']} ` : '';
  console.log(`\nNext: ${env}npm run build`);
  return 0;
}
