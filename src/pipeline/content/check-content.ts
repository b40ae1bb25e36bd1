/**
 * Checks the content folder before any page is built: every Markdown/MDX file must have
 * readable YAML frontmatter. The collections' own zod schemas (stories, action plans, …)
 * plug in here as they are added.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { filesUnder } from '../util/files.ts';
import { parseDocument } from 'yaml';
import type { StructuralIssue } from '../ingest/report.ts';

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
    if (fm === null) continue;
    const doc = parseDocument(fm.yaml);
    for (const e of doc.errors) {
      problems.push({
        file,
        line: fm.firstLine - 1 + (e.linePos?.[0].line ?? 1),
        message: `the frontmatter cannot be read: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: 'check the indentation and quoting on that line (quote text containing ":" or "#")',
      });
    }
  }
  return { files: files.length, problems };
}
