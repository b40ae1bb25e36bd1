/**
 * The score cube: cells hold what the figures need, cubes merge by addition, and every figure
 * of a wave is a sum of its cells (the written CSV re-aggregates to the model's figures).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { ScoreCube, RATING_FIELDS, RATING_WIDTH, type CubeCell, type CubeResponse } from '../../src/pipeline/cube/cube.ts';
import { deriveWave, type DeriveSettings } from '../../src/pipeline/cube/derive.ts';
import { writeCube } from '../../src/pipeline/cube/write-cube.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const settings: DeriveSettings = {
  dimensions: ['region'],
  ratingCount: 1,
  roleWeight: (role) => (role === 'dm' ? 3 : 1),
  isDecisionMaker: (role) => role === 'dm',
};

const response = (score: number, extra: Partial<CubeResponse> = {}): CubeResponse => ({ waveIndex: 0, confidential: false, score, ratings: [], ...extra });

describe('cells', () => {
  it('keeps a histogram and rating tallies per wave × account × role × confidential × segment values', () => {
    // A 1–5 attribute: ratings up to 2 are low.
    const cube = new ScoreCube([2]);
    cube.add(response(10, { accountId: 'A1', roleId: 'dm', ratings: [5] }), ['EMEA']);
    cube.add(response(3, { accountId: 'A1', roleId: 'dm', ratings: [1] }), ['EMEA']);
    cube.add(response(8, { accountId: 'A1', roleId: 'dm', ratings: [undefined] }), ['EMEA']);
    cube.add(response(6, { accountId: 'A1', roleId: 'dm', confidential: true, ratings: [2] }), ['EMEA']);
    cube.add(response(9), ['NA']);
    const cells = cube.cellsOf(0);
    expect(cells).toHaveLength(3);
    const identified = cells.find((c) => c.account === 'A1' && !c.confidential)!;
    expect(identified.histogram).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1]);
    // detractor: one rating of 1 (low); passive: none (the 8 left it blank); promoter: one 5
    const t = [...identified.ratings!.subarray(0, RATING_WIDTH)];
    expect(Object.fromEntries(RATING_FIELDS.map((f, i) => [f, t[i]]))).toEqual({
      detractor_n: 1,
      detractor_sum: 1,
      detractor_low: 1,
      passive_n: 0,
      passive_sum: 0,
      passive_low: 0,
      promoter_n: 1,
      promoter_sum: 5,
      promoter_low: 0,
      n: 2,
      sum_rating: 6,
      sum_score: 13,
      sum_rating_sq: 26,
      sum_score_sq: 109,
      sum_rating_score: 53,
    });
    expect(cells.find((c) => c.account === undefined)!.ratings).toBeNull();
    expect(cube.cellsOf(1)).toEqual([]);
  });

  it('sums cells into the wave, its segments, its accounts with role weights, and its cohorts', () => {
    const cube = new ScoreCube([2]);
    cube.add(response(10, { accountId: 'A1', roleId: 'dm' }), ['EMEA']);
    cube.add(response(2, { accountId: 'A1', roleId: 'user' }), ['EMEA']);
    cube.add(response(6, { accountId: 'A1', roleId: 'user', confidential: true }), ['EMEA']);
    cube.add(response(7), ['NA']);
    const w = deriveWave(cube.cellsOf(0), settings);
    expect(w.histogram).toEqual([0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1]);
    expect(w.confidential).toBe(1);
    expect(w.confidentialHistogram).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(w.segments.get('region')!.get('NA')).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(w.noAccount).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    // A1 identified: the decision maker (weight 3) promotes, the user (weight 1) detracts.
    expect(w.accounts.get('A1')!.identified).toEqual({ n: 2, w: 4, w2: 10, promoters: 3, detractors: 1, scoreSum: 32, decisionMaker: true });
    expect(w.accounts.get('A1')!.confidential).toEqual({ n: 1, w: 1, w2: 1, promoters: 0, detractors: 1, scoreSum: 6, decisionMaker: false });
  });
});

/** Adds cube `b`'s cells into a copy of `a`'s: what a warehouse's GROUP BY over two extracts does. */
function merged(a: ScoreCube, b: ScoreCube): CubeCell[] {
  const out = new Map<string, CubeCell>();
  for (const cube of [a, b]) {
    for (const [key, c] of cube.cells) {
      const into = out.get(key);
      if (!into) out.set(key, { ...c, histogram: [...c.histogram], ratings: c.ratings && Float64Array.from(c.ratings) });
      else {
        into.histogram = into.histogram.map((v, i) => v + c.histogram[i]!);
        if (c.ratings) into.ratings = into.ratings ? into.ratings.map((v, i) => v + c.ratings![i]!) : Float64Array.from(c.ratings);
      }
    }
  }
  return [...out.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, c]) => c);
}

describe('merging', () => {
  it('gives the same figures whether the responses are folded into one cube or two added together', () => {
    const arb = fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 10 }),
        account: fc.constantFrom(undefined, 'A1', 'A2'),
        role: fc.constantFrom(undefined, 'dm', 'user'),
        confidential: fc.boolean(),
        region: fc.constantFrom('EMEA', 'NA', 'Not known'),
        rating: fc.constantFrom(undefined, 1, 2, 3, 4, 5),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, fc.nat(), (rows, cut) => {
        const whole = new ScoreCube([2]);
        const parts = [new ScoreCube([2]), new ScoreCube([2])];
        rows.forEach((r, i) => {
          const x = response(r.score, { accountId: r.account, roleId: r.role, confidential: r.confidential, ratings: [r.rating] });
          whole.add(x, [r.region]);
          parts[i < cut % (rows.length + 1) ? 0 : 1]!.add(x, [r.region]);
        });
        const a = deriveWave(whole.cellsOf(0), settings);
        const b = deriveWave(merged(parts[0]!, parts[1]!), settings);
        expect(b).toEqual(a);
        // every dimension partitions the wave; accounts and no account do too
        const sum = (hs: Iterable<number[]>) => [...hs].reduce((t, h) => t.map((v, i) => v + h[i]!), new Array<number>(11).fill(0));
        expect(sum(a.segments.get('region')!.values())).toEqual(a.histogram);
        expect(sum([...[...a.accounts.values()].map((x) => x.histogram), a.noAccount])).toEqual(a.histogram);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the written cube', () => {
  it('re-aggregates to the figures of the model', async () => {
    const data = tempProgram({
      'program.yml': 'min_group_size: 2\nsegments:\n  - { id: region, source: account }\nattributes:\n  - { id: ease, label: Ease }\n',
      'accounts.csv': 'account_id,name,region\nA1,Acme,EMEA\nA2,Globex,NA\n',
      'responses/w1.csv': 'response_id,score,account_id,confidential,ease\nr1,10,A1,no,5\nr2,9,A1,yes,4\nr3,3,A2,no,1\nr4,7,A2,no,\nr5,0,,no,2\nr6,8,A2,yes,3\n',
      'responses/w2.csv': 'response_id,score,account_id,confidential,ease\ns1,8,A1,no,3\ns2,6,A2,yes,2\ns3,9,A1,yes,4\n',
    });
    const out = mkdtempSync(join(tmpdir(), 'chorus-cube-'));
    try {
      const { model, cube } = await runPipeline({ dataDir: data });
      expect(writeCube(out, cube, { waves: ['w1', 'w2'], dimensions: ['region'], attributes: ['ease'] })).toEqual([
        'w1-scores.csv',
        'w1-ratings.csv',
        'w2-scores.csv',
        'w2-ratings.csv',
      ]);
      for (const w of model.waves) {
        const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, `${w.id}-scores.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
        const hist = (filter: (r: Record<string, string>) => boolean) => Array.from({ length: 11 }, (_, s) => rows.filter(filter).reduce((t, r) => t + Number(r[`score_${s}`]), 0));
        expect(hist(() => true)).toEqual(w.figures!.histogram);
        for (const v of w.segments[0]!.values) {
          const f = v.figures;
          if (!f.suppressed) expect(hist((r) => r['segment_region'] === v.value && (f.basis === 'all answers' || r['confidential'] === '0'))).toEqual(f.histogram);
        }
        const ratings = Papa.parse<Record<string, string>>(readFileSync(join(out, `${w.id}-ratings.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
        const ease = w.attributes[0]!.figures;
        const n = ratings.reduce((t, r) => t + Number(r['n']), 0);
        const sum = ratings.reduce((t, r) => t + Number(r['sum_rating']), 0);
        if (!ease.suppressed) expect([n, sum / n]).toEqual([ease.n, ease.mean]);
        else expect(n).toBeLessThan(2);
      }
      // w1 by hand: 6 answers; w2: 3 answers (two confidential in each: enough to count at a minimum of 2)
      expect(model.waves.map((w) => w.figures!.n)).toEqual([6, 3]);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(join(data, '..'), { recursive: true, force: true });
    }
  });
});
