/**
 * The one pipeline runner every command shares: checks the content, analyses the data (or
 * reuses the analysis when no data changed), prints the ingest report, and points the output's
 * working folder at the analysis the pages will read. Returns null after printing why it failed.
 */
import { join, relative } from 'node:path';
import { analyse, ANALYSIS_FILES, useAnalysis, type Analysis } from '../pipeline/cache.ts';
import { checkContent } from '../pipeline/content/check-content.ts';
import { checkStoryIdentities } from '../pipeline/content/check-identities.ts';
import { contentWarnings, formatContentWarning } from '../pipeline/content/check-references.ts';
import { StructuralError } from '../pipeline/ingest/report.ts';
import { progressReporter } from './progress.ts';
import { formatIngestReport, formatStructuralFailure, formatWaves, formatWithheld } from './print-report.ts';
import type { Paths } from './paths.ts';

/** A path as the person who ran the command would type it. */
export const show = (p: string) => relative(process.env['INIT_CWD'] ?? process.cwd(), p) || '.';

/** `rejectedShownAt`: where the report says the rejected rows are (the published copy after a build). */
export async function pipelineStep(paths: Paths, rejectedShownAt?: string): Promise<Analysis | null> {
  const started = performance.now();
  console.log(`Chorus: reading ${show(paths.data)}`);
  const content = await checkContent(paths.content);
  const progress = progressReporter();
  try {
    const analysis = await analyse({ workDir: paths.work, dataDir: paths.data, onProgress: progress.update })
      .catch((e: unknown) => {
        // Report content problems together with the data's, not one run later.
        if (e instanceof StructuralError && content.problems.length > 0) throw new StructuralError([...e.issues, ...content.problems], e.report);
        throw e;
      })
      .finally(() => progress.done());
    const { model } = analysis;
    if (analysis.cached) console.log('No data file changed since the last build: reusing its analysis.');
    console.log(formatIngestReport(analysis.report, show(rejectedShownAt ?? join(analysis.dir, ANALYSIS_FILES.rejected))));
    console.log('');
    console.log(formatWaves(model));
    console.log(formatWithheld(model));
    console.log(`\nContent: ${content.files} file${content.files === 1 ? '' : 's'} checked in ${show(paths.content)}.`);
    const problems = [...content.problems, ...(await checkStoryIdentities(paths.content, analysis.identities))];
    if (problems.length > 0) throw new StructuralError(problems);
    // Found here, not only while pages render: `npm run check` reports them too.
    const warnings = await contentWarnings(model, paths.content);
    if (warnings.length > 0) {
      console.log(`\n${warnings.length} content warning${warnings.length === 1 ? '' : 's'} (the build goes on; docs/content.md explains each id):`);
      for (const w of warnings) console.log(`  - ${formatContentWarning(w)}`);
    }
    await useAnalysis(paths.work, analysis.dir);
    console.log(`\nPipeline done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return analysis;
  } catch (e) {
    if (e instanceof StructuralError) {
      if (e.report) console.error(formatIngestReport(e.report, show(join(paths.work, ANALYSIS_FILES.rejected))) + '\n');
      console.error(formatStructuralFailure(e.issues));
      return null;
    }
    throw e;
  }
}
