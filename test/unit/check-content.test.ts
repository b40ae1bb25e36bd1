import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/pipeline/content/check-content.ts';
import { tempProgram } from '../helpers/temp-program.ts';

describe('checkContent', () => {
  it('accepts files with good or no frontmatter, and a missing folder', async () => {
    const dir = tempProgram({ 'stories/a.md': '---\ntitle: A story\nquote: Great.\ncustomer: Acme\n---\nBody', 'b.mdx': '# No frontmatter', 'README.md': '---\nbroken: [' });
    expect(await checkContent(dir)).toEqual({ files: 2, problems: [] });
    expect(await checkContent('/nonexistent/content')).toEqual({ files: 0, problems: [] });
  });

  it('names the file and line of broken frontmatter', async () => {
    const dir = tempProgram({ 'stories/bad.md': '---\ntitle: ok\nquote: "unclosed\n---\nBody', 'open.mdx': '---\ntitle: x\n' });
    const { problems } = await checkContent(dir);
    expect(problems.map((p) => p.file)).toEqual(['content/open.mdx', 'content/stories/bad.md']);
    expect(problems[0]!.message).toMatch(/never closed/);
    expect(problems[1]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('collection schemas', () => {
  it('names the field and the fix', async () => {
    const dir = tempProgram({
      'stories/s.md': '---\ntitle: A story\ncustomer: Acme\nnamed_internaly: true\nvideo: http://x.example/v\n---\n',
      'actions/a.md':
        '---\ntitle: Fix reports\nobjective: o\nbackground: b\nbusiness_impact: i\ntarget: t\nowner: Ann\nstatus: done\ntasks:\n  - { name: Ship, start: 2026-03-01, end: 2026-02-01 }\n---\n',
      'briefings/2026-Q1.mdx': 'No frontmatter here',
    });
    const text = (await checkContent(dir)).problems.map((p) => `${p.file}: ${p.message}`).join('\n');
    expect(text).toMatch(/content\/stories\/s\.md: field quote/);
    expect(text).toMatch(/content\/stories\/s\.md: unknown field named_internaly/);
    expect(text).toMatch(/content\/stories\/s\.md: field video: use an https/);
    expect(text).toMatch(/content\/actions\/a\.md: field tasks\[0\]\.end: a task ends before it starts/);
    expect(text).toMatch(/content\/actions\/a\.md: field result: a done plan states its result/);
    expect(text).toMatch(/content\/briefings\/2026-Q1\.mdx: a briefings entry needs frontmatter/);
  });
});

describe('story identities', () => {
  it('refuses a story naming someone who shares a name with a confidential respondent', async () => {
    const { runPipeline } = await import('../../src/pipeline/run.ts');
    const { confidentialDigests, checkStoryIdentities } = await import('../../src/pipeline/content/check-identities.ts');
    const data = tempProgram({
      'contacts.csv': 'contact_id,name,email\nC1,Jane Roe,jane@acme.example\nC2,John Doe,john@acme.example\n',
      'responses/w1.csv': 'response_id,score,contact_id,confidential\nr1,3,C1,yes\nr2,9,C2,no\n',
    });
    const { ingest } = await runPipeline({ dataDir: data });
    const digests = confidentialDigests(ingest);
    expect(digests).toHaveLength(2);
    expect(digests.join()).not.toMatch(/jane|roe/i);
    const content = tempProgram({
      'stories/a.md': '---\ntitle: A\nquote: Q\ncustomer: Acme\nperson: "  jane   ROE "\n---\n',
      'stories/b.md': '---\ntitle: B\nquote: Q\ncustomer: Acme\nperson: John Doe\n---\n',
    });
    const problems = await checkStoryIdentities(content, digests);
    expect(problems.map((p) => p.file)).toEqual(['content/stories/a.md']);
  });
});
