/** The design tokens: one palette for pages and charts, and text colours that keep WCAG AA contrast. */
import { describe, expect, it } from 'vitest';
import { COLORS, tokensCss } from '../../src/shared/design/tokens.ts';
import { config as chartConfig, categoryScale } from '../../src/site/charts/theme.ts';

/** WCAG 2.x relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('design tokens', () => {
  it('computes contrast as WCAG does (black on white 21:1, #767676 on white 4.54:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps every text colour at 4.5:1 or more on the page and on cards, and on its tone background', () => {
    for (const text of ['ink', 'muted', 'accent', 'detractor', 'promoter', 'good', 'bad'] as const) {
      for (const bg of ['bg', 'surface'] as const) expect(contrast(COLORS[text], COLORS[bg]), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(COLORS.good, COLORS.goodBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(COLORS.bad, COLORS.badBg)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps shapes (passive bars, interval bands are decoration) at 3:1 for the category colours', () => {
    for (const shape of ['detractor', 'passive', 'promoter'] as const) expect(contrast(COLORS[shape], COLORS.bg), shape).toBeGreaterThanOrEqual(3);
  });

  it('writes every colour as a custom property the pages use', () => {
    const css = tokensCss();
    expect(css).toContain(`--detractor:${COLORS.detractor}`);
    expect(css).toContain(`--good-bg:${COLORS.goodBg}`);
    expect(css).toMatch(/--step-m1:0\.875rem/);
    expect(css).toMatch(/--font-sans:'Inter Variable'/);
  });

  it('gives charts the same palette and fonts as pages', () => {
    expect(categoryScale.range).toEqual([COLORS.detractor, COLORS.passive, COLORS.promoter]);
    expect(chartConfig.font).toContain('Inter Variable');
  });
});
