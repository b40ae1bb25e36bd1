/**
 * Checks the content folder before any page is built: every Markdown/MDX file must have
 * readable YAML frontmatter, and files of a collection (stories/, actions/, program/,
 * briefings/) must match its zod schema. Problems name the file, line or field, and the fix.
 * Beside them, warnings about how a briefing's narrative reads (a story quoted twice).
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { filesUnder } from '../util/files.ts';
import { CONTENT_SCHEMAS } from './schemas.ts';
import { parseDocument } from 'yaml';
import type { StructuralIssue } from '../ingest/report.ts';
import { readNarrative, repeatedQuotes } from './narrative.ts';
import { contentWarning, type ContentWarning } from './warnings.ts';

export interface ContentCheck {
  files: number;
  problems: StructuralIssue[];
}

/** The frontmatter block of a Markdown file, with the line its YAML starts on. */
export function frontmatterOf(text: string): { yaml: string; firstLine: number } | null | 'unclosed' {
  const m = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const end = /^---[ \t]*$/m.exec(rest);
  if (!end) return 'unclosed';
  return { yaml: rest.slice(0, end.index), firstLine: 2 };
}

export async function checkContent(contentDir: string): Promise<ContentCheck> {
  const files = (await filesUnder(contentDir)).filter((p) => /\.mdx?$/i.test(p) && !/(^|[\\/])readme\.md$/i.test(p));
  const problems: StructuralIssue[] = [];
  for (const path of files) {
    const file = `content/${relative(contentDir, path).split('\\').join('/')}`;
    const fm = frontmatterOf(await readFile(path, 'utf8'));
    if (fm === 'unclosed') {
      problems.push({ file, line: 1, message: 'the frontmatter opened by "---" is never closed', fix: 'end it with a line holding only "---"' });
      continue;
    }
    const collection = file.split('/')[1] as keyof typeof CONTENT_SCHEMAS;
    const schema = CONTENT_SCHEMAS[collection];
    if (fm === null) {
      if (schema) problems.push({ file, line: 1, message: `a ${collection} entry needs frontmatter`, fix: 'start the file with its fields between two "---" lines; docs/content.md lists them' });
      continue;
    }
    const doc = parseDocument(fm.yaml);
    for (const e of doc.errors) {
      problems.push({
        file,
        line: fm.firstLine - 1 + (e.linePos?.[0].line ?? 1),
        message: `the frontmatter cannot be read: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: 'check the indentation and quoting on that line (quote text containing ":" or "#")',
      });
    }
    if (doc.errors.length > 0 || !schema) continue;
    const parsed = schema.safeParse(doc.toJS() ?? {});
    if (parsed.success) continue;
    for (const i of parsed.error.issues) {
      const field = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
      const unknown = i.code === 'unrecognized_keys' ? i.keys.join(', ') : '';
      problems.push({
        file,
        message: unknown ? `unknown field ${unknown}` : `field ${field || '(frontmatter)'}: ${i.message}`,
        fix: unknown ? 'check the spelling against docs/content.md, or remove it' : 'correct the field; docs/content.md lists every field',
      });
    }
  }
  return { files: files.length, problems };
}

/**
 * A warning for each repeat of a story a briefing's narrative already quoted, at the repeat's
 * line. `text` is the whole .mdx file as read from disk (its lines are the file's).
 */
export function repeatedQuoteWarnings(file: string, text: string): ContentWarning[] {
  return repeatedQuotes(readNarrative(text)).flatMap((r) => r.repeats.map((line) => contentWarning('repeated-quote', { file, line }, { story: r.story, first: r.first })));
}
