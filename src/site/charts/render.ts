/**
 * Renders a Vega-Lite spec to SVG at build time, so every chart reads without JavaScript.
 *
 * A chart is a function of its spec and of the code that renders it; so each SVG is kept in the
 * analysis folder under the spec's hash, in a folder named by the rendering code's and the
 * packages' hash (the CLI's chartRendererKey), and the vega versions. A rebuild after a content-only edit reuses every chart; new data makes a new
 * analysis folder, and the old charts go with the old folder.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile, version as vegaLiteVersion, type TopLevelSpec } from 'vega-lite';
import { parse, version as vegaVersion, View } from 'vega';
import { chartCacheDir } from '../lib/model.ts';
import { useTextWidth } from './text-width.ts';

// Text measured as Inter draws it, not Vega's wide guess (see text-width.ts).
useTextWidth();

async function render(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // The SVG is decorative next to its text alternative and data table: hide it from screen readers.
    return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  } finally {
    view.finalize();
  }
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const dir = chartCacheDir();
  const key = createHash('sha256')
    .update(`vega ${vegaVersion} vega-lite ${vegaLiteVersion}\0${JSON.stringify(spec)}`)
    .digest('hex')
    .slice(0, 32);
  const file = join(dir, `${key}.svg`);
  const cached = await readFile(file, 'utf8').catch(() => null);
  if (cached !== null) return cached;
  const svg = await render(spec);
  await mkdir(dir, { recursive: true });
  // Written whole or not at all, so a build stopped half-way never leaves a cut SVG behind.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, svg);
  await rename(tmp, file);
  return svg;
}
