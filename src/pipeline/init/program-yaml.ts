/**
 * Writes the program.yml `npm run init` decided on, commented line by line so a CX team can see
 * what was read from where and change it: every value is one of docs/data.md's settings, and the
 * file parses with the same schema the build reads it with.
 */

export interface MappedColumn {
  /** Canonical column (score, submitted_at, …). */
  column: string;
  /** The header in each export, first present wins; false leaves it unread. */
  headers: string[] | false;
  comment: string;
}

export interface SuggestedSegment {
  id: string;
  label: string;
  header: string;
  values: number;
}

export interface SuggestedRating {
  id: string;
  label: string;
  header: string;
  scale: [number, number];
}

export interface ProgramPlan {
  sources: string[];
  waves: { id: string; label: string; comment: string }[];
  ids: 'unique' | 'per_wave' | 'row_number';
  idsComment: string;
  tagsSeparator: ';' | ',' | '|';
  columns: MappedColumn[];
  dateFormat: 'auto' | 'iso' | 'dmy' | 'mdy';
  dateComment: string;
  confidentialInverted: boolean;
  consentComment: string;
  segments: SuggestedSegment[];
  ratings: SuggestedRating[];
}

/** A YAML scalar: JSON's double-quoted strings are YAML too. */
const q = (s: string) => JSON.stringify(s);
const comment = (s: string) => (s ? `  # ${s.replace(/\s+/g, ' ')}` : '');

export function programYaml(plan: ProgramPlan): string {
  const out: string[] = [];
  out.push('# Written by `npm run init` from:');
  for (const s of plan.sources) out.push(`#   ${s}`);
  out.push('# Every setting is explained in docs/data.md. Lines marked CHECK are guesses worth a look.');
  out.push('');
  out.push('program:');
  out.push(`  name: Customer feedback program  # CHECK: your program's name, on every page`);
  out.push(`  company: Our company  # CHECK: your company's name, as customers know it`);
  out.push('');
  out.push('waves:  # one per export, oldest first; each reads responses/<id>.csv');
  for (const w of plan.waves) {
    out.push(`  - id: ${q(w.id)}${comment(w.comment)}`);
    out.push(`    label: ${q(w.label)}`);
  }
  out.push('');
  out.push('responses:');
  out.push(`  ids: ${plan.ids}${comment(plan.idsComment)}`);
  out.push(`  tags_separator: ${q(plan.tagsSeparator)}`);
  out.push('  # Rows of survey previews, tests, spam and unfinished responses are skipped and counted (responses.skip in docs/data.md).');
  out.push('');
  out.push('columns:');
  out.push("  responses:  # your export's headers for what Chorus reads (a list: the first present in a file is used)");
  for (const c of plan.columns) {
    const value = c.headers === false ? 'false' : c.headers.length === 1 ? q(c.headers[0]!) : `[${c.headers.map(q).join(', ')}]`;
    out.push(`    ${c.column}: ${value}${comment(c.comment)}`);
  }
  out.push('');
  out.push('csv:');
  out.push(`  date_format: ${plan.dateFormat}${comment(plan.dateComment)}`);
  out.push(`  confidential_inverted: ${plan.confidentialInverted}${comment(plan.consentComment)}`);
  if (plan.segments.length > 0) {
    out.push('');
    out.push('# Columns that could break the figures down by group: uncomment the ones you want.');
    out.push('# segments:');
    for (const s of plan.segments) out.push(`#   - { id: ${q(s.id)}, label: ${q(s.label)}, column: ${q(s.header)}, source: response }  # ${s.values} values`);
  }
  if (plan.ratings.length > 0) {
    out.push('');
    out.push('# Ratings asked beside the 0–10 question: uncomment to see how each relates to the score.');
    out.push('# attributes:');
    for (const r of plan.ratings) out.push(`#   - { id: ${q(r.id)}, label: ${q(r.label)}, column: ${q(r.header)}, scale: [${r.scale[0]}, ${r.scale[1]}] }`);
  }
  return out.join('\n') + '\n';
}
