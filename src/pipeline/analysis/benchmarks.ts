/**
 * Outside comparison: each program.yml benchmark against a wave's NPS. A benchmark is a fixed
 * figure, so the wave's own 95% interval is the noise: a benchmark outside it is beyond noise.
 */
import type { BenchmarkComparison, ScoreFigures, SiteModel } from '../model/types.ts';

const WORDS: Record<BenchmarkComparison['verdict'], string> = {
  above: 'we are above it beyond noise',
  below: 'we are below it beyond noise',
  within: 'within our 95% interval: no real difference',
};

export function benchmarkComparisons(benchmarks: SiteModel['benchmarks'], figures: ScoreFigures | null): BenchmarkComparison[] {
  if (!figures) return [];
  const [low, high] = figures.ci95;
  return benchmarks.map((b) => {
    const verdict = b.nps < low ? 'above' : b.nps > high ? 'below' : 'within';
    return { ...b, delta: figures.nps - b.nps, verdict, words: WORDS[verdict] };
  });
}
