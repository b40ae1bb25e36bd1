/**
 * Confidentiality cohorts of a wave: the confidential share overall and among new respondents,
 * both cohorts' figures with the gap between them, and, for each cohort of the wave before, who
 * answered again and how their mean moved.
 */
import { histogramSize } from '../model/histogram.ts';
import { compare, compareMeans, figuresOf } from './figures.ts';
import { partition, suppressed } from './suppress.ts';
import type { IdIndex } from '../ingest/id-index.ts';
import type { CohortFigures } from '../model/types.ts';
import type { WaveState } from './collector.ts';

/**
 * `seenBefore` holds every contact invited to or answering an earlier wave; `prev` is the wave
 * before (its id and state), if any. The confidential cohort is shown only when the disclosure
 * step lets the wave count its confidential answers (`countsConfidential`); its movement from the
 * wave before never (docs/statistics.md).
 */
export function cohortFigures(w: WaveState, seenBefore: IdIndex, min: number, countsConfidential: boolean, prev?: { id: string; state: WaveState }): CohortFigures {
  const n = histogramSize(w.histogram);
  const split = partition(
    [
      { key: 'confidential' as const, histogram: w.confidentialHistogram },
      { key: 'identified' as const, histogram: w.identifiedHistogram },
    ],
    min,
  );
  // A wave that leaves its confidential answers out shows its identified cohort like its own
  // figures (they are the same answers), and the confidential one hidden the same way whether
  // there are confidential answers or not.
  const conf = countsConfidential ? split.get('confidential')! : suppressed('complementary', min);
  const identifiedAlone = figuresOf(w.identifiedHistogram);
  const ident = countsConfidential
    ? split.get('identified')!
    : identifiedAlone !== null && identifiedAlone.n >= min
      ? { suppressed: false as const, ...identifiedAlone }
      : suppressed('small', min);
  let fresh = 0;
  let freshConfidential = 0;
  const now = w.respondents;
  for (let e = 0; e < now.size; e++) {
    if (seenBefore.lookup(now, e) !== undefined) continue;
    fresh++;
    freshConfidential += now.valueAt(e) & 1;
  }
  // At least `min` of them: "none" would tell that no new invitee answered confidentially.
  const newShown = fresh >= min && countsConfidential && freshConfidential >= min && fresh - freshConfidential >= min;
  const transitions: CohortFigures['transitions'] = [];
  if (prev) {
    // The confidential cohort's movement is never shown: those who came back are a set of people
    // no other figure is made of, and their sums beside an account's or the wave's would single
    // out the confidential answers of those who did not, or of newcomers.
    transitions.push({ from: prev.id, cohort: 'confidential', respondents: null, figures: suppressed('complementary', min) });
    let respondents = 0;
    let again = 0;
    let before = 0;
    let after = 0;
    const then = prev.state.respondents;
    for (let e = 0; e < then.size; e++) {
      // Each respondent's value is score × 2 + 1 when confidential.
      const v = then.valueAt(e);
      if ((v & 1) === 1) continue;
      respondents++;
      const later = now.lookup(then, e);
      if (later === undefined) continue;
      again++;
      before += v >> 1;
      after += later >> 1;
    }
    transitions.push({
      from: prev.id,
      cohort: 'identified',
      respondents,
      figures:
        again < min
          ? suppressed('small', min)
          : { suppressed: false, answeredAgain: again, meanBefore: before / again, meanAfter: after / again, change: (after - before) / again },
    });
  }
  return {
    confidentialShare: n > 0 && countsConfidential ? w.confidential / n : null,
    // Counted with the confidential ones only where their number may be told (else a reader who
    // knows who was new would subtract the named ones).
    newRespondents: newShown ? fresh : fresh - freshConfidential,
    newConfidentialShare: newShown ? freshConfidential / fresh : null,
    confidential: conf,
    identified: ident,
    npsGap: !conf.suppressed && !ident.suppressed ? compare(w.confidentialHistogram, w.identifiedHistogram, 'identified', 'gap', 'identified respondents') : null,
    meanGap: !conf.suppressed && !ident.suppressed ? compareMeans(w.confidentialHistogram, w.identifiedHistogram, 'identified') : null,
    transitions,
  };
}
