import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { score, parseDate, parseNumber, readBoolean, tags, splitMessage, rowSchema, id, date } from '../../src/pipeline/schemas/cells.ts';

const scoreCell = rowSchema({ score }).transform((r) => r.score);
const tagsCell = {
  parse: (cell: string | undefined) =>
    tags(cell, () => {
      throw new Error('tags never fail');
    }),
};

describe('score', () => {
  it.each([
    ['0', 0],
    ['10', 10],
    [' 7 ', 7],
    ['7.0', 7],
    ['10 - Extremely likely', 10],
    ['0 (Not at all likely)', 0],
    ['9: very likely', 9],
  ])('reads %j as %i', (text, want) => {
    expect(scoreCell.parse({ score: text })).toBe(want);
  });

  it.each(['11', '-1', '7.5', '', '  ', 'ten', '100', '1e1', '5 5'])('rejects %j with a fix', (text) => {
    const r = scoreCell.safeParse({ score: text });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['score']);
    const { message, fix } = splitMessage(r.error!.issues[0]!.message);
    expect(message).toMatch(/score/);
    expect(fix.length).toBeGreaterThan(10);
  });

  it('accepts every integer 0..10 and nothing above', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), (n) => {
        expect(scoreCell.safeParse({ score: String(n) }).success).toBe(n >= 0 && n <= 10);
      }),
    );
  });
});

describe('dates', () => {
  it('reads ISO dates and datetimes to the calendar day', () => {
    expect(parseDate('2026-03-31', 'iso')).toBe('2026-03-31');
    expect(parseDate('2026-3-1', 'iso')).toBe('2026-03-01');
    expect(parseDate('2026-03-31T23:59:00-05:00', 'iso')).toBe('2026-03-31');
    expect(parseDate('2026-03-31 08:00', 'iso')).toBe('2026-03-31');
  });
  it('rejects impossible dates', () => {
    expect(parseDate('2026-02-30', 'iso')).toBeNull();
    expect(parseDate('2026-13-01', 'iso')).toBeNull();
    expect(parseDate('yesterday', 'iso')).toBeNull();
  });
  it('reads day-first and month-first only when told to', () => {
    expect(parseDate('03/04/2026', 'iso')).toBeNull();
    expect(parseDate('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(parseDate('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(parseDate('31.12.2025', 'dmy')).toBe('2025-12-31');
    expect(parseDate('31/12/2025', 'mdy')).toBeNull();
  });
});

describe('numbers', () => {
  it.each([
    ['125000', 125000],
    ['125,000', 125000],
    ['$1,250,000.50', 1250000.5],
    ['€ 900', 900],
    ['-12.5', -12.5],
    ['0', 0],
  ])('reads %j', (text, want) => expect(parseNumber(text)).toBe(want));
  it.each(['12,50', '1.250.000,00', 'abc', '', '12k', '1,2,3'])('rejects %j', (text) => expect(parseNumber(text)).toBeNull());
  it.each([
    ['1.250.000,50', 1250000.5],
    ['12,5', 12.5],
    ['900 €', 900],
    ['1 250 000', 1250000],
    ['-3', -3],
  ])('reads %j with a decimal comma', (text, want) => expect(parseNumber(text, ',')).toBe(want));
  it.each(['1,250.50', '12.5', 'abc'])('rejects %j with a decimal comma', (text) => expect(parseNumber(text, ',')).toBeNull());
});

describe('booleans', () => {
  it('reads the usual spellings, blank as the default, and inverts on request', () => {
    for (const t of ['true', 'TRUE', 'yes', 'Y', '1']) expect(readBoolean(t, false)).toBe(true);
    for (const t of ['false', 'No', 'n', '0']) expect(readBoolean(t, true)).toBe(false);
    expect(readBoolean('', false)).toBe(false);
    expect(readBoolean(undefined, true)).toBe(true);
    expect(readBoolean('yes', false, true)).toBe(false);
    expect(readBoolean('maybe', false)).toBeNull();
  });
});

describe('themes', () => {
  it('splits on ";", trims, drops blanks and repeats', () => {
    expect(tagsCell.parse(' pricing ; reporting usability;;pricing ')).toEqual(['pricing', 'reporting usability']);
    expect(tagsCell.parse('')).toEqual([]);
    expect(tagsCell.parse(undefined)).toEqual([]);
  });
});

describe('rowSchema', () => {
  it('reports every failing cell of a row, each under its column', () => {
    const schema = rowSchema({ response_id: id('response id'), score, submitted_at: date('submitted date', 'iso') });
    const r = schema.safeParse({ response_id: ' ', score: '12', submitted_at: '2026-02-29' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(['response_id', 'score', 'submitted_at']);
    expect(schema.parse({ response_id: ' r1 ', score: '9' })).toEqual({ response_id: 'r1', score: 9, submitted_at: undefined });
  });
  it('rejects a cell that is not text', () => {
    expect(rowSchema({ score }).safeParse({ score: 9 }).success).toBe(false);
  });
});
