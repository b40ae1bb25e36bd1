/**
 * "Explore this chart": turns one figure's static SVG into an interactive vega-embed view when
 * the reader asks for it. Pages draw every chart at build time, so nothing here runs, and no
 * chart library is fetched, until a reader presses a figure's button; then vega-embed is loaded
 * once (a dynamic import: its own chunk) and draws that figure only.
 *
 * The figure's markup (src/site/components/Chart.astro): `figure[data-chart]` holding a
 * `.chart-explore` toggle button, a `.chart-view` with the static `.chart-static`, a
 * `.chart-status` live region and the spec as `script.chart-spec` JSON.
 */

/** A Vega-Lite spec as JSON: only the parts read here are typed. */
export interface SpecJson {
  mark?: string | { type: string };
  encoding?: Record<string, { type?: string; [key: string]: unknown } | null | undefined>;
  layer?: SpecJson[];
  params?: unknown[];
  [key: string]: unknown;
}

/** The name of the zoom parameter added to charts that can zoom. */
export const ZOOM_PARAM = 'explore_zoom';

const isQuantitative = (channel: { type?: string } | null | undefined) => channel?.type === 'quantitative';

/**
 * The spec with zoom and pan (an interval bound to the scales; double-click resets) when it is
 * a plot of two quantitative axes — a single view, or a layer whose first such layer takes the
 * parameter, the scales being shared. Other charts (bars, facets, ordinal axes) come back as they
 * are: zooming a bar or a small multiple shows nothing more. Never changes its argument.
 */
export function withZoom(spec: SpecJson): { spec: SpecJson; zoom: boolean } {
  const plotsTwoQuantities = (encoding: SpecJson['encoding']) => isQuantitative(encoding?.['x']) && isQuantitative(encoding?.['y']);
  const zoomParam = { name: ZOOM_PARAM, select: 'interval', bind: 'scales' };
  if (spec.mark !== undefined && spec.layer === undefined) {
    if (!plotsTwoQuantities(spec.encoding)) return { spec, zoom: false };
    return { spec: { ...spec, params: [...(spec.params ?? []), zoomParam] }, zoom: true };
  }
  if (!Array.isArray(spec.layer)) return { spec, zoom: false };
  const layers = spec.layer;
  // A layer's encoding adds to the shared one; a channel set to null removes it.
  const target = layers.findIndex((layer) => layer.mark !== undefined && plotsTwoQuantities({ ...spec.encoding, ...layer.encoding }));
  if (target < 0) return { spec, zoom: false };
  const layer = layers.map((l, i) => (i === target ? { ...l, params: [...(l.params ?? []), zoomParam] } : l));
  return { spec: { ...spec, layer }, zoom: true };
}

/** What the status line under a chart says. */
export const STATUS = {
  loading: 'Loading the interactive chart…',
  ready: 'Interactive chart: point at or tap a mark to see its values.',
  readyZoom: 'Interactive chart: point at or tap a mark to see its values; scroll or pinch to zoom, drag to move, double-click to reset.',
  failed: 'The interactive chart could not be loaded; the chart above is the same data.',
  static: '',
} as const;

/** Live views already drawn, so pressing the button again only swaps back. */
const drawn = new WeakMap<HTMLElement, HTMLElement>();

/** Shows the static chart or the interactive one, as the button's new state says. */
async function toggle(button: HTMLButtonElement): Promise<void> {
  const figure = button.closest<HTMLElement>('figure[data-chart]');
  const view = figure?.querySelector<HTMLElement>('.chart-view');
  const still = view?.querySelector<HTMLElement>('.chart-static');
  const status = figure?.querySelector<HTMLElement>('.chart-status');
  if (!figure || !view || !still || !status) return;

  if (button.getAttribute('aria-pressed') === 'true') {
    button.setAttribute('aria-pressed', 'false');
    drawn.get(figure)?.setAttribute('hidden', '');
    still.hidden = false;
    status.textContent = STATUS.static;
    return;
  }
  if (button.getAttribute('aria-busy') === 'true') return;
  const ready = drawn.get(figure);
  if (ready) {
    button.setAttribute('aria-pressed', 'true');
    ready.hidden = false;
    still.hidden = true;
    status.textContent = ready.dataset['zoom'] === 'true' ? STATUS.readyZoom : STATUS.ready;
    return;
  }

  button.setAttribute('aria-busy', 'true');
  status.textContent = STATUS.loading;
  try {
    const json = figure.querySelector('script.chart-spec')?.textContent;
    if (!json) throw new Error(`chart ${figure.dataset['chart']} has no spec`);
    const { spec, zoom } = withZoom(JSON.parse(json) as SpecJson);
    const { default: embed } = await import('vega-embed');
    const live = document.createElement('div');
    live.className = 'chart-live';
    live.dataset['zoom'] = String(zoom);
    live.hidden = true;
    view.append(live);
    // vega-embed's types want its own spec type; the JSON came from a checked Vega-Lite spec.
    await embed(live, spec as Parameters<typeof embed>[1], {
      renderer: 'svg',
      actions: { export: true, source: false, compiled: false, editor: false },
      i18n: { CLICK_TO_VIEW_ACTIONS: 'Save this chart as an image', PNG_ACTION: 'Save as PNG', SVG_ACTION: 'Save as SVG' },
    });
    // The figure's text alternative and data table describe the chart; its menu is named.
    live.querySelector('svg')?.setAttribute('aria-hidden', 'true');
    live.querySelector('summary')?.setAttribute('aria-label', 'Save this chart as an image');
    drawn.set(figure, live);
    live.hidden = false;
    still.hidden = true;
    button.setAttribute('aria-pressed', 'true');
    status.textContent = zoom ? STATUS.readyZoom : STATUS.ready;
  } catch (error) {
    view.querySelector('.chart-live')?.remove();
    status.textContent = STATUS.failed;
    console.warn('Explore this chart:', error);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

/** Listens for presses on any figure's "Explore this chart" button (one listener per page). */
export function listenForExplore(root: Document = document): void {
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button.chart-explore');
    if (button) void toggle(button);
  });
}
