/**
 * Reads a serialised model and checks it before any page trusts it: the version first (a model
 * written by another version of Chorus gets a plain "run the build again"), then its shape.
 */
import { z } from 'zod';
import { MODEL_VERSION, type SiteModel } from './types.ts';

const versioned = z.object({ version: z.number() }).loose();

/** The parts every page relies on; figures inside waves are written by this same pipeline version. */
const modelShape = z
  .object({
    version: z.literal(MODEL_VERSION),
    program: z.object({ name: z.string(), company: z.string(), currency: z.string(), minGroupSize: z.number().int().positive() }).loose(),
    benchmarks: z.array(z.object({ name: z.string(), nps: z.number() }).loose()),
    waves: z.array(
      z
        .object({
          id: z.string(),
          label: z.string(),
          asOf: z.string().nullable(),
          segments: z.array(z.object({ id: z.string(), values: z.array(z.object({ value: z.string(), figures: z.object({ suppressed: z.boolean() }).loose() })) }).loose()),
          accounts: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() }).loose()),
          themes: z.object({ themes: z.array(z.object({ theme: z.string(), slug: z.string() }).loose()) }).loose(),
          followup: z.object({ byOwner: z.array(z.object({ owner: z.string(), slug: z.string() }).loose()) }).loose(),
        })
        .loose(),
    ),
    owners: z.array(z.object({ name: z.string(), slug: z.string() })),
    queueFiles: z.array(z.string()),
    attributeThemes: z.record(z.string(), z.array(z.string())),
    ingest: z.object({}).loose(),
    withoutRecords: z.boolean(),
  })
  .loose();

export class ModelError extends Error {}

/** Parses `text` (the model file at `file`) or throws a ModelError saying what is wrong and what to do. */
export function readModel(text: string, file: string): SiteModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ModelError(`${file} is not a readable model (it may have been cut short): run the build again`);
  }
  const v = versioned.safeParse(value);
  if (!v.success) throw new ModelError(`${file} is not a Chorus model: run the build again`);
  if (v.data.version !== MODEL_VERSION)
    throw new ModelError(`${file} was written by another version of Chorus (model version ${v.data.version}; this one reads ${MODEL_VERSION}): run the build again`);
  const parsed = modelShape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelError(`${file} does not have the shape this version of Chorus expects (at ${issue.path.join('.') || 'the top'}: ${issue.message}): run the build again`);
  }
  return value as SiteModel;
}
