/**
 * The zod schemas of the curated content: customer stories, action plans, the program
 * scope and wave briefings. Astro's content collections use them (src/site/content.config.ts)
 * and `npm run check` validates against them without building pages.
 */
import { z } from 'zod';

const date = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'write the date as YYYY-MM-DD' }),
);

const wave = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));

/** A customer's own words, with what they agreed to. */
export const StorySchema = z.strictObject({
  title: z.string().min(1),
  quote: z.string().min(1),
  /** The customer company and the person's role, shown only where consent allows. */
  customer: z.string().min(1),
  role: z.string().min(1).optional(),
  person: z.string().min(1).optional(),
  /** A video of the customer telling it (embedded from this URL). */
  video: z.url({ protocol: /^https$/, error: 'use an https:// address of the video' }).optional(),
  /** May people inside the company see who said it? Without consent the quote is shown unattributed. */
  named_internally: z.boolean().default(false),
  /** May the customer site show it (still without the name unless named_internally)? */
  publish_to_customers: z.boolean().default(false),
  /** The wave the story belongs to; a briefing opens with a story of its wave. */
  wave: wave.optional(),
  themes: z.array(z.string().min(1)).default([]),
  score: z.number().int().min(0).max(10).optional(),
});
export type Story = z.output<typeof StorySchema>;

/** A plan's statuses, in the order a plan usually moves through them. */
export const PLAN_STATUSES = ['planned', 'in progress', 'done', 'on hold'] as const;

const Task = z.strictObject({
  /** What is to be done, as the Gantt chart and the plan's page name it. */
  name: z.string().min(1),
  /** When work on it starts (or started). */
  start: date,
  /** When it is due to end. */
  end: date,
  /** Whether it is finished. */
  done: z.boolean().default(false),
  /** The day it was finished. Without it a task marked `done` counts as done from its `end`. */
  done_on: date.optional(),
});

/** One dated change of a plan's status (its history), so a past wave shows the plan as it stood then. */
const HistoryEntry = z.strictObject({
  /** The day the plan moved to this status. */
  date: date,
  /** The status from that day on, until the next entry. */
  status: z.enum(PLAN_STATUSES),
  /** Share done from that day, 0–100; without it the share of tasks done by then. */
  progress: z.number().min(0).max(100).optional(),
  /** Why it changed, in a sentence, for the plan's own page. */
  note: z.string().min(1).optional(),
});
export type PlanHistoryEntry = z.output<typeof HistoryEntry>;

/** An action plan with every field of the practice. */
export const ActionSchema = z
  .strictObject({
    /** The action item, as every page names the plan. */
    title: z.string().min(1),
    /** Order among the top initiatives (1 = first); plans without it are not top initiatives. */
    priority: z.number().int().positive().optional(),
    /** What the plan sets out to change. */
    objective: z.string().min(1),
    /** Why it was chosen. The analytics that link it to NPS are computed from `themes` and `segments`. */
    background: z.string().min(1),
    /** Comment themes the plan answers (the letter to customers says so beside each theme). */
    themes: z.array(z.string().min(1)).default([]),
    /** Segment values the plan is aimed at (program.yml segment ids and values). */
    segments: z.array(z.strictObject({ dimension: z.string().min(1), value: z.string().min(1) })).default([]),
    /** Rated attributes (program.yml attributes ids) the plan improves: its page shows their driver strength and trend. */
    attributes: z.array(z.string().min(1)).default([]),
    /** What it is worth to the business (internal only). */
    business_impact: z.string().min(1),
    /** What stands in its way (internal only). */
    obstacles: z.string().min(1).optional(),
    /** The measurable goal, shown to customers when the plan is published. */
    target: z.string().min(1),
    /** Who is accountable (internal only). */
    owner: z.string().min(1),
    /** Where the plan stands now. With a `history`, it is the last entry's status. */
    status: z.enum(PLAN_STATUSES),
    /** Share done now, 0–100; by default the share of tasks done. */
    progress: z.number().min(0).max(100).optional(),
    /** The day the plan was adopted. Default: its first history entry or its first task's start, whichever is earlier. A wave before it does not show the plan. */
    started: date.optional(),
    /** Dated status changes, oldest first; the last one is the current `status`. */
    history: z.array(HistoryEntry).default([]),
    /** The work, drawn as a Gantt chart; tasks done by a wave's date make its progress. */
    tasks: z.array(Task).default([]),
    /** What it achieved, required once done; shown from the day it was done. */
    result: z.string().min(1).optional(),
    /** Waves whose declines this plan answers (a significant decline without one is a build warning). */
    answers: z.array(wave).default([]),
    /** May the customer site show it (without owner, business impact or obstacles)? */
    publish_to_customers: z.boolean().default(false),
  })
  .superRefine((a, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    a.tasks.forEach((t, i) => {
      if (t.end < t.start) problem(['tasks', i, 'end'], 'a task ends before it starts: correct start or end');
      if (t.done_on !== undefined && !t.done) problem(['tasks', i, 'done_on'], 'done_on is set but the task is not done: add done: true, or remove done_on');
      if (t.done_on !== undefined && t.done_on < t.start) problem(['tasks', i, 'done_on'], `the task is done (${t.done_on}) before it starts (${t.start}): correct done_on or start`);
      if (a.started !== undefined && t.start < a.started)
        problem(['tasks', i, 'start'], `the task starts (${t.start}) before the plan was started (${a.started}): move started to ${t.start} or earlier`);
    });
    a.history.forEach((h, i) => {
      const before = a.history[i - 1];
      if (before && h.date <= before.date)
        problem(['history', i, 'date'], `history dates must go forward: ${h.date} comes after ${before.date}; list the entries oldest first, one per day`);
      if (a.started !== undefined && h.date < a.started) problem(['history', i, 'date'], `this entry (${h.date}) is before the plan was started (${a.started}): move started to ${h.date} or earlier`);
      if (h.status === 'done' && a.result === undefined) problem(['history', i, 'status'], 'the history says the plan was done, so the plan states its result: add result');
    });
    const last = a.history.at(-1);
    if (last && last.status !== a.status)
      problem(['status'], `status is "${a.status}" but the last history entry (${last.date}) says "${last.status}": add a dated history entry for the change to "${a.status}", or correct status`);
    if (last?.progress !== undefined && a.progress !== undefined && last.progress !== a.progress)
      problem(['progress'], `progress is ${a.progress} but the last history entry (${last.date}) says ${last.progress}: give the current progress in one place`);
    if (a.status === 'done' && a.result === undefined) problem(['result'], 'a done plan states its result: add result');
  });
export type Action = z.output<typeof ActionSchema>;

/** The program scope: the situation, strategic choices and top priorities. */
export const ScopeSchema = z.strictObject({
  title: z.string().min(1),
  situation: z.string().min(1),
  strategic_choices: z.array(z.string().min(1)).min(1),
  priorities: z.array(z.string().min(1)).min(1),
});
export type Scope = z.output<typeof ScopeSchema>;

/** A wave's briefing narrative (its body is MDX). */
export const BriefingSchema = z.strictObject({
  title: z.string().min(1).optional(),
  /** The story (file name without extension) the briefing opens with. */
  story: z.string().min(1).optional(),
  summary: z.string().min(1).optional(),
});
export type Briefing = z.output<typeof BriefingSchema>;

/** A letter to every invited customer: before a wave (what we will do with your feedback) or after it. */
export const LetterSchema = z.strictObject({
  title: z.string().min(1),
  wave: wave,
  kind: z.enum(['before', 'after']),
  /** Overrides program.yml's signatory for this letter. */
  signed_by: z.string().min(1).optional(),
  /** How long the survey takes, for the note before a wave ("5 minutes"). */
  survey_length: z.string().min(1).optional(),
});
export type Letter = z.output<typeof LetterSchema>;

/** Collection folder -> schema. */
export const CONTENT_SCHEMAS = {
  stories: StorySchema,
  actions: ActionSchema,
  program: ScopeSchema,
  briefings: BriefingSchema,
  letters: LetterSchema,
} as const;
