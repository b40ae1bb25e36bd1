/**
 * `npm run check | build | dev`: runs the pipeline once, prints the ingest report, and
 * (for build and dev) hands the model to Astro.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, watch } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { runPipeline } from '../pipeline/run.ts';
import { inputKey } from '../pipeline/cache.ts';
import { summaryJson, tableCsvs } from '../pipeline/exports/summary.ts';
import { MODEL_VERSION, type SiteModel } from '../pipeline/model/types.ts';
import { accountKey, toCustomerModel } from '../pipeline/model/customer-model.ts';
import { mailMergeContacts, type MailMergeContact } from '../pipeline/exports/mail-merge.ts';
import Papa from 'papaparse';
import { checkContent } from '../pipeline/content/check-content.ts';
import { checkStoryIdentities, confidentialDigests } from '../pipeline/content/check-identities.ts';
import { StructuralError } from '../pipeline/ingest/report.ts';
import { resolvePaths, projectRoot, type Paths } from './paths.ts';
import { progressReporter } from './progress.ts';
import { formatIngestReport, formatStructuralFailure, formatWaves } from './print-report.ts';
import { rejectedRowsWriter } from './rejected-rows.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

const show = (p: string) => relative(process.env['INIT_CWD'] ?? process.cwd(), p) || '.';

/**
 * The analysed model for the data folder: from the cache when no input changed since it was
 * made (narrative edits do not touch it), else from a pipeline run, which refills the cache.
 */
async function analyse(paths: Paths): Promise<{ model: SiteModel; cached: boolean; identities: string[] }> {
  // Besides the model, the cache keeps two pipeline-only results: the digests stories are checked
  // against, and the mail-merge contacts (exported as written, never given to pages).
  const dir = dirname(paths.modelFile);
  const key = (await inputKey(paths.data)).slice(0, 32);
  const cachedModel = join(dir, `analysis-${key}.json`);
  const cachedRejects = join(dir, `analysis-${key}-rejected.csv`);
  // Digests of confidential respondents' names and emails, to check stories against (never the identities).
  const cachedIdentities = join(dir, `analysis-${key}-identities.json`);
  const cachedMailMerge = join(dir, `analysis-${key}-mail-merge.json`);
  if (existsSync(cachedModel) && existsSync(cachedRejects) && existsSync(cachedIdentities) && existsSync(cachedMailMerge)) {
    const model = JSON.parse(await readFile(cachedModel, 'utf8')) as SiteModel;
    if (model.version === MODEL_VERSION) {
      await copyFile(cachedRejects, join(dir, 'rejected-rows.csv'));
      await copyFile(cachedMailMerge, join(dir, 'mail-merge.json'));
      return { model, cached: true, identities: JSON.parse(await readFile(cachedIdentities, 'utf8')) as string[] };
    }
  }
  await mkdir(dir, { recursive: true });
  const rejected = rejectedRowsWriter(join(dir, 'rejected-rows.csv'));
  const progress = progressReporter();
  try {
    const { model, ingest } = await runPipeline({ dataDir: paths.data, onRejected: rejected.write, onProgress: progress.update });
    const identities = confidentialDigests(ingest);
    await rejected.close();
    // Keep one cached analysis per output folder: the newest.
    for (const old of (await readdir(dir)).filter((f) => f.startsWith('analysis-'))) await rm(join(dir, old), { force: true });
    await writeFile(cachedModel, JSON.stringify(model));
    await copyFile(join(dir, 'rejected-rows.csv'), cachedRejects);
    await writeFile(cachedIdentities, JSON.stringify(identities));
    await writeFile(join(dir, 'mail-merge.json'), JSON.stringify(mailMergeContacts(ingest)));
    await copyFile(join(dir, 'mail-merge.json'), cachedMailMerge);
    return { model, cached: false, identities };
  } finally {
    progress.done();
    await rejected.close();
  }
}

/** Checks content, analyses the data, prints the report and writes the model file; false after printing why it failed. */
async function pipeline(paths: Paths, publishedRejects = true): Promise<boolean> {
  const rejectedPath = join(dirname(paths.modelFile), 'rejected-rows.csv');
  const started = performance.now();
  console.log(`Chorus: reading ${show(paths.data)}`);
  const content = await checkContent(paths.content);
  try {
    const { model, cached, identities } = await analyse(paths).catch((e: unknown) => {
      // Report content problems together with the data's, not one run later.
      if (e instanceof StructuralError && content.problems.length > 0) throw new StructuralError([...e.issues, ...content.problems], e.report);
      throw e;
    });
    if (cached) console.log('No data file changed since the last build: reusing its analysis.');
    console.log(formatIngestReport(model.ingest, show(publishedRejects ? join(paths.internalOut, 'exports', 'rejected-rows.csv') : rejectedPath)));
    console.log('');
    console.log(formatWaves(model));
    console.log(`\nContent: ${content.files} file${content.files === 1 ? '' : 's'} checked in ${show(paths.content)}.`);
    const problems = [...content.problems, ...(await checkStoryIdentities(paths.content, identities))];
    if (problems.length > 0) throw new StructuralError(problems);
    const tmp = `${paths.modelFile}.tmp`;
    await writeFile(tmp, JSON.stringify(model));
    await rename(tmp, paths.modelFile);
    console.log(`\nPipeline done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return true;
  } catch (e) {
    if (e instanceof StructuralError) {
      if (e.report) console.error(formatIngestReport(e.report, show(rejectedPath)) + '\n');
      console.error(formatStructuralFailure(e.issues));
      return false;
    }
    throw e;
  }
}

/** summary.json, one CSV per table and the rejected rows, into <internal>/exports/. */
async function writeExports(paths: Paths): Promise<void> {
  const model = JSON.parse(await readFile(paths.modelFile, 'utf8')) as SiteModel;
  const dir = join(paths.internalOut, 'exports');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'summary.json'), summaryJson(model));
  for (const [name, text] of Object.entries(tableCsvs(model))) await writeFile(join(dir, name), text);
  await copyFile(join(dirname(paths.modelFile), 'rejected-rows.csv'), join(dir, 'rejected-rows.csv'));
}

/**
 * `npm run mail-merge`: the letter's mailing list, written on request and never into the
 * build output. It lists every invited contact, confidential respondents among them (nothing in
 * it says who answered), so it is kept apart from the sites and exports that are scanned for
 * confidential identities.
 */
async function mailMerge(paths: Paths): Promise<number> {
  if (!(await pipeline(paths))) return 1;
  const model = JSON.parse(await readFile(paths.modelFile, 'utf8')) as SiteModel;
  const contacts = JSON.parse(await readFile(join(dirname(paths.modelFile), 'mail-merge.json'), 'utf8')) as MailMergeContact[];
  const target = resolve(process.env['INIT_CWD'] ?? process.cwd(), process.env['CHORUS_MAIL_MERGE'] || 'mail-merge.csv');
  await writeFile(target, mailMergeCsv(model, contacts));
  console.log(`Mail merge of ${contacts.length.toLocaleString('en-US')} invited contacts written to ${show(target)}${process.env['CHORUS_ACCOUNT_SECRET'] ? '' : ' (no account page addresses: CHORUS_ACCOUNT_SECRET is not set)'}`);
  return 0;
}

/** One row per invited contact: name, email, account, the letter's address and the account page's. */
function mailMergeCsv(model: SiteModel, contacts: MailMergeContact[]): string {
  const base = (model.program.customerSite.baseUrl ?? '').replace(/\/$/, '');
  const latest = model.waves.at(-1);
  const secret = process.env['CHORUS_ACCOUNT_SECRET'] || undefined;
  const rows = contacts.map((c) => [c.name, c.email, c.account ?? '', latest ? `${base}/heard/${latest.id}/` : '', secret && c.accountId ? `${base}/a/${accountKey(secret, c.accountId)}/` : '']);
  return Papa.unparse({ fields: ['name', 'email', 'account', 'letter_url', 'account_url'], data: rows }, { escapeFormulae: true, newline: '\n' }) + '\n';
}

async function build(paths: Paths): Promise<number> {
  if (!(await pipeline(paths))) return 1;
  process.env['CHORUS_MODEL_FILE'] = paths.modelFile;
  process.env['CHORUS_CONTENT'] = paths.content;
  const { build: astroBuild } = await import('astro');
  await rm(paths.internalOut, { recursive: true, force: true });
  await astroBuild({ root: projectRoot, outDir: paths.internalOut, logLevel: 'warn' });
  await writeExports(paths);
  console.log(`Internal site written to ${show(paths.internalOut)}`);
  await buildCustomerSite(paths, astroBuild);
  return 0;
}

/**
 * The customer site: a separate Astro build of src/customer, given only the customer
 * projection of the model, so nothing internal can be reached from it.
 */
async function buildCustomerSite(paths: Paths, astroBuild: typeof import('astro').build): Promise<void> {
  const model = JSON.parse(await readFile(paths.modelFile, 'utf8')) as SiteModel;
  const customerModel = join(dirname(paths.modelFile), 'customer-model.json');
  const secret = process.env['CHORUS_ACCOUNT_SECRET'] || undefined;
  if (!secret) console.log('No CHORUS_ACCOUNT_SECRET: the customer site has no per-account pages (set a long random secret to make them; keep it the same from wave to wave so addresses stay stable).');
  await writeFile(customerModel, JSON.stringify(toCustomerModel(model, secret)));
  const internalModel = process.env['CHORUS_MODEL_FILE'];
  delete process.env['CHORUS_MODEL_FILE'];
  process.env['CHORUS_CUSTOMER_MODEL_FILE'] = customerModel;
  try {
    await rm(paths.customersOut, { recursive: true, force: true });
    await astroBuild({ root: projectRoot, srcDir: './src/customer', outDir: paths.customersOut, logLevel: 'warn' });
  } finally {
    if (internalModel) process.env['CHORUS_MODEL_FILE'] = internalModel;
  }
  console.log(`Customer site written to ${show(paths.customersOut)}`);
}

async function dev(paths: Paths): Promise<number> {
  if (!(await pipeline(paths))) return 1;
  process.env['CHORUS_MODEL_FILE'] = paths.modelFile;
  process.env['CHORUS_CONTENT'] = paths.content;
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
    case 'mail-merge':
      return mailMerge(paths);
    default:
      console.error('usage: chorus check | build | dev | mail-merge');
      return 2;
  }
}

process.exitCode = await main();
