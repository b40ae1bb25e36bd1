/** Closing the loop on a small program whose follow-up figures are known. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli } from '../helpers/build.ts';
import { tempProgram } from '../helpers/temp-program.ts';

describe('follow-up queue, owner pages and oversight', () => {
  it("builds the queue, the owners' pages and the export from the log, against the as-of date", () => {
    const data = tempProgram({
      'program.yml': 'waves:\n  - id: w1\n    as_of: 2026-04-10\n',
      'accounts.csv': 'account_id,name,owner\nA1,Acme,Ann Owner\nA2,Globex,Bob Owner\n',
      'contacts.csv': 'contact_id,account_id,name,role\nC1,A1,Dee Tractor,user\nC2,A1,Pat Sive,user\nC3,A2,Pro Moter,user\nC4,A2,Quiet Conf,user\n',
      'responses/w1.csv':
        'response_id,score,contact_id,submitted_at,comment,confidential\nr1,2,C1,2026-04-01,Too slow,no\nr2,8,C2,2026-04-01,Fine,no\nr3,10,C3,2026-04-01,Love it,no\nr4,1,C4,2026-04-01,Hidden,yes\n',
      'followups.csv': 'response_id,status,owner,opened_at,closed_at\nr1,closed,Ann Owner,2026-04-01,2026-04-02\nr2,contacted,Ann Owner,2026-04-03,\n',
    });
    const r = runCli('build', { data });
    expect(r.code, r.stderr).toBe(0);
    const out = join(r.out, 'internal');
    const queue = Papa.parse<Record<string, string>>(readFileSync(join(out, 'exports', 'queue.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    // r1 detractor (closed in time), r2 passive (contacted, 7-day rule: not overdue on day 9? due 04-08 → overdue 2 days), r3 promoter (14 days: not due yet); r4 confidential: no alert
    expect(queue.map((q) => [q['response_id'], q['alert'], q['owner'], q['status'], q['overdue'], q['closed_in_time']])).toEqual([
      ['r2', 'passive', 'Ann Owner', 'contacted', 'true', 'false'],
      ['r1', 'detractor', 'Ann Owner', 'closed', 'false', 'true'],
      ['r3', 'promoter', 'Bob Owner', 'not started', 'false', 'false'],
    ]);
    expect(readFileSync(join(out, 'exports', 'queue.csv'), 'utf8')).not.toMatch(/Quiet Conf|r4|Hidden/);
    const ann = readFileSync(join(out, 'owners', 'ann-owner', 'index.html'), 'utf8');
    expect(ann).toContain('Pat Sive');
    expect(ann).toMatch(/2 days overdue/);
    expect(ann).not.toContain('Dee Tractor'); // closed: no longer waiting
    const bob = readFileSync(join(out, 'owners', 'bob-owner', 'index.html'), 'utf8');
    expect(bob).toContain('Pro Moter');
    expect(bob).toContain('reference');
    const oversight = readFileSync(join(out, 'follow-up', 'index.html'), 'utf8');
    expect(oversight).toMatch(/33% of 3 alerts are closed/);
    expect(oversight).toMatch(/1 overdue/);
  });
});
