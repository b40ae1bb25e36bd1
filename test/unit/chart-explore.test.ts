/** Which charts "Explore this chart" lets a reader zoom, and that the spec it draws still compiles. */
import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { withZoom, ZOOM_PARAM, type SpecJson } from '../../src/site/lib/chart-explore.ts';

const values = [
  { x: 0.61, y: 0.2, label: 'Billing', category: 'a' },
  { x: 0.72, y: 0.5, label: 'Reporting', category: 'b' },
];
const scatter: SpecJson = {
  data: { values },
  mark: { type: 'point' },
  encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
};
const layered: SpecJson = {
  data: { values },
  encoding: { x: { field: 'x', type: 'quantitative' } },
  layer: [
    { mark: { type: 'rule' }, encoding: { y: { field: 'label', type: 'nominal' } } },
    { mark: { type: 'point' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    { mark: { type: 'text' }, encoding: { y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } } },
  ],
};
const bars: SpecJson = {
  data: { values },
  mark: 'bar',
  encoding: { x: { field: 'category', type: 'nominal' }, y: { field: 'y', type: 'quantitative' } },
};
const facet: SpecJson = {
  data: { values },
  facet: { row: { field: 'category', type: 'nominal' } },
  spec: { mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
};

/** The Vega signals the compiled spec declares, at any depth. */
function signalNames(spec: SpecJson): string[] {
  const vega = compile(spec as TopLevelSpec).spec as { signals?: { name: string }[]; marks?: { signals?: { name: string }[] }[] };
  return [...(vega.signals ?? []), ...(vega.marks ?? []).flatMap((m) => m.signals ?? [])].map((s) => s.name);
}

describe('withZoom', () => {
  it('lets a plot of two quantities zoom and pan, and the spec still compiles', () => {
    const { spec, zoom } = withZoom(scatter);
    expect(zoom).toBe(true);
    expect(spec.params).toEqual([{ name: ZOOM_PARAM, select: 'interval', bind: 'scales' }]);
    expect(signalNames(spec).some((s) => s.startsWith(ZOOM_PARAM))).toBe(true);
  });

  it('puts the zoom on the first layer that plots two quantities, the shared encoding counted', () => {
    const { spec, zoom } = withZoom(layered);
    expect(zoom).toBe(true);
    const layers = spec.layer!;
    expect(layers.map((l) => (l.params ?? []).length)).toEqual([0, 1, 0]);
    expect(signalNames(spec).some((s) => s.startsWith(ZOOM_PARAM))).toBe(true);
  });

  it('leaves bars, small multiples and charts with a category axis as they are', () => {
    for (const chart of [bars, facet, { ...layered, layer: [layered.layer![0]!] }]) {
      const { spec, zoom } = withZoom(chart);
      expect(zoom).toBe(false);
      expect(spec).toBe(chart);
    }
  });

  it('never changes the spec it is given', () => {
    const before = JSON.stringify(layered);
    withZoom(layered);
    withZoom(scatter);
    expect(JSON.stringify(layered)).toBe(before);
    expect(scatter.params).toBeUndefined();
  });
});
