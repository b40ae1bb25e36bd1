import { describe, expect, it } from 'vitest';
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { inputKey } from '../../src/pipeline/cache.ts';
import { tempProgram } from '../helpers/temp-program.ts';

describe('inputKey', () => {
  it('is stable for the same data and changes with any byte, file name or new file', async () => {
    const dir = tempProgram({ 'responses/w1.csv': 'response_id,score\nr1,9\n', 'program.yml': 'min_group_size: 5\n' });
    const a = await inputKey(dir);
    expect(await inputKey(dir)).toBe(a);
    writeFileSync(join(dir, 'program.yml'), 'min_group_size: 6\n');
    const b = await inputKey(dir);
    expect(b).not.toBe(a);
    renameSync(join(dir, 'responses/w1.csv'), join(dir, 'responses/w2.csv'));
    const c = await inputKey(dir);
    expect(c).not.toBe(b);
    writeFileSync(join(dir, 'accounts.csv'), 'account_id\nA1\n');
    expect(await inputKey(dir)).not.toBe(c);
  });

  it('does not depend on where the data folder is', async () => {
    const files = { 'responses/w1.csv': 'response_id,score\nr1,9\n' };
    expect(await inputKey(tempProgram(files))).toBe(await inputKey(tempProgram(files)));
  });
});

describe('analysis folders', () => {
  it('reuses a complete analysis, keeps the one in use and the one before it, and leaves the old one readable until then', async () => {
    const { analyse, useAnalysis, CURRENT } = await import('../../src/pipeline/cache.ts');
    const { readdirSync, readFileSync: read, existsSync } = await import('node:fs');
    const { tempDir } = await import('../helpers/temp.ts');
    const work = tempDir('chorus-work-');
    const data = tempProgram({ 'responses/w1.csv': 'response_id,score\nr1,9\n' });
    const first = await analyse({ workDir: work, dataDir: data });
    expect(first.cached).toBe(false);
    await useAnalysis(work, first.dir);
    expect((await analyse({ workDir: work, dataDir: data })).cached).toBe(true);
    // a data edit: the new analysis is made beside the one in use, which stays whole meanwhile
    writeFileSync(join(data, 'responses', 'w1.csv'), 'response_id,score\nr1,9\nr2,3\n');
    const second = await analyse({ workDir: work, dataDir: data });
    expect(second.model.waves[0]!.figures!.n).toBe(2);
    expect(existsSync(join(first.dir, 'model.json'))).toBe(true);
    await useAnalysis(work, second.dir);
    expect(read(join(work, CURRENT), 'utf8')).toBe(second.dir.split('/').at(-1));
    writeFileSync(join(data, 'responses', 'w1.csv'), 'response_id,score\nr1,9\nr2,3\nr3,10\n');
    const third = await analyse({ workDir: work, dataDir: data });
    await useAnalysis(work, third.dir);
    // the one in use and the one it replaced; no temporary folder left behind
    expect(readdirSync(work).sort()).toEqual([CURRENT, second.dir.split('/').at(-1), third.dir.split('/').at(-1)].sort());
  });
});
