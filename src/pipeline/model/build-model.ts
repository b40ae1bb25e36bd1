/** Assembles the page model from the ingest result and the accumulated aggregates. */
import { MODEL_VERSION, type SiteModel, type WaveSummary } from './types.ts';
import { emptyHistogram, summarise } from './histogram.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { WaveAccumulator } from './wave-accumulator.ts';

export function buildModel(ingest: IngestResult, acc: WaveAccumulator): SiteModel {
  const invited = new Map<string, number>();
  for (const inv of ingest.invitations) invited.set(inv.wave, (invited.get(inv.wave) ?? 0) + 1);

  const waves: WaveSummary[] = ingest.waves.map((w) => {
    const histogram = acc.histograms.get(w.id) ?? emptyHistogram();
    return {
      id: w.id,
      label: w.label,
      asOf: w.asOf ?? ingest.lastSubmitted.get(w.id) ?? w.closed ?? null,
      histogram,
      ...summarise(histogram),
      invited: invited.get(w.id) ?? null,
      confidential: acc.confidential.get(w.id) ?? 0,
    };
  });

  const s = ingest.settings;
  return {
    version: MODEL_VERSION,
    program: { name: s.program.name, company: s.program.company, currency: s.currency, minGroupSize: s.min_group_size },
    waves,
    ingest: ingest.report,
  };
}
