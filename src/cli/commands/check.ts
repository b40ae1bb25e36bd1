/** `npm run check`: validates the data and content and prints the report, without building pages. */
import { pipelineStep } from '../pipeline-step.ts';
import type { Paths } from '../paths.ts';

export async function check(paths: Paths): Promise<number> {
  return (await pipelineStep(paths)) ? 0 : 1;
}
