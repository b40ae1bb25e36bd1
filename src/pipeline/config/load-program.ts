/** Reads and validates `program.yml`; a missing file means every default. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ProgramSettings } from './program-schema.ts';
import type { Notice, StructuralIssue } from '../ingest/report.ts';

export interface LoadedProgram {
  settings: ProgramSettings;
  problems: StructuralIssue[];
  notices: Notice[];
}

const FILE = 'program.yml';

export async function loadProgram(dataDir: string): Promise<LoadedProgram> {
  let text: string;
  try {
    text = await readFile(join(dataDir, FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return { settings: ProgramSettings.parse({}), problems: [], notices: [{ file: FILE, message: 'no program.yml: every setting takes its default' }] };
    }
    return {
      settings: ProgramSettings.parse({}),
      problems: [{ file: FILE, message: `the file cannot be read (${(e as Error).message})`, fix: 'check its permissions' }],
      notices: [],
    };
  }
  return parseProgram(text);
}

export function parseProgram(text: string): LoadedProgram {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  if (doc.errors.length > 0) {
    return {
      settings: ProgramSettings.parse({}),
      problems: doc.errors
        .map((e) => ({
          file: FILE,
          line: e.linePos?.[0].line,
          message: `the YAML cannot be read: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
          fix: 'check the indentation and quoting on that line (quote text containing ":" or "#")',
        }))
        .map((p) => (p.line === undefined ? { file: p.file, message: p.message, fix: p.fix } : { ...p, line: p.line })),
      notices: [],
    };
  }
  const parsed = ProgramSettings.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [], notices: [] };
  return {
    settings: ProgramSettings.parse({}),
    problems: parsed.error.issues.map((i) => {
      const path = i.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      const keys = i.code === 'unrecognized_keys' ? i.keys : [];
      const unknown = keys.join(', ');
      return {
        file: FILE,
        message: unknown ? `unknown setting${keys.length > 1 ? 's' : ''} ${unknown}${path ? ` under ${path}` : ''}` : `setting ${path || '(top level)'}: ${i.message}`,
        fix: unknown ? 'check the spelling against docs/data.md, or remove it' : 'correct the value; docs/data.md lists every setting with its default',
      };
    }),
    notices: [],
  };
}
