/** npm run init's choices on export shapes that once fooled it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planInit } from '../../src/pipeline/init/plan-init.ts';
import { tempProgram } from '../helpers/temp-program.ts';

async function plan(files: Record<string, string>) {
  const dir = tempProgram(files);
  return planInit(Object.keys(files).map((f) => join(dir, f)));
}

describe('planInit', () => {
  it('never takes an id counting 1, 2, 3… for the score, even in a small file', async () => {
    const p = await plan({ 'e.csv': 'id,date,Q3,Q7\n1,2025-08-04,5,9\n2,2025-08-04,4,10\n3,2025-08-05,3,6\n4,2025-08-05,2,2\n5,2025-08-06,1,8\n' });
    expect(p.exports[0]!.choices.score?.column.header).toBe('Q7');
    expect(p.exports[0]!.choices.id?.column.header).toBe('id');
  });

  it('takes the recommend question whose unanswered cells say N/A', async () => {
    const p = await plan({ 'e.csv': 'Response ID,How likely are you to recommend Acme?,Comment\nr1,9,Good\nr2,N/A,\nr3,6,Slow support\nr4,n/a,\nr5,10,Great\n' });
    expect(p.exports[0]!.choices.score?.column.header).toBe('How likely are you to recommend Acme?');
  });

  it('reads the comment from the open question, never from a job title', async () => {
    const p = await plan({
      'e.csv':
        'Response ID,Organisation,How likely are you to recommend Acme?,Anything else?,Job title\n' +
        'r1,Acme Ltd,9,Reports are slow to load,Head of Finance Operations\nr2,Beta plc,3,Support took a week to answer,Senior Procurement Manager\nr3,Gamma,8,,Chief Executive Officer\n',
    });
    expect(p.exports[0]!.choices.comment?.column.header).toBe('Anything else?');
  });

  it("reads an export whose dates fit either order as its sibling export's dates settle it", async () => {
    const p = await plan({
      'a.csv': 'ID,Completion time,How likely are you to recommend us?\n1,4/8/25 9:00,9\n2,4/8/25 10:00,7\n',
      'b.csv': 'ID,Completion time,How likely are you to recommend us?\n1,13/8/25 9:00,9\n2,14/8/25 10:00,3\n',
    });
    expect(p.exports.map((e) => [e.profile.name, e.dateOrder, e.wave.id])).toEqual([
      ['a.csv', 'dmy', '2025-08'],
      ['b.csv', 'dmy', '2025-08-2'],
    ]);
    expect(p.programYaml).toMatch(/date_format: dmy/);
  });

  it('asks to check a second recommend question and a file name its dates contradict', async () => {
    const p = await plan({
      'NPS Q4 2025.csv': 'Response ID,Date,How likely are you to recommend our support team?,How likely are you to recommend Acme?\nr1,2026-01-12,10,9\nr2,2026-01-13,3,10\n',
    });
    expect(p.checks.some((c) => /more than one "recommend" question/.test(c))).toBe(true);
    expect(p.checks.some((c) => /named 2025-Q4 from its file name, but its answers date from around 2026-01/.test(c))).toBe(true);
  });
});
