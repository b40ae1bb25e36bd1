/** `npm run dev`: serves the internal site with live reload; data edits re-run the pipeline (reload the page). */
import { watch } from 'node:fs';
import { pipelineStep } from '../pipeline-step.ts';
import { internalData } from '../astro-data.ts';
import { projectRoot, type Paths } from '../paths.ts';

export async function dev(paths: Paths): Promise<number> {
  if (!(await pipelineStep(paths))) return 1;
  const { dev: astroDev } = await import('astro');
  await astroDev({ root: projectRoot, outDir: paths.internalOut, integrations: [internalData(paths.work, paths.content)] });
  // A new analysis replaces the `current` pointer; pages re-read the model on their next load.
  let timer: NodeJS.Timeout | undefined;
  watch(paths.data, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void pipelineStep(paths), 300);
  });
  return new Promise<number>(() => {});
}
