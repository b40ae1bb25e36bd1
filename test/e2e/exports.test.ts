/**
 * The exports of a build, checked against figures worked out here from the raw CSV files,
 * and the analysis cache.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { runCli, projectRoot } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const data = join(projectRoot, 'data');
const WAVES = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

const run = inject('demoBuild');
let summary: {
  version: number;
  waves: {
    id: string;
    n: number;
    promoters: number;
    detractors: number;
    nps: number;
    ci95: [number, number];
    mean: number;
    segments: Record<string, { value: string; suppressed: boolean; n?: number; nps?: number }[]>;
  }[];
};
beforeAll(() => {
  expect(run.code, run.stderr).toBe(0);
  summary = JSON.parse(readFileSync(join(run.out, 'internal', 'exports', 'summary.json'), 'utf8'));
});

describe('summary.json', () => {
  it('has every wave with n, counts, NPS, its adjusted-Wald interval and mean, to 4 decimals', () => {
    expect(summary.version).toBe(1);
    expect(summary.waves.map((w) => w.id)).toEqual(WAVES);
    for (const w of summary.waves) {
      const scores = csv(join(data, 'responses', `${w.id}.csv`)).map((r) => Number(r['score']));
      const n = scores.length;
      const p = scores.filter((s) => s >= 9).length;
      const d = scores.filter((s) => s <= 6).length;
      expect(w).toMatchObject({ n, promoters: p, detractors: d });
      expect(Math.abs(w.nps - ((p - d) / n) * 100)).toBeLessThan(1e-4);
      expect(Math.abs(w.mean - scores.reduce((a, b) => a + b, 0) / n)).toBeLessThan(1e-4);
      const pa = (p + 0.75) / (n + 3);
      const da = (d + 0.75) / (n + 3);
      const se = Math.sqrt((pa + da - (pa - da) ** 2) / (n + 3));
      expect(Math.abs(w.ci95[0] - 100 * (pa - da - 1.959964 * se))).toBeLessThan(1e-3);
      expect(Math.abs(w.ci95[1] - 100 * (pa - da + 1.959964 * se))).toBeLessThan(1e-3);
    }
  });

  it('has segment figures that match the raw data, and no figure for a small group', () => {
    const region = new Map(csv(join(data, 'accounts.csv')).map((a) => [a['account_id']!, a['region']!]));
    for (const w of summary.waves) {
      const byRegion = new Map<string, number[]>();
      for (const r of csv(join(data, 'responses', `${w.id}.csv`))) {
        const key = region.get(r['account_id']!) ?? 'Not known';
        byRegion.set(key, [...(byRegion.get(key) ?? []), Number(r['score'])]);
      }
      for (const entry of w.segments['region']!) {
        const scores = byRegion.get(entry.value)!;
        if (entry.suppressed) {
          expect(Object.keys(entry).sort()).toEqual(['note', 'suppressed', 'value']);
          continue;
        }
        expect(entry.n).toBe(scores.length);
        const nps = ((scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length) / scores.length) * 100;
        expect(Math.abs(entry.nps! - nps)).toBeLessThan(1e-4);
        expect(entry.n!).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('comes with one CSV per table', () => {
    const dir = join(run.out, 'internal', 'exports');
    const waves = csv(join(dir, 'waves.csv'));
    expect(waves.map((w) => w['wave'])).toEqual(WAVES);
    expect(Number(waves[0]!['n'])).toBe(summary.waves[0]!.n);
    // Rows per wave, where the input fixes them: 11 scores, every account, the ARR bands and one above
    // the last, four categories, two cohorts; the demo has no rejected row.
    const program = parseYaml(readFileSync(join(data, 'program.yml'), 'utf8')) as { finance: { arr_bands: number[] } };
    const expected: Record<string, number> = {
      distribution: 11 * WAVES.length,
      accounts: csv(join(data, 'accounts.csv')).length * WAVES.length,
      'arr-bands': (program.finance.arr_bands.length + 1) * WAVES.length,
      'arr-by-category': 4 * WAVES.length,
      cohorts: 2 * WAVES.length,
      finance: WAVES.length,
      'rejected-rows': 0,
    };
    for (const [f, rows] of Object.entries(expected)) expect(csv(join(dir, `${f}.csv`)).length, f).toBe(rows);
    for (const f of ['segments', 'themes', 'metrics']) expect([...new Set(csv(join(dir, `${f}.csv`)).map((r) => r['wave']))], f).toEqual(WAVES);
  });
});

describe('the analysis cache', () => {
  it('reuses the analysis after a content edit and redoes it after any data edit', () => {
    const work = tempDir('chorus-cache-');
    cpSync(data, join(work, 'data'), { recursive: true });
    const out = join(work, 'out');
    const env = { data: join(work, 'data'), out, content: join(work, 'content') };
    expect(runCli('build', env).stdout).not.toMatch(/reusing its analysis/);
    mkdirSync(join(work, 'content', 'stories'), { recursive: true });
    writeFileSync(join(work, 'content', 'stories', 'new.md'), '---\ntitle: A new story\nquote: It works.\ncustomer: A customer\n---\nText.\n');
    const contentOnly = runCli('build', env);
    expect(contentOnly.code, contentOnly.stderr).toBe(0);
    expect(contentOnly.stdout).toMatch(/reusing its analysis/);
    expect(contentOnly.stdout).toMatch(/Content: 1 file checked/);
    const file = join(work, 'data', 'responses', '2026-Q3.csv');
    const columns = readFileSync(file, 'utf8').split('\n')[0]!.split(',');
    appendFileSync(file, columns.map((c) => ({ response_id: 'R-extra-1', submitted_at: '2026-08-20', score: '0', confidential: 'false' })[c] ?? '').join(',') + '\n');
    const changed = runCli('build', env);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).not.toMatch(/reusing its analysis/);
    const after = JSON.parse(readFileSync(join(out, 'internal', 'exports', 'summary.json'), 'utf8'));
    expect(after.waves[3].n).toBe(summary.waves[3]!.n + 1);
    writeFileSync(join(work, 'data', 'program.yml'), readFileSync(join(work, 'data', 'program.yml'), 'utf8').replace('min_group_size: 5', 'min_group_size: 6'));
    expect(runCli('build', env).stdout).not.toMatch(/reusing its analysis/);
  });
});

describe('the customer site on a rebuild', () => {
  it('is kept when only what customers never see changed, and rebuilt when a letter changes', () => {
    const work = tempDir('chorus-customer-keep-');
    cpSync(data, join(work, 'data'), { recursive: true });
    cpSync(join(projectRoot, 'content'), join(work, 'content'), { recursive: true });
    const env = { data: join(work, 'data'), out: join(work, 'out'), content: join(work, 'content') };
    expect(runCli('build', env).stdout).toMatch(/Customer site written/);
    appendFileSync(join(work, 'content', 'briefings', '2026-Q3.mdx'), '\nOne more internal sentence.\n');
    const briefingOnly = runCli('build', env);
    expect(briefingOnly.stdout).toMatch(/Customer site unchanged since the last build/);
    expect(readFileSync(join(env.out, 'internal', 'index.html'), 'utf8')).toContain('One more internal sentence.');
    // a folder changed since it was written (by hand, another version, another checkout) is built again
    const index = join(env.out, 'customers', 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</body>', '<p>edited by hand</p></body>'));
    const edited = runCli('build', env);
    expect(edited.stdout).toMatch(/Customer site written/);
    expect(readFileSync(index, 'utf8')).not.toContain('edited by hand');
    appendFileSync(join(work, 'content', 'letters', '2026-Q3-after.md'), '\nA sentence added to the letter.\n');
    const letter = runCli('build', env);
    expect(letter.stdout).toMatch(/Customer site written/);
    expect(readFileSync(join(env.out, 'customers', 'heard', '2026-Q3', 'index.html'), 'utf8')).toContain('A sentence added to the letter.');
  });
});
