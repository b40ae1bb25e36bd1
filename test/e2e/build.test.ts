/**
 * The demo program built end to end through the CLI, as a CX team runs it.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli, filesUnder, projectRoot } from '../helpers/build.ts';
import { tempProgram } from '../helpers/temp-program.ts';

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The data rows of every CSV file of the demo program, counted here: [path under data/, rows]. */
const inputRows = (): [string, number][] =>
  filesUnder(join(projectRoot, 'data'))
    .filter(([p]) => p.endsWith('.csv'))
    .map(([p]) => [p, csv(join(projectRoot, 'data', p)).length]);

const demo = inject('demoBuild');
beforeAll(() => {
  expect(demo.code, demo.stderr).toBe(0);
});

describe('npm run build on the demo program', () => {
  it('succeeds and reports every row of every input file, each one used', () => {
    // Rows counted here from the CSV files, not from the build's own tally; the demo has no bad or blank row.
    const counts = inputRows();
    const table = new Map<string, number[]>();
    for (const [, file, ...n] of demo.stdout.matchAll(/^ {2}(\S+) +([\d,]+) +([\d,]+) +([\d,]+) +([\d,]+)$/gm))
      table.set(
        file!,
        n.map((x) => Number(x.replace(/,/g, ''))),
      );
    expect([...table.keys()].sort()).toEqual([...counts.map(([p]) => p), 'total'].sort());
    for (const [file, rows] of counts) expect(table.get(file), file).toEqual([rows, rows, 0, 0]);
    const total = counts.reduce((sum, [, rows]) => sum + rows, 0);
    expect(table.get('total')).toEqual([total, total, 0, 0]);
    expect(total).toBeGreaterThan(5000);
  });

  it('writes a data page listing every wave with its responses and NPS', () => {
    const html = readFileSync(join(demo.out, 'internal', 'data', 'index.html'), 'utf8');
    const program = readFileSync(join(projectRoot, 'data', 'program.yml'), 'utf8');
    for (const wave of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']) {
      const label = new RegExp(`id: ${wave}, label: ([^,}]+)`).exec(program)?.[1]?.trim() ?? wave;
      const rows = csv(join(projectRoot, 'data', 'responses', `${wave}.csv`));
      const promoters = rows.filter((r) => Number(r['score']) >= 9).length;
      const detractors = rows.filter((r) => Number(r['score']) <= 6).length;
      const nps = Math.round(((promoters - detractors) / rows.length) * 100);
      const row = new RegExp(`<th scope="row">${label}</th>.*?</tr>`).exec(html)?.[0];
      expect(row, `row for ${label}`).toBeDefined();
      expect(row).toContain(`>${rows.length.toLocaleString('en-US')}<`);
      expect(row).toContain(nps > 0 ? `+${nps}` : nps < 0 ? `−${-nps}` : '0');
    }
    // what this build read: every input file with its rows, counted here
    for (const [file, rows] of inputRows()) expect(html, file).toMatch(new RegExp(`<code>${escape(file)}</code></th><td[^>]*>${rows.toLocaleString('en-US')}</td>`));
  });

  it('never writes a confidential respondent’s name, email, contact id, response id or comment', () => {
    const contacts = new Map(csv(join(projectRoot, 'data', 'contacts.csv')).map((c) => [c['contact_id']!, c]));
    const waves = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'].map((wave) => csv(join(projectRoot, 'data', 'responses', `${wave}.csv`)));
    // Per person: whoever chose confidentiality in any wave (or left the question blank) is confidential in every wave.
    const confidential = new Set(waves.flat().flatMap((r) => (/^(false|no|0)$/i.test(r['confidential'] ?? '') ? [] : [r['contact_id']!])));
    const named = waves.flat().flatMap((r) => (confidential.has(r['contact_id']!) ? [] : [r['comment']?.trim() ?? '']));
    const secrets = new Set<string>();
    for (const r of waves.flat()) {
      if (!confidential.has(r['contact_id']!)) continue;
      secrets.add(r['response_id']!);
      // a comment someone identified also wrote, word for word or within a longer comment, is not theirs alone
      const comment = r['comment']?.trim() ?? '';
      if (comment.length >= 20 && !named.some((n) => n.includes(comment))) {
        secrets.add(comment);
        // as HTML and JSON write it
        secrets.add(comment.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;'));
        secrets.add(JSON.stringify(comment).slice(1, -1));
      }
      const c = contacts.get(r['contact_id']!);
      if (!c) continue;
      for (const v of [c['contact_id'], c['name'], c['email']]) if (v) secrets.add(v);
    }
    expect(secrets.size).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const [path, bytes] of filesUnder(demo.out)) {
      const text = path + '\n' + bytes.toString('utf8');
      for (const s of secrets) if (text.includes(s)) leaks.push(`${path}: ${s}`);
    }
    expect(leaks.join('\n')).toBe('');
  });

  it('builds the same bytes from the same inputs', () => {
    const again = runCli('build', { secret: demo.secret });
    expect(again.code).toBe(0);
    const a = filesUnder(demo.out);
    const b = filesUnder(again.out);
    expect(b.map(([p]) => p)).toEqual(a.map(([p]) => p));
    for (let i = 0; i < a.length; i++) expect(b[i]![1].equals(a[i]![1]), a[i]![0]).toBe(true);
  });
});

describe('other programs', () => {
  it('builds a working site from nothing but responses/<wave>.csv', () => {
    const data = tempProgram({ 'responses/spring.csv': 'response_id,score\n1,10\n2,9\n3,2\n' });
    const r = runCli('build', { data });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(r.out, 'internal', 'data', 'index.html'), 'utf8');
    expect(html).toContain('<th scope="row">spring</th>');
    expect(html).toContain('+33');
    const briefing = readFileSync(join(r.out, 'internal', 'index.html'), 'utf8');
    expect(briefing).toContain('+33');
    expect(briefing).toContain('n = 3');
  });

  it('fails on structural problems with every problem named, and exits non-zero', () => {
    const data = tempProgram({
      'responses/w1.csv': 'id;rating\n1;9\n',
      'responses/w2.csv': 'response_id,score\nr1,"open\n',
      'program.yml': 'min_group_size: zero\n',
    });
    const r = runCli('check', { data });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The build stopped: 3 problems/);
    expect(r.stderr).toMatch(/responses\/w1\.csv, column "response_id": the required column "response_id" is missing.*Fix: /);
    expect(r.stderr).toMatch(/responses\/w2\.csv, line 2: a quoted field opened on this line is never closed/);
    expect(r.stderr).toMatch(/program\.yml: setting min_group_size/);
  });

  it('renders hostile comments and file content as text', () => {
    const data = tempProgram({
      'responses/<script>.csv': 'response_id,score\n1,9\n',
      'responses/w1.csv': 'response_id,score,comment\n"<img src=x onerror=alert(1)>",11,"<script>alert(1)</script>"\nok,9,\n',
    });
    const r = runCli('build', { data });
    expect(r.code).toBe(1); // "<script>" is not a valid wave id: the file must be renamed
    expect(r.stderr).toMatch(/cannot be a wave id/);
    const ok = runCli('build', { data: tempProgram({ 'responses/w1.csv': 'response_id,score,comment\nr1,"<img src=x onerror=alert(1)>",x\nok,9,\n' }) });
    expect(ok.code).toBe(0);
    const html = readFileSync(join(ok.out, 'internal', 'data', 'index.html'), 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
