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

const Task = z.strictObject({
  name: z.string().min(1),
  start: date,
  end: date,
  done: z.boolean().default(false),
});

/** An action plan with every field of the practice. */
export const ActionSchema = z
  .strictObject({
    title: z.string().min(1),
    /** Order among the top initiatives (1 = first); plans without it are not top initiatives. */
    priority: z.number().int().positive().optional(),
    objective: z.string().min(1),
    /** Why it was chosen. The analytics that link it to NPS are computed from `themes` and `segments`. */
    background: z.string().min(1),
    themes: z.array(z.string().min(1)).default([]),
    segments: z.array(z.strictObject({ dimension: z.string().min(1), value: z.string().min(1) })).default([]),
    /** Rated attributes (program.yml attributes ids) the plan improves: its page shows their driver strength and trend. */
    attributes: z.array(z.string().min(1)).default([]),
    business_impact: z.string().min(1),
    obstacles: z.string().min(1).optional(),
    target: z.string().min(1),
    owner: z.string().min(1),
    status: z.enum(['planned', 'in progress', 'done', 'on hold']),
    /** Share done, 0–100; by default the share of tasks done. */
    progress: z.number().min(0).max(100).optional(),
    tasks: z.array(Task).default([]),
    result: z.string().min(1).optional(),
    /** Waves whose declines this plan answers (a significant decline without one is a build warning). */
    answers: z.array(wave).default([]),
    publish_to_customers: z.boolean().default(false),
  })
  .superRefine((a, ctx) => {
    a.tasks.forEach((t, i) => {
      if (t.end < t.start) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'end'], message: 'a task ends before it starts' });
    });
    if (a.status === 'done' && a.result === undefined) ctx.addIssue({ code: 'custom', path: ['result'], message: 'a done plan states its result' });
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
