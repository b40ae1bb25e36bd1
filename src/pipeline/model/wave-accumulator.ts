/** Folds streamed responses into per-wave histograms, keeping nothing per response. */
import { addScore, emptyHistogram, type Histogram } from './histogram.ts';
import type { IngestedResponse } from '../ingest/entities.ts';

export class WaveAccumulator {
  readonly histograms = new Map<string, Histogram>();
  readonly confidential = new Map<string, number>();

  add = (r: IngestedResponse): void => {
    let h = this.histograms.get(r.wave);
    if (h === undefined) this.histograms.set(r.wave, (h = emptyHistogram()));
    addScore(h, r.score);
    if (r.confidential) this.confidential.set(r.wave, (this.confidential.get(r.wave) ?? 0) + 1);
  };
}
