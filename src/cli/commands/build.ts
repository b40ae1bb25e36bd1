/**
 * `npm run build`: the pipeline, then the internal site with its exports, then the customer
 * site: a separate Astro build given only the customer projection of the model, so nothing
 * internal can be reached from it.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { chartRendererKey, customerInputsKey, siteKey } from '../inputs-key.ts';
import { ANALYSIS_FILES } from '../../pipeline/cache.ts';
import { join } from 'node:path';
import { toCustomerModel } from '../../pipeline/model/customer-model.ts';
import { pipelineStep, show } from '../pipeline-step.ts';
import { writeExports } from '../exports.ts';
import { customerData, internalData } from '../astro-data.ts';
import { buildAstroSite } from '../astro-build.ts';
import { projectRoot, type Paths } from '../paths.ts';

/** `--cube`: also write the score cube (unprotected: for the CX team's analysts only). */
export async function build(paths: Paths, args: readonly string[] = []): Promise<number> {
  const analysis = await pipelineStep(paths, join(paths.internalOut, 'exports', 'rejected-rows.csv'));
  if (!analysis) return 1;
  const { build: astroBuild } = await import('astro');
  await buildAstroSite(astroBuild, {
    root: projectRoot,
    outDir: paths.internalOut,
    logLevel: (process.env['CHORUS_ASTRO_LOG'] as 'info' | undefined) ?? 'warn',
    integrations: [internalData(paths.work, paths.content, await chartRendererKey())],
  });
  await writeExports(analysis, paths.internalOut);
  console.log(`Internal site written to ${show(paths.internalOut)}`);
  // The cube is not protected: its cells split confidential answers by account, role and segment
  // (an account's one confidential answer among them). So it is written only when asked for, for
  // the CX team's analysts and warehouse, beside the sites and never inside either.
  await rm(paths.cubeOut, { recursive: true, force: true });
  if (args.includes('--cube')) {
    await cp(join(analysis.dir, ANALYSIS_FILES.cube), paths.cubeOut, { recursive: true });
    console.log(`Score cube written to ${show(paths.cubeOut)} (not protected, not for publishing: it holds confidential answers cell by cell)`);
  }

  const secret = process.env['CHORUS_ACCOUNT_SECRET'] || undefined;
  if (!secret)
    console.log(
      'No CHORUS_ACCOUNT_SECRET: the customer site has no per-account pages (set a long random secret to make them; keep it the same from wave to wave so addresses stay stable).',
    );
  const customerModel = join(paths.work, 'customer-model.json');
  await writeFile(customerModel, JSON.stringify(toCustomerModel(analysis.model, secret)));
  // Kept as it is when nothing it is built from changed (the key's record lives in the working folder, never in the site).
  // The record holds the inputs' key and the key of the site as written: a folder changed since
  // (by hand, by another version of Chorus, by another checkout) is built again.
  const inputs = `${await customerInputsKey(customerModel, paths.content)} ${paths.customersOut}`;
  const record = join(paths.work, 'customer-site-key');
  if (existsSync(paths.customersOut) && (await readFile(record, 'utf8').catch(() => '')) === `${inputs} ${await siteKey(paths.customersOut)}`) {
    console.log(`Customer site unchanged since the last build (no letter, published plan, story or figure it shows changed): kept in ${show(paths.customersOut)}`);
    return 0;
  }
  await rm(record, { force: true });
  await buildAstroSite(astroBuild, {
    root: projectRoot,
    srcDir: './src/customer',
    outDir: paths.customersOut,
    logLevel: 'warn',
    integrations: [customerData(customerModel, paths.content)],
  });
  await writeFile(record, `${inputs} ${await siteKey(paths.customersOut)}`);
  console.log(`Customer site written to ${show(paths.customersOut)}`);
  return 0;
}
