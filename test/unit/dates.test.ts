import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateOrderEvidence, isoDayNumber, parseDate } from '../../src/pipeline/schemas/dates.ts';

/** `YYYY-MM-DD` of a day number, worked out by the platform's Date as an independent oracle. */
const isoOf = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);

describe('parseDate: ISO', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026-3-1', '2026-03-01'],
    ['2026/03/31', '2026-03-31'],
    ['2026.03.31', '2026-03-31'],
    [' 2026-03-31 ', '2026-03-31'],
    ['2026-03-31T14:03:11', '2026-03-31'],
    ['2026-03-31 14:03', '2026-03-31'],
    ['2026-03-31T14:03:11.123456', '2026-03-31'],
    ['2026-03-31T14:03:11Z', '2026-03-31'],
    ['2026-03-31T14:03:11.5+02:00', '2026-03-31'],
    ['2026-03-31 14:03:11 -0700', '2026-03-31'],
    ['2026-03-31 14:03:11 UTC', '2026-03-31'],
    ['2026-03-31 14:03:11 +0000', '2026-03-31'],
    ['2026-3-31T14:03Z', '2026-03-31'],
  ])('reads %j', (text, want) => expect(parseDate(text, 'iso')).toBe(want));

  it('keeps the date as written when there is a zone, not the UTC date', () => {
    // 23:30 at -07:00 is 06:30 UTC the next day; the answer still belongs to the 20th.
    expect(parseDate('2025-08-20T23:30:00-07:00', 'iso')).toBe('2025-08-20');
    // 00:30 at +02:00 is 22:30 UTC the day before.
    expect(parseDate('2025-08-20T00:30:00+02:00', 'iso')).toBe('2025-08-20');
  });

  it('applies the leap-year rules on the fast path', () => {
    expect(parseDate('2024-02-29', 'iso')).toBe('2024-02-29');
    expect(parseDate('2000-02-29', 'iso')).toBe('2000-02-29');
    expect(parseDate('2100-02-29', 'iso')).toBeNull();
    expect(parseDate('2100-02-29T10:00', 'iso')).toBeNull();
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-03-31 garbage', '2026-03-31T25:00', 'yesterday', '', '   '])('rejects %j', (text) =>
    expect(parseDate(text, 'iso')).toBeNull(),
  );
});

describe('parseDate: day and month numbers', () => {
  it('keeps what the reader in cells.ts read', () => {
    expect(parseDate('2026-03-31T23:59:00-05:00', 'iso')).toBe('2026-03-31');
    expect(parseDate('2026-03-31 08:00', 'iso')).toBe('2026-03-31');
    expect(parseDate('31.12.2025', 'dmy')).toBe('2025-12-31');
    expect(parseDate('31/12/2025', 'mdy')).toBeNull();
  });

  it('reads them only with an order', () => {
    expect(parseDate('03/04/2026', 'iso')).toBeNull();
    expect(parseDate('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(parseDate('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(parseDate('31/12/2025', 'mdy')).toBeNull();
  });

  it.each([
    ['8/20/25', 'mdy', '2025-08-20'],
    ['08/20/2025', 'mdy', '2025-08-20'],
    ['20.08.2025', 'dmy', '2025-08-20'],
    ['20-08-25', 'dmy', '2025-08-20'],
    ['8/20/25 14:03', 'mdy', '2025-08-20'],
    ['08/20/2025 02:03:11 PM', 'mdy', '2025-08-20'],
    ['20.08.2025 14:03:11', 'dmy', '2025-08-20'],
    ['29/02/2024', 'dmy', '2024-02-29'],
  ] as const)('reads %j as %s', (text, order, want) => expect(parseDate(text, order)).toBe(want));

  it.each([
    ['31/04/2026', 'dmy'],
    ['29/02/2026', 'dmy'],
    ['02/29/2026', 'mdy'],
    ['13/13/2026', 'dmy'],
    ['0/5/2026', 'dmy'],
    ['1/2/2026x', 'dmy'],
    ['1/2-2026', 'dmy'],
    ['1/2/202', 'dmy'],
  ] as const)('rejects %j under %s', (text, order) => expect(parseDate(text, order)).toBeNull());

  it('pivots two-digit years at 70, as POSIX strptime %y does', () => {
    expect(parseDate('1/2/69', 'mdy')).toBe('2069-01-02');
    expect(parseDate('1/2/70', 'mdy')).toBe('1970-01-02');
    expect(parseDate('1/2/00', 'dmy')).toBe('2000-02-01');
    expect(parseDate('1/2/99', 'dmy')).toBe('1999-02-01');
  });
});

describe('parseDate: numbers', () => {
  it('reads Excel serial days in any order, with or without a time fraction', () => {
    // 46082 − 25569 (the serial of 1970-01-01) = 20513 days after 1970-01-01.
    // 2026-01-01 is 56×365 + 14 leap days (1972…2024) = 20454; 20513 − 20454 = 59 = 31 (Jan) + 28 (Feb): March 1st.
    expect(parseDate('46082', 'iso')).toBe('2026-03-01');
    expect(parseDate('46082.5833', 'dmy')).toBe('2026-03-01');
    expect(parseDate('25569', 'iso')).toBe('1970-01-01');
    // 73050 − 25569 = 47481 days; 2100-01-01 is 130×365 + 32 leap days (1972…2096) = 47482, so the day before.
    expect(parseDate('73050', 'iso')).toBe('2099-12-31');
  });

  it('reads Unix seconds and milliseconds as UTC dates', () => {
    // 1724162591 = 19955 × 86400 + 50591 (14:03:11); day 19955 is 2024-01-01 (19723 = 54×365 + 13 leap days)
    // + 232 days, and 232 = 213 (Jan…Jul of a leap year) + 19: 2024-08-20T14:03:11Z.
    expect(parseDate('1724162591', 'iso')).toBe('2024-08-20');
    expect(parseDate('1724162591.25', 'iso')).toBe('2024-08-20');
    expect(parseDate('1724162591123', 'iso')).toBe('2024-08-20');
    // 1e9 s is 2001-09-09T01:46:40Z; 4102444799 is 2099-12-31T23:59:59Z.
    expect(parseDate('1000000000', 'iso')).toBe('2001-09-09');
    expect(parseDate('4102444799', 'iso')).toBe('2099-12-31');
    expect(parseDate('4102444799999', 'iso')).toBe('2099-12-31');
  });

  it.each([
    '20000', // serial before 1970
    '25568',
    '73051', // serial after 2099
    '999999999', // nine digits below 1e9
    '4102444800', // 2100-01-01 in seconds
    '4102444800000',
    '99999999999999', // fourteen digits
    '172416259112', // twelve digits below 1e12
    '12345678901', // eleven digits
    '2026',
    '46082.',
    '46082.5.1',
    '0046082',
  ])('rejects %j', (text) => expect(parseDate(text, 'dmy')).toBeNull());
});

describe('parseDate: month names', () => {
  it.each([
    ['Aug 20, 2025', '2025-08-20'],
    ['August 20, 2025 2:03 PM', '2025-08-20'],
    ['20 Aug 2025', '2025-08-20'],
    ['20-Aug-2025', '2025-08-20'],
    ['20-Aug-25', '2025-08-20'],
    ['20AUG2025', '2025-08-20'],
    ['Wed, 20 Aug 2025 14:03:11 GMT', '2025-08-20'],
    ['Wednesday, August 20th, 2025', '2025-08-20'],
    ['2025-Aug-20', '2025-08-20'],
    ['20. August 2025', '2025-08-20'],
    ['20. März 2025', '2025-03-20'],
    ['20. Mrz. 2025', '2025-03-20'],
    ['3 févr. 2025', '2025-02-03'],
    ['3 janv 2025', '2025-01-03'],
    ['24 dic 2025', '2025-12-24'],
    ['24 dez 2025', '2025-12-24'],
    ['3 okt 2025', '2025-10-03'],
    ['3 ott 2025', '2025-10-03'],
    ['3 out 2025', '2025-10-03'],
    ['3 mei 2025', '2025-05-03'],
    ['3 mai 2025', '2025-05-03'],
    ['3 mag 2025', '2025-05-03'],
    ['3 set 2025', '2025-09-03'],
    ['3 sept. 2025', '2025-09-03'],
    ['3 mar 2025', '2025-03-03'],
    ['3 mrt 2025', '2025-03-03'],
    ['3 ene 2025', '2025-01-03'],
    ['3 gen 2025', '2025-01-03'],
    ['3 août 2025', '2025-08-03'],
    ['3 ago 2025', '2025-08-03'],
    ['20 de agosto de 2025', '2025-08-20'],
    ['3 março 2025', '2025-03-03'],
    ['3 giugno 2025', '2025-06-03'],
    ['3 juil. 2025', '2025-07-03'],
    ['3 juin 2025', '2025-06-03'],
  ])('reads %j', (text, want) => expect(parseDate(text, 'iso')).toBe(want));

  it.each(['Aug 2025', '31 Apr 2025', '30 Feb 2025', '20 Foo 2025', 'Foo 20, 2025', 'Aug 20', '20 Aug 2025 soon'])('rejects %j', (text) =>
    expect(parseDate(text, 'mdy')).toBeNull(),
  );
});

describe('parseDate: round trips', () => {
  // 1970-01-01 … 2069-12-31, the range two-digit years reach; 36524 is 2069-12-31.
  const day = fc.integer({ min: 0, max: 36524 });

  it('reads every date back from YYYY-MM-DD, d/m/yyyy, m/d/yy and an Excel serial', () => {
    fc.assert(
      fc.property(day, (n) => {
        const iso = isoOf(n);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(parseDate(iso, 'iso')).toBe(iso);
        expect(parseDate(`${d}/${m}/${y}`, 'dmy')).toBe(iso);
        expect(parseDate(`${m}/${d}/${String(y % 100).padStart(2, '0')}`, 'mdy')).toBe(iso);
        expect(parseDate(String(25569 + n), 'iso')).toBe(iso);
        expect(isoDayNumber(iso)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every Unix second after 1e9 as its UTC date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1e9, max: 4102444799 }), (s) => {
        expect(parseDate(String(s), 'iso')).toBe(new Date(s * 1000).toISOString().slice(0, 10));
        expect(parseDate(String(s * 1000 + 999), 'iso')).toBe(new Date(s * 1000).toISOString().slice(0, 10));
      }),
    );
  });

  it('gives day numbers for real dates only', () => {
    expect(isoDayNumber('1970-01-01')).toBe(0);
    expect(isoDayNumber('2024-08-20')).toBe(19955);
    expect(isoDayNumber('1969-12-31')).toBe(-1);
    expect(isoDayNumber('2026-02-29')).toBeNaN();
    expect(isoDayNumber('2026-3-1')).toBeNaN();
  });
});

describe('DateOrderEvidence', () => {
  const evidence = (...cells: string[]) => {
    const e = new DateOrderEvidence();
    for (const c of cells) e.add(c);
    return e;
  };

  it('reads the day first from a first part over 12, and settles', () => {
    const e = evidence('03/04/2025');
    expect(e.settled).toBe(false);
    e.add('20/08/2025');
    expect(e.settled).toBe(true);
    e.add('21/08/2025');
    expect(e.decide()).toEqual({ order: 'dmy', how: 'day-over-12', reason: 'the day comes first: e.g. "20/08/2025" has no month 20' });
  });

  it('reads the month first from a second part over 12', () => {
    const e = evidence('', '08/20/2025 14:03', '08/21/2025');
    expect(e.settled).toBe(true);
    expect(e.decide()).toEqual({ order: 'mdy', how: 'day-over-12', reason: 'the month comes first: e.g. "08/20/2025 14:03" has no month 20' });
  });

  it('reports contradictory files with the first example of each', () => {
    const e = evidence('20/08/2025', '25/08/2025', '08/20/2025', '08/25/2025');
    expect(e.decide()).toEqual({
      order: null,
      how: 'contradictory',
      reason: 'some dates have a day over 12 first (e.g. "20/08/2025") and others second (e.g. "08/20/2025")',
    });
  });

  it('takes no evidence from a cell that is no date either way', () => {
    const e = evidence('20/20/2025', '3/4/2025');
    expect(e.settled).toBe(false);
    expect(e.invalid).toEqual({ dmy: 1, mdy: 1 });
    expect(e.decide().how).toBe('none');
  });

  it('counts cells invalid under each reading', () => {
    // 20/08 has no month 20 (month first); 31/02 is no date either way (no 31 February, no month 31).
    expect(evidence('20/08/2025', '31/02/2025', '1/1/2025').invalid).toEqual({ dmy: 1, mdy: 2 });
  });

  it('chooses month first when the dates then fall within a week', () => {
    // Month first: 1–7 August (6 days). Day first: 8 January … 8 July 2025 (181 days).
    const e = evidence('8/1/25', '8/2/25', '8/3/25', '8/4/25', '8/5/25', '8/6/25', '8/7/25');
    expect(e.settled).toBe(false);
    expect(e.decide()).toEqual({ order: 'mdy', how: 'span', reason: 'month first, the dates fall within 6 days (day first, they would spread over 181 days)' });
  });

  it('chooses day first when the dates then fall within a week', () => {
    // Day first: 1–3 August (2 days). Month first: 8 January … 8 March 2025 (59 days).
    const e = evidence('1.8.2025', '2.8.2025', '3.8.2025');
    expect(e.decide()).toEqual({ order: 'dmy', how: 'span', reason: 'day first, the dates fall within 2 days (month first, they would spread over 59 days)' });
  });

  it('does not guess from one date or from spans alike', () => {
    const none = { order: null, how: 'none', reason: 'every date could be read either way (no day over 12)' };
    expect(evidence('3/4/25').decide()).toEqual(none);
    // Day first: 1 Feb … 3 Apr (61 days); month first: 2 Jan … 4 Mar (31 + 28 + 2 = 61 days).
    expect(evidence('1/2/25', '3/4/25').decide()).toEqual(none);
  });

  it('needs the shorter span within 92 days', () => {
    // Month first: 1 Jan, 8 Jan, 3 Apr: 31 + 28 + 31 + 2 = 92 days. Day first: 1 Jan, 1 Aug, 4 Mar: 212 days.
    expect(evidence('1/1/25', '1/8/25', '4/3/25').decide()).toEqual({
      order: 'mdy',
      how: 'span',
      reason: 'month first, the dates fall within 92 days (day first, they would spread over 212 days)',
    });
    // 4 Apr instead of 3 Apr: 93 days month first.
    expect(evidence('1/1/25', '1/8/25', '4/4/25').decide().how).toBe('none');
  });

  it('needs the longer span over twice the shorter', () => {
    // Day first: 1 Jan, 1 Apr, 7 Jan: 31 + 28 + 31 = 90 days. Month first: 1 Jan, 4 Jan, 1 Jul: 181 days = 2 × 90 + 1.
    expect(evidence('1/1/25', '1/4/25', '7/1/25').decide()).toEqual({
      order: 'dmy',
      how: 'span',
      reason: 'day first, the dates fall within 90 days (month first, they would spread over 181 days)',
    });
    // Day first: 1 Feb, 3 Jan: 29 days. Month first: 2 Jan, 1 Mar: 29 + 28 + 1 = 58 days, exactly twice.
    expect(evidence('1/2/25', '3/1/25').decide().how).toBe('none');
  });

  it('says a span of one day in the singular', () => {
    // Day first: 1 and 2 January. Month first: 1 January and 1 February, 31 days.
    expect(evidence('1/1/25', '2/1/25').decide().reason).toBe('day first, the dates fall within 1 day (month first, they would spread over 31 days)');
  });

  it('says so when no cell is written as day and month numbers', () => {
    const e = evidence('', '  ', '2026-03-31', 'Aug 20, 2025', '46082', 'n/a');
    expect(e.settled).toBe(false);
    expect(e.decide()).toEqual({ order: null, how: 'none', reason: 'no date written as day and month numbers' });
  });
});
