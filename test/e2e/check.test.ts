/**
 * `npm run check` finds what would only show while pages render: a significant decline no
 * plan answers, and MDX naming what the data lacks (warnings with ids; the check still passes).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/build.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const rows = (prefix: string, n: number, score: (i: number) => number) => Array.from({ length: n }, (_, i) => `${prefix}${i},${score(i)},EMEA`).join('\n');

const data = tempProgram({
  'program.yml': 'segments:\n  - id: region\n',
  // The wave, and EMEA with it, falls from +100 to −100: significant declines no plan answers.
  'responses/w1.csv': `response_id,score,region\n${rows('a', 40, () => 10)}\n`,
  'responses/w2.csv': `response_id,score,region\n${rows('b', 40, () => 2)}\n`,
});
const content = join(data, '..', 'content');
mkdirSync(join(content, 'briefings'), { recursive: true });
writeFileSync(join(content, 'briefings', 'w2.mdx'), '---\ntitle: W2\n---\n\nThe wave.\n\n<Metric name="tickets_closed" />\n');
afterAll(() => rmSync(join(data, '..'), { recursive: true, force: true }));

describe('npm run check', () => {
  it('reports declines without a plan and unknown names in MDX, with ids, file and line', () => {
    const r = runCli('check', { data, content });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 content warnings/);
    // the wave as a whole, and the segment value
    expect(r.stdout).toMatch(/w2: a significant decline has no action plan answering it \(NPS since w1: .*\[decline-without-plan\]/);
    expect(r.stdout).toMatch(/w2: a significant decline has no action plan answering it \(region: EMEA: .*\[decline-without-plan\]/);
    expect(r.stdout).toMatch(/briefings\/w2\.mdx:7: .*tickets_closed.*\[unknown-metric\]/);
  });
});
