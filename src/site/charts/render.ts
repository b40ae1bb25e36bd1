/** Renders a Vega-Lite spec to SVG at build time, so every chart reads without JavaScript. */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // The SVG is decorative next to its text alternative and data table: hide it from screen readers.
    return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  } finally {
    view.finalize();
  }
}
