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
