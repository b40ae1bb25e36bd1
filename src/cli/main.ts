/**
 * `npm run check | build | dev`: runs the pipeline once, prints the ingest report, and
 * (for build and dev) hands the model to Astro.
 */
import { mkdir, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { watch } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { runPipeline } from '../pipeline/run.ts';
import { checkContent } from '../pipeline/content/check-content.ts';
import { StructuralError } from '../pipeline/ingest/report.ts';
import { resolvePaths, projectRoot, type Paths } from './paths.ts';
import { progressReporter } from './progress.ts';
import { formatIngestReport, formatStructuralFailure, formatWaves } from './print-report.ts';
import { rejectedRowsWriter } from './rejected-rows.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

const show = (p: string) => relative(process.env['INIT_CWD'] ?? process.cwd(), p) || '.';

/** Runs the pipeline and writes the model file; returns false after printing why it failed. */
async function pipeline(paths: Paths, publishedRejects = true): Promise<boolean> {
  const rejectedPath = join(dirname(paths.modelFile), 'rejected-rows.csv');
  const rejected = rejectedRowsWriter(rejectedPath);
  const progress = progressReporter();
  const started = performance.now();
  console.log(`Chorus: reading ${show(paths.data)}`);
  try {
    const content = await checkContent(paths.content);
    const { model } = await runPipeline({ dataDir: paths.data, onRejected: rejected.write, onProgress: progress.update }).catch((e: unknown) => {
      // Report content problems together with the data's, not one run later.
      if (e instanceof StructuralError && content.problems.length > 0) throw new StructuralError([...e.issues, ...content.problems], e.report);
      throw e;
    });
    if (content.problems.length > 0) throw new StructuralError(content.problems, model.ingest);
    progress.done();
    await rejected.close();
    console.log(formatIngestReport(model.ingest, show(publishedRejects ? join(paths.internalOut, 'exports', 'rejected-rows.csv') : rejectedPath)));
    console.log('');
    console.log(formatWaves(model));
    console.log(`\nContent: ${content.files} file${content.files === 1 ? '' : 's'} checked in ${show(paths.content)}.`);
    await mkdir(dirname(paths.modelFile), { recursive: true });
    const tmp = `${paths.modelFile}.tmp`;
    await writeFile(tmp, JSON.stringify(model));
    await rename(tmp, paths.modelFile);
    console.log(`\nPipeline done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return true;
  } catch (e) {
    progress.done();
    await rejected.close();
    if (e instanceof StructuralError) {
      if (e.report) console.error(formatIngestReport(e.report, show(rejectedPath)) + '\n');
      console.error(formatStructuralFailure(e.issues));
      return false;
    }
    throw e;
  }
}

async function build(paths: Paths): Promise<number> {
  if (!(await pipeline(paths))) return 1;
  process.env['CHORUS_MODEL_FILE'] = paths.modelFile;
  const { build: astroBuild } = await import('astro');
  await rm(paths.internalOut, { recursive: true, force: true });
  await astroBuild({ root: projectRoot, outDir: paths.internalOut, logLevel: 'warn' });
  const exportsDir = join(paths.internalOut, 'exports');
  await mkdir(exportsDir, { recursive: true });
  await copyFile(join(dirname(paths.modelFile), 'rejected-rows.csv'), join(exportsDir, 'rejected-rows.csv'));
  console.log(`Internal site written to ${show(paths.internalOut)}`);
  return 0;
}

async function dev(paths: Paths): Promise<number> {
  if (!(await pipeline(paths))) return 1;
  process.env['CHORUS_MODEL_FILE'] = paths.modelFile;
  const { dev: astroDev } = await import('astro');
  await astroDev({ root: projectRoot, outDir: paths.internalOut });
  // Data edits re-run the pipeline; the next page load shows the new figures.
  let timer: NodeJS.Timeout | undefined;
  watch(paths.data, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void pipeline(paths), 300);
  });
  return new Promise<number>(() => {});
}

async function main(): Promise<number> {
  const command = process.argv[2];
  const paths = resolvePaths();
  switch (command) {
    case 'check':
      return (await pipeline(paths, false)) ? 0 : 1;
    case 'build':
      return build(paths);
    case 'dev':
      return dev(paths);
    default:
      console.error('usage: chorus check | build | dev');
      return 2;
  }
}

process.exitCode = await main();
