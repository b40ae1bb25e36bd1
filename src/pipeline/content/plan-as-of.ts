/**
 * An action plan as it stood on a given day, so every page of a wave (briefing, deck, letter,
 * account page) shows plans as of that wave's date and not as they stand today. Pure.
 *
 * The rules (docs/content.md, "A plan's history"):
 * - A plan exists from its start: `started`, else the earlier of its first history entry and its
 *   first task's start. Before it, it is absent (null). A plan with no date at all always exists.
 * - A task counts as done on a day when it is marked `done` and its `done_on` (else its `end`)
 *   is on or before that day.
 * - With a `history`, the status on a day is the last entry's on or before it (before the first
 *   entry: "planned" until a task has started, then "in progress").
 * - Without one, the status follows the tasks: "planned" until a task has started, then
 *   "in progress"; a plan now "done" is done from the day its last task was done (or ended); a plan
 *   now "planned" stays planned; a plan now "on hold" is on hold from the last thing it records
 *   (its start or its last task done), the only date Chorus can tell.
 * - Progress is 100% once done; else the progress of the history entry in effect; else the plan's
 *   stated `progress` from the day its current state applies (its last history entry, or without
 *   history its last recorded date); else the share of tasks done by then.
 * - The result shows only once the plan is done.
 * Without a date (`asOf` null) the plan is shown as it stands now, which is the same as any day after
 * every date it names.
 */
import type { Action, PlanHistoryEntry } from './schemas.ts';

/** What the as-of view reads of a plan (a plan read without the schema's defaults may lack a history). */
export type PlanTimeline = Pick<Action, 'status' | 'progress' | 'result' | 'tasks' | 'started'> & { history?: Action['history'] | undefined };
export type PlanStatus = Action['status'];

/** A task as it stood on the day. */
export interface TaskAsOf {
  name: string;
  start: string;
  end: string;
  /** Done by the day. */
  done: boolean;
}

/** A plan as it stood on the day. */
export interface PlanAsOf {
  status: PlanStatus;
  /** Share done, 0–1, or null when nothing says. */
  progress: number | null;
  tasks: TaskAsOf[];
  /** What it achieved, only when it was done by the day. */
  result: string | null;
}

const earliest = (dates: (string | undefined)[]): string | null => dates.reduce<string | null>((m, d) => (d !== undefined && (m === null || d < m) ? d : m), null);
const latest = (dates: (string | undefined)[]): string | null => dates.reduce<string | null>((m, d) => (d !== undefined && (m === null || d > m) ? d : m), null);

/** The day a task counts as done from (null when it is not done). */
export const taskDoneOn = (t: Action['tasks'][number]): string | null => (t.done ? (t.done_on ?? t.end) : null);

/** The day the plan was adopted: `started`, else its first history entry or first task start; null when it names no date. */
export function planStart(p: Pick<PlanTimeline, 'started' | 'history' | 'tasks'>): string | null {
  return p.started ?? earliest([p.history?.[0]?.date, ...p.tasks.map((t) => t.start)]);
}

/** The day the plan's current state (status, stated progress) applies from. */
function currentSince(p: PlanTimeline): string | null {
  const last = p.history?.at(-1);
  if (last) return last.date;
  return latest([planStart(p) ?? undefined, ...p.tasks.map((t) => taskDoneOn(t) ?? undefined)]);
}

/** "planned" until a task has started, then "in progress" (a plan without tasks is under way from its start). */
const underWay = (p: PlanTimeline, day: string): PlanStatus => (p.tasks.length === 0 || p.tasks.some((t) => t.start <= day) ? 'in progress' : 'planned');

function statusOn(p: PlanTimeline, day: string): { status: PlanStatus; entry: PlanHistoryEntry | null } {
  if (p.history?.length) {
    const entry = p.history.filter((h) => h.date <= day).at(-1) ?? null;
    return { status: entry ? entry.status : underWay(p, day), entry };
  }
  if (p.status === 'planned') return { status: 'planned', entry: null };
  if (p.status === 'done') {
    // Done once every task is: a task a done plan left unmarked counts from its end.
    const doneOn = latest(p.tasks.map((t) => taskDoneOn(t) ?? t.end)) ?? planStart(p);
    return { status: doneOn === null || doneOn <= day ? 'done' : underWay(p, day), entry: null };
  }
  if (p.status === 'on hold') {
    const since = currentSince(p);
    return { status: since === null || since <= day ? 'on hold' : underWay(p, day), entry: null };
  }
  return { status: underWay(p, day), entry: null };
}

/**
 * The plan as it stood on `asOf` (YYYY-MM-DD), or null when it had not started by then (a wave of
 * that date does not show it). `asOf` null: the plan as it stands now, as written.
 */
export function planAsOf(p: PlanTimeline, asOf: string | null): PlanAsOf | null {
  if (asOf === null) return planNow(p);
  const start = planStart(p);
  if (start !== null && asOf < start) return null;
  const tasks = p.tasks.map((t) => {
    const doneOn = taskDoneOn(t);
    return { name: t.name, start: t.start, end: t.end, done: doneOn !== null && doneOn <= asOf };
  });
  const { status, entry } = statusOn(p, asOf);
  const since = currentSince(p);
  let progress: number | null = null;
  if (status === 'done') progress = 1;
  else if (entry?.progress !== undefined) progress = entry.progress / 100;
  else if (p.progress !== undefined && (since === null || since <= asOf)) progress = p.progress / 100;
  else if (tasks.length > 0) progress = tasks.filter((t) => t.done).length / tasks.length;
  return { status, progress, tasks, result: status === 'done' ? (p.result ?? null) : null };
}

/** The plan as written: its status, its stated (or last recorded) progress, else the share of tasks done. What any day after all its dates shows too. */
function planNow(p: PlanTimeline): PlanAsOf {
  const tasks = p.tasks.map((t) => ({ name: t.name, start: t.start, end: t.end, done: t.done }));
  const recorded = p.history?.at(-1)?.progress;
  let progress: number | null = null;
  if (p.status === 'done') progress = 1;
  else if (recorded !== undefined) progress = recorded / 100;
  else if (p.progress !== undefined) progress = p.progress / 100;
  else if (tasks.length > 0) progress = tasks.filter((t) => t.done).length / tasks.length;
  return { status: p.status, progress, tasks, result: p.status === 'done' ? (p.result ?? null) : null };
}

/** One step of a plan's history as its page shows it. */
export interface PlanEvent {
  date: string;
  status: PlanStatus;
  /** Share done from that day (0–1), when known. */
  progress: number | null;
  note: string | null;
}

/**
 * The plan's dated history for its own page: the written `history` when there is one, else the
 * status changes the as-of rules derive from its dates (its start and its tasks' dates), oldest
 * first. Empty for a plan that names no date.
 */
export function planHistory(p: PlanTimeline): PlanEvent[] {
  if (p.history?.length) return p.history.map((h) => ({ date: h.date, status: h.status, progress: planAsOf(p, h.date)?.progress ?? null, note: h.note ?? null }));
  const days = [planStart(p), currentSince(p), ...p.tasks.flatMap((t) => [t.start, t.end, taskDoneOn(t)])].filter((d): d is string => d !== null);
  const out: PlanEvent[] = [];
  for (const day of [...new Set(days)].sort()) {
    const at = planAsOf(p, day);
    if (at === null || at.status === out.at(-1)?.status) continue;
    out.push({ date: day, status: at.status, progress: at.progress, note: null });
  }
  return out;
}
