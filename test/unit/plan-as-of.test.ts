/**
 * A plan as it stood on a wave's date (src/pipeline/content/plan-as-of.ts): hand-worked dates for
 * each rule, the schema's checks on the dates, the choices built on it (top initiatives, declines),
 * and properties over generated plans.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planAsOf, planHistory, planStart } from '../../src/pipeline/content/plan-as-of.ts';
import { ActionSchema, type Action } from '../../src/pipeline/content/schemas.ts';
import { progressOf, topInitiatives } from '../../src/pipeline/content/briefing-choices.ts';
import { declines } from '../../src/pipeline/content/declines.ts';
import type { WaveModel } from '../../src/pipeline/model/types.ts';

/** A valid plan: the schema's defaults and checks applied to the fields given. */
const plan = (fields: Record<string, unknown>): Action =>
  ActionSchema.parse({ title: 'A plan', objective: 'o', background: 'b', business_impact: 'i', target: 't', owner: 'Ann', status: 'in progress', ...fields });
const task = (start: string, end: string, done?: string | true) => ({
  name: `${start}…${end}`,
  start,
  end,
  ...(done === undefined ? {} : { done: true }),
  ...(typeof done === 'string' ? { done_on: done } : {}),
});
/** Status and progress on each day. */
const on = (p: Action, days: (string | null)[]) => days.map((d) => planAsOf(p, d)).map((x) => (x === null ? null : [x.status, x.progress]));

describe('a plan as of a date', () => {
  it('follows its tasks without history: absent before the first, done counted from done_on or else end', () => {
    const p = plan({
      tasks: [task('2026-03-01', '2026-03-31', '2026-03-20'), task('2026-04-01', '2026-05-31', true), task('2026-06-01', '2026-07-31'), task('2026-07-01', '2026-09-30')],
    });
    expect(planStart(p)).toBe('2026-03-01');
    expect(on(p, ['2026-02-28', '2026-03-01', '2026-03-20', '2026-05-30', '2026-05-31', null])).toEqual([
      null,
      ['in progress', 0],
      ['in progress', 0.25],
      ['in progress', 0.25],
      ['in progress', 0.5],
      ['in progress', 0.5],
    ]);
    expect(planAsOf(p, '2026-03-20')!.tasks.map((t) => t.done)).toEqual([true, false, false, false]);
    expect(planAsOf(p, '2026-03-20')!.result).toBeNull();
  });

  it('counts a done plan done, with its result, only from the day its last task was done', () => {
    const p = plan({ status: 'done', result: 'Faster.', tasks: [task('2026-03-01', '2026-03-31', '2026-03-25'), task('2026-04-01', '2026-04-30', true)] });
    expect(on(p, ['2026-02-01', '2026-03-25', '2026-04-29', '2026-04-30'])).toEqual([null, ['in progress', 0.5], ['in progress', 0.5], ['done', 1]]);
    expect(planAsOf(p, '2026-04-29')!.result).toBeNull();
    expect(planAsOf(p, '2026-04-30')!.result).toBe('Faster.');
    // a task the done plan left unmarked counts from its end
    const unmarked = plan({ status: 'done', result: 'R', tasks: [task('2026-01-01', '2026-01-31', true), task('2026-02-01', '2026-02-28')] });
    expect(on(unmarked, ['2026-02-27', '2026-02-28'])).toEqual([
      ['in progress', 0.5],
      ['done', 1],
    ]);
  });

  it('is planned from `started` until its first task starts', () => {
    const p = plan({ started: '2026-02-15', tasks: [task('2026-03-01', '2026-03-31')] });
    expect(on(p, ['2026-02-14', '2026-02-15', '2026-03-01'])).toEqual([null, ['planned', 0], ['in progress', 0]]);
    // a plan now planned stays planned, whatever its task dates say
    expect(on(plan({ status: 'planned', tasks: [task('2026-03-01', '2026-03-31')] }), ['2026-03-15', null])).toEqual([
      ['planned', 0],
      ['planned', 0],
    ]);
  });

  it('reads status and progress from the history entry in effect; the stated progress only from the last entry', () => {
    const p = plan({
      progress: 60,
      history: [
        { date: '2026-01-10', status: 'planned' },
        { date: '2026-02-01', status: 'in progress', progress: 20 },
        { date: '2026-04-15', status: 'on hold', note: 'Engineers moved to incidents.' },
        { date: '2026-05-01', status: 'in progress' },
      ],
      tasks: [task('2026-03-01', '2026-03-31', '2026-03-10'), task('2026-04-01', '2026-06-30')],
    });
    expect(planStart(p)).toBe('2026-01-10');
    expect(on(p, ['2026-01-09', '2026-01-10', '2026-02-01', '2026-03-15', '2026-04-20', '2026-05-01', null])).toEqual([
      null,
      ['planned', 0],
      ['in progress', 0.2],
      // history's progress holds while its entry is in effect, whatever the tasks say
      ['in progress', 0.2],
      ['on hold', 0.5],
      ['in progress', 0.6],
      ['in progress', 0.6],
    ]);
    expect(planHistory(p)).toEqual([
      { date: '2026-01-10', status: 'planned', progress: 0, note: null },
      { date: '2026-02-01', status: 'in progress', progress: 0.2, note: null },
      { date: '2026-04-15', status: 'on hold', progress: 0.5, note: 'Engineers moved to incidents.' },
      { date: '2026-05-01', status: 'in progress', progress: 0.6, note: null },
    ]);
  });

  it('shows a done result from the history entry that says done', () => {
    const p = plan({
      status: 'done',
      result: 'Halved.',
      history: [
        { date: '2026-05-18', status: 'in progress' },
        { date: '2026-08-07', status: 'done' },
      ],
      tasks: [task('2026-05-18', '2026-07-31', '2026-07-31')],
    });
    expect(on(p, ['2026-05-29', '2026-08-06', '2026-08-28'])).toEqual([
      ['in progress', 0],
      ['in progress', 1],
      ['done', 1],
    ]);
    expect([planAsOf(p, '2026-08-06')!.result, planAsOf(p, '2026-08-07')!.result]).toEqual([null, 'Halved.']);
  });

  it('puts a plan on hold without history from the last thing it records', () => {
    const p = plan({ status: 'on hold', tasks: [task('2026-01-01', '2026-01-31', '2026-01-20'), task('2026-02-01', '2026-03-31')] });
    expect(on(p, ['2026-01-10', '2026-01-20'])).toEqual([
      ['in progress', 0],
      ['on hold', 0.5],
    ]);
  });

  it('shows an undated plan on every date, as it stands', () => {
    const p = plan({ progress: 30 });
    expect(planStart(p)).toBeNull();
    expect(on(p, ['1999-01-01', null])).toEqual([
      ['in progress', 0.3],
      ['in progress', 0.3],
    ]);
    expect(planHistory(p)).toEqual([]);
  });

  it('derives a history from the dates when none is written', () => {
    const p = plan({ status: 'done', result: 'R', started: '2026-02-15', tasks: [task('2026-03-01', '2026-03-31', '2026-03-20'), task('2026-04-01', '2026-04-30', true)] });
    expect(planHistory(p).map((e) => [e.date, e.status])).toEqual([
      ['2026-02-15', 'planned'],
      ['2026-03-01', 'in progress'],
      ['2026-04-30', 'done'],
    ]);
  });
});

describe('the dates a plan may state', () => {
  const problems = (fields: Record<string, unknown>) => {
    const r = ActionSchema.safeParse({ title: 'P', objective: 'o', background: 'b', business_impact: 'i', target: 't', owner: 'Ann', status: 'in progress', ...fields });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('keeps plans written before history existed valid', () => {
    expect(problems({ tasks: [{ name: 'x', start: '2026-01-01', end: '2026-02-01', done: true }] })).toEqual([]);
  });

  it('names the field and the fix for dates that contradict each other', () => {
    expect(
      problems({
        history: [
          { date: '2026-03-01', status: 'planned' },
          { date: '2026-02-01', status: 'in progress' },
        ],
      }),
    ).toEqual(['history.1.date: history dates must go forward: 2026-02-01 comes after 2026-03-01; list the entries oldest first, one per day']);
    expect(problems({ status: 'done', history: [{ date: '2026-03-01', status: 'done' }] })).toEqual([
      'history.0.status: the history says the plan was done, so the plan states its result: add result',
      'result: a done plan states its result: add result',
    ]);
    expect(problems({ history: [{ date: '2026-03-01', status: 'planned' }] })).toEqual([
      'status: status is "in progress" but the last history entry (2026-03-01) says "planned": add a dated history entry for the change to "in progress", or correct status',
    ]);
    expect(problems({ progress: 50, history: [{ date: '2026-03-01', status: 'in progress', progress: 40 }] })).toEqual([
      'progress: progress is 50 but the last history entry (2026-03-01) says 40: give the current progress in one place',
    ]);
    expect(problems({ tasks: [{ name: 'x', start: '2026-01-01', end: '2026-02-01', done_on: '2026-01-15' }] })).toEqual([
      'tasks.0.done_on: done_on is set but the task is not done: add done: true, or remove done_on',
    ]);
    expect(problems({ tasks: [{ name: 'x', start: '2026-01-01', end: '2026-02-01', done: true, done_on: '2025-12-31' }] })).toEqual([
      'tasks.0.done_on: the task is done (2025-12-31) before it starts (2026-01-01): correct done_on or start',
    ]);
    expect(problems({ started: '2026-02-01', tasks: [{ name: 'x', start: '2026-01-01', end: '2026-03-01' }], history: [{ date: '2026-01-15', status: 'in progress' }] })).toEqual([
      'tasks.0.start: the task starts (2026-01-01) before the plan was started (2026-02-01): move started to 2026-01-01 or earlier',
      'history.0.date: this entry (2026-01-15) is before the plan was started (2026-02-01): move started to 2026-01-15 or earlier',
    ]);
    expect(problems({ started: '1 May 2026' })).toEqual(['started: write the date as YYYY-MM-DD']);
  });
});

describe('what a wave shows of the plans', () => {
  const entry = (id: string, fields: Record<string, unknown>) => ({ id, data: plan(fields) });
  const actions = [
    entry('later', { priority: 1, started: '2026-06-01', tasks: [task('2026-06-01', '2026-09-30')] }),
    entry('early', { priority: 2, tasks: [task('2026-01-05', '2026-02-27', '2026-02-20'), task('2026-03-01', '2026-12-31')] }),
    entry('unranked', { tasks: [task('2026-01-05', '2026-02-27')] }),
  ];

  it('lists only the top initiatives started by the date, each as it stood', () => {
    expect(topInitiatives(actions, '2026-02-27').map((a) => [a.id, a.status, a.progress])).toEqual([['early', 'in progress', 0.5]]);
    expect(topInitiatives(actions, '2026-06-30').map((a) => [a.id, a.progress])).toEqual([
      ['later', 0],
      ['early', 0.5],
    ]);
    expect(topInitiatives(actions, '2025-12-31')).toEqual([]);
    expect([progressOf(actions[0]!, '2026-02-27'), progressOf(actions[1]!, '2026-01-31')]).toEqual([null, 0]);
  });

  it('answers a decline only with plans that had started by the wave', () => {
    const wave = (asOf: string | null) =>
      ({ id: 'w2', asOf, change: { significant: true, delta: -12, against: 'w1', words: 'down 12 points' }, segments: [] }) as unknown as WaveModel;
    const plans = [
      { id: 'answered-in-time', data: { answers: ['w2'], segments: [], started: '2026-05-20' } },
      { id: 'answered-later', data: { answers: ['w2'], segments: [], history: plan({ history: [{ date: '2026-06-10', status: 'in progress' }] }).history } },
      { id: 'undated', data: { answers: ['w2'], segments: [] } },
    ];
    expect(declines(wave('2026-05-29'), plans)[0]!.plans.map((p) => p.id)).toEqual(['answered-in-time', 'undated']);
    expect(declines(wave(null), plans)[0]!.plans.map((p) => p.id)).toEqual(['answered-in-time', 'answered-later', 'undated']);
  });
});

describe('properties of the as-of view', () => {
  const DAY = 86_400_000;
  const iso = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * DAY).toISOString().slice(0, 10);
  const taskArb = fc
    .record({ start: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 0, max: 90 }), done: fc.boolean(), doneAfter: fc.option(fc.integer({ min: 0, max: 120 })) })
    .map((t) => ({
      name: 'task',
      start: iso(t.start),
      end: iso(t.start + t.length),
      done: t.done,
      ...(t.done && t.doneAfter !== null ? { done_on: iso(t.start + t.doneAfter) } : {}),
    }));
  /** Plans whose tasks only get done as time passes: no history, no stated progress. */
  const taskPlan = fc
    .record({
      status: fc.constantFrom('planned', 'in progress', 'done', 'on hold'),
      tasks: fc.array(taskArb, { maxLength: 6 }),
      startedEarlier: fc.option(fc.integer({ min: 0, max: 60 })),
    })
    .map(({ status, tasks, startedEarlier }) => {
      const first = tasks.reduce<string | null>((m, t) => (m === null || t.start < m ? t.start : m), null);
      const started = startedEarlier !== null && first !== null ? iso((Date.parse(first) - Date.UTC(2026, 0, 1)) / DAY - startedEarlier) : undefined;
      return plan({ status, tasks, ...(status === 'done' ? { result: 'R' } : {}), ...(started ? { started } : {}) });
    });
  /** Plans with a written history (its last entry the current status) and perhaps a stated progress. */
  const historyPlan = fc
    .record({
      steps: fc.array(
        fc.record({
          gap: fc.integer({ min: 1, max: 60 }),
          status: fc.constantFrom('planned', 'in progress', 'done', 'on hold'),
          progress: fc.option(fc.integer({ min: 0, max: 100 })),
        }),
        {
          minLength: 1,
          maxLength: 5,
        },
      ),
      tasks: fc.array(taskArb, { maxLength: 4 }),
    })
    .map(({ steps, tasks }) => {
      let day = 0;
      const history = steps.map((s) => ({ date: iso((day += s.gap)), status: s.status, ...(s.progress !== null ? { progress: s.progress } : {}) }));
      return plan({ status: history.at(-1)!.status, history, tasks, result: 'R' });
    });
  const dayArb = fc.integer({ min: -30, max: 600 }).map(iso);

  it('never lowers progress as the date moves later, when tasks only get done', () => {
    fc.assert(
      fc.property(taskPlan, dayArb, dayArb, (p, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const x = planAsOf(p, early);
        const y = planAsOf(p, late);
        if (x === null) return;
        expect(y).not.toBeNull();
        expect(y!.progress ?? 0).toBeGreaterThanOrEqual(x.progress ?? 0);
        // a task done by the earlier date stays done
        x.tasks.forEach((t, i) => t.done && expect(y!.tasks[i]!.done).toBe(true));
      }),
    );
  });

  it('leaves a plan out before its start and shows it from then on', () => {
    fc.assert(
      fc.property(fc.oneof(taskPlan, historyPlan), dayArb, (p, day) => {
        const start = planStart(p);
        expect(planAsOf(p, day) === null).toBe(start !== null && day < start);
        // on its first day, and not the day before
        if (start !== null) {
          expect(planAsOf(p, start)).not.toBeNull();
          expect(planAsOf(p, new Date(Date.parse(start) - DAY).toISOString().slice(0, 10))).toBeNull();
        }
      }),
    );
  });

  it('shows the plan as it stands now on any day after every date it names', () => {
    fc.assert(
      fc.property(fc.oneof(taskPlan, historyPlan), (p) => {
        expect(planAsOf(p, '2030-01-01')).toEqual(planAsOf(p, null));
      }),
    );
  });

  it('shows a result only for a plan done by then, and never marks done a task that is not', () => {
    fc.assert(
      fc.property(fc.oneof(taskPlan, historyPlan), dayArb, (p, day) => {
        const x = planAsOf(p, day);
        if (x === null) return;
        expect(x.result !== null).toBe(x.status === 'done');
        x.tasks.forEach((t, i) => !p.tasks[i]!.done && expect(t.done).toBe(false));
      }),
    );
  });
});
