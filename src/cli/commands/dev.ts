/** `npm run dev`: serves the internal site with live reload; data edits re-run the pipeline (reload the page). */
import { watch } from 'node:fs';
import { pipelineStep } from '../pipeline-step.ts';
import { internalData } from '../astro-data.ts';
import { chartRendererKey } from '../inputs-key.ts';
import { projectRoot, type Paths } from '../paths.ts';

export async function dev(paths: Paths): Promise<number> {
  if (!(await pipelineStep(paths))) return 1;
  const { dev: astroDev } = await import('astro');
  await astroDev({ root: projectRoot, outDir: paths.internalOut, integrations: [internalData(paths.work, paths.content, await chartRendererKey())] });
  // A new analysis replaces the `current` pointer; pages re-read the model on their next load.
  // One run at a time: an edit during a run asks for one more run after it. A run that fails
  // says why and leaves the last good analysis in place.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = pipelineStep(paths)
      .then(() => undefined)
      .catch((e: unknown) => console.error(`The data could not be analysed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  watch(paths.data, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(run, 300);
  });
  return new Promise<number>(() => {});
}
