import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/pipeline/content/check-content.ts';
import { tempProgram } from '../helpers/temp-program.ts';

describe('checkContent', () => {
  it('accepts files with good or no frontmatter, and a missing folder', async () => {
    const dir = tempProgram({ 'stories/a.md': '---\ntitle: A story\n---\nBody', 'b.mdx': '# No frontmatter', 'README.md': '---\nbroken: [' });
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
