/**
 * Pages get the model and their record shards here. The CLI hands the build the working
 * folder (virtual:chorus/internal); its `current` file names the analysis folder, which a data
 * edit in `npm run dev` replaces, so the model is re-read when that file changes.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chartKey, workDir } from 'virtual:chorus/internal';
import { readModel } from '../../pipeline/model/read-model.ts';
import { CURRENT } from '../../pipeline/analysis-folder.ts';
import { readAccountRecords, readOwnerRecords } from '../../pipeline/records/read-records.ts';
import type { AccountSummary, SiteModel } from '../../pipeline/model/types.ts';

let cached: { mtimeMs: number; dir: string; model: SiteModel } | null = null;

function current(): { dir: string; model: SiteModel } {
  const pointer = join(workDir, CURRENT);
  const { mtimeMs } = statSync(pointer);
  if (cached?.mtimeMs !== mtimeMs) {
    const dir = join(workDir, readFileSync(pointer, 'utf8').trim());
    const file = join(dir, 'model.json');
    cached = { mtimeMs, dir, model: readModel(readFileSync(file, 'utf8'), file) };
  }
  return cached;
}

export const getModel = (): SiteModel => current().model;
const accountHistories = new WeakMap<SiteModel, Map<string, (AccountSummary | undefined)[]>>();

/**
 * One account's summary in each wave, in wave order (undefined where it has none). Indexed once
 * per model: with 20,000 accounts, each page searching every wave's list took longer than
 * rendering all of them.
 */
export function getAccountHistory(id: string): (AccountSummary | undefined)[] {
  const model = getModel();
  let index = accountHistories.get(model);
  if (index === undefined) {
    index = new Map();
    for (const [i, w] of model.waves.entries()) {
      for (const a of w.accounts) {
        let history = index.get(a.id);
        if (history === undefined) index.set(a.id, (history = model.waves.map(() => undefined)));
        history[i] = a;
      }
    }
    accountHistories.set(model, index);
  }
  return index.get(id) ?? model.waves.map(() => undefined);
}
/** The answers an account's page lists, wave by wave (null when it has none). */
export const getAccountRecords = (slug: string) => readAccountRecords(current().dir, slug);
/** An owner's open alerts in the latest wave (null when they have none). */
export const getOwnerRecords = (slug: string) => readOwnerRecords(current().dir, slug);
/** Where rendered charts are kept for the current analysis (see charts/render.ts). */
export const chartCacheDir = () => join(current().dir, `charts-${chartKey}`);
