/** Pages get the model here, read once per build from the file the pipeline wrote. */
import { readFileSync, statSync } from 'node:fs';
import { MODEL_VERSION, type SiteModel } from '../../pipeline/model/types.ts';

let cached: { mtimeMs: number; model: SiteModel } | null = null;

export function getModel(): SiteModel {
  const file = process.env['CHORUS_MODEL_FILE'];
  if (!file) throw new Error('CHORUS_MODEL_FILE is not set: build the site with `npm run build` (or `npm run dev`), which runs the pipeline first');
  // In dev the pipeline may re-run after a data edit; re-read when the file changed.
  const { mtimeMs } = statSync(file);
  if (cached?.mtimeMs !== mtimeMs) {
    const model = JSON.parse(readFileSync(file, 'utf8')) as SiteModel;
    if (model.version !== MODEL_VERSION) throw new Error(`the model at ${file} is version ${model.version}, pages expect ${MODEL_VERSION}: run the build again`);
    cached = { mtimeMs, model };
  }
  return cached.model;
}
