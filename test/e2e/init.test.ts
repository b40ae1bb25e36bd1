/**
 * From a survey tool's export to a built wave, as the README says: each export of
 * test/fixtures/exports is copied into an empty data folder, run through `npm run init` and
 * `npm run build` (the real CLI, in a child process), and the wave's figures in summary.json are
 * checked against the counts worked by hand in that shape's expected.json.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestProgram } from '../../src/pipeline/ingest/ingest-program.ts';
import { categoryIndex } from '../../src/pipeline/model/categories.ts';
import { projectRoot, runCli } from '../helpers/build.ts';
import { tempDir } from '../helpers/temp.ts';

const CORPUS = join(projectRoot, 'test/fixtures/exports');

/** One export's counts, worked by hand (see the shape's expected.json and README). */
interface Expected {
  file: string;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  confidential: number;
  dated: number;
  rejected: number;
}

interface WaveSummary {
  id: string;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  confidential: number | null;
  countsConfidential: boolean;
  dated: number;
}

/** Exports of one program go through init together (Microsoft Forms: two waves); the others one by one. */
function programs(): { shape: string; files: Expected[] }[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const expected = JSON.parse(readFileSync(join(CORPUS, d.name, 'expected.json'), 'utf8')) as Expected[];
      return d.name === 'microsoft-forms' ? [{ shape: d.name, files: expected }] : expected.map((e) => ({ shape: d.name, files: [e] }));
    });
}

/** The wave program.yml's header says each export went to. */
function waveOf(programYml: string, file: string): string {
  const line = programYml.split('\n').find((l) => l.startsWith(`#   ${file} (`));
  const wave = line && /-> responses\/(.+)\.csv$/.exec(line)?.[1];
  if (!wave) throw new Error(`program.yml does not say where ${file} went:\n${programYml}`);
  return wave;
}

describe('npm run init, then npm run build, on each export shape', () => {
  it.each(programs().map((p) => [`${p.shape}: ${p.files.map((f) => f.file).join(' + ')}`, p] as const))('%s', async (_name, { shape, files }) => {
    // The exports sit in the empty data folder itself, as a user copying them there would have them.
    const data = join(tempDir('chorus-init-'), 'data');
    mkdirSync(data);
    for (const f of files) copyFileSync(join(CORPUS, shape, f.file), join(data, f.file));

    const init = runCli(
      'init',
      { data },
      files.map((f) => join(data, f.file)),
    );
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toMatch(/Next: .*npm run build/);
    const programYml = readFileSync(join(data, 'program.yml'), 'utf8');

    // What the build reads, tallied without any disclosure step: exactly the hand counts.
    const raw = new Map<string, { n: number; cat: number[]; confidential: number; dated: number }>();
    const ingest = await ingestProgram({
      dataDir: data,
      onResponse: (r) => {
        const w = raw.get(r.wave) ?? { n: 0, cat: [0, 0, 0], confidential: 0, dated: 0 };
        raw.set(r.wave, w);
        w.n++;
        w.cat[categoryIndex(r.score)]!++;
        if (r.confidential) w.confidential++;
        if (r.submittedAt !== undefined) w.dated++;
      },
    });

    const build = runCli('build', { data });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(build.out, 'internal/exports/summary.json'), 'utf8')) as { waves: WaveSummary[] };
    expect(summary.waves).toHaveLength(files.length);

    for (const e of files) {
      const wave = waveOf(programYml, e.file);
      expect(existsSync(join(data, 'responses', `${wave}.csv`))).toBe(true);
      expect(raw.get(wave)).toEqual({ n: e.n, cat: [e.detractors, e.passives, e.promoters], confidential: e.confidential, dated: e.dated });
      const report = ingest.report.files.find((f) => f.file === `responses/${wave}.csv`)!;
      expect(report.rejected).toBe(e.rejected);
      expect(report.used).toBe(e.n);

      const w = summary.waves.find((x) => x.id === wave)!;
      if (w.countsConfidential) {
        expect([w.n, w.promoters, w.passives, w.detractors, w.confidential, w.dated]).toEqual([e.n, e.promoters, e.passives, e.detractors, e.confidential, e.dated]);
      } else {
        // Too few confidential answers to protect: the wave shows its named answers only.
        expect(w.confidential).toBeNull();
        expect(w.n).toBe(e.n - e.confidential);
        expect(w.promoters + w.passives + w.detractors).toBe(w.n);
        expect(w.promoters).toBeLessThanOrEqual(e.promoters);
        expect(w.detractors).toBeLessThanOrEqual(e.detractors);
        expect(w.dated).toBeLessThanOrEqual(e.dated);
      }
    }
  });

  it('never writes over a program without --force, and with it moves the old files aside', () => {
    const root = tempDir('chorus-init-');
    const data = join(root, 'data');
    mkdirSync(join(data, 'responses'), { recursive: true });
    writeFileSync(join(data, 'program.yml'), 'program:\n  name: Old program\n');
    writeFileSync(join(data, 'responses', '2024-Q1.csv'), 'response_id,score\nr1,9\n');
    const exportFile = join(root, 'export.csv');
    copyFileSync(join(CORPUS, 'excel-us', 'nps-export.csv'), exportFile);

    const refused = runCli('init', { data }, [exportFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds a program \(program\.yml, responses\/2024-Q1\.csv\); nothing was written/);
    expect(readFileSync(join(data, 'program.yml'), 'utf8')).toBe('program:\n  name: Old program\n');

    const forced = runCli('init', { data }, [exportFile, '--force']);
    expect(forced.code, forced.stdout + forced.stderr).toBe(0);
    expect(readFileSync(join(data, 'replaced', 'program.yml'), 'utf8')).toBe('program:\n  name: Old program\n');
    expect(existsSync(join(data, 'replaced', 'responses', '2024-Q1.csv'))).toBe(true);
    expect(readdirSync(join(data, 'responses'))).toEqual(['2025-08.csv']);
  });
});
