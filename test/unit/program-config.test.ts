import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/pipeline/config/load-program.ts';

describe('program.yml', () => {
  it('gives every setting a default', () => {
    const { settings, problems } = parseProgram('');
    expect(problems).toEqual([]);
    expect(settings.min_group_size).toBe(5);
    expect(settings.currency).toBe('USD');
    expect(Object.keys(settings.alerts)).toEqual(['detractor', 'passive', 'promoter', 'no_comment']);
    expect(settings.alerts['detractor']).toMatchObject({ scores: [0, 6], owner: 'account_owner', due_days: 2 });
    expect(settings.roles['decision_maker']?.decision_maker).toBe(true);
    expect(settings.csv).toEqual({ delimiter: 'auto', date_format: 'auto', decimal_separator: '.', skip_rows_after_header: 0, confidential_inverted: false });
  });

  it('reads waves with YAML dates and numeric ids', () => {
    const { settings, problems } = parseProgram('waves:\n  - id: 2026\n    as_of: 2026-03-31\n    label: Spring\n');
    expect(problems).toEqual([]);
    expect(settings.waves[0]).toEqual({ id: '2026', as_of: '2026-03-31', label: 'Spring' });
  });

  it('names unknown and invalid settings', () => {
    const { problems } = parseProgram('min_group_sise: 3\ncurrency: dollars\nwaves:\n  - id: "Q1 2026"\n');
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/unknown setting min_group_sise/);
    expect(text).toMatch(/setting currency: use a three-letter ISO 4217 code/);
    expect(text).toMatch(/setting waves\[0\]\.id/);
  });

  it('points at the line of a YAML syntax error', () => {
    const { problems } = parseProgram('program:\n  name: "unclosed\nmin_group_size: 5\n');
    expect(problems[0]!.message).toMatch(/YAML cannot be read/);
    expect(problems[0]!.line).toBeGreaterThan(0);
  });
});
