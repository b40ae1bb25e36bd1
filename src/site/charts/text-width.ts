/**
 * How wide a chart's text is drawn, for Vega to lay charts out at build time. In a browser Vega
 * measures text on a canvas; in Node it has none and guesses 0.8 em a character, half again as
 * wide as Inter (the charts' font) draws most text: axes took room they never used, and a
 * slide's panel heading was cut ("Median ticket resolution (ho…") though it fitted. This
 * estimate reads each character's class of width in Inter instead.
 */
import * as vega from 'vega';

/** Advance widths in em, by kind of character, close to Inter's at its regular weight. */
function emWidth(c: string): number {
  // Joiners, variation selectors and skin tones draw nothing of their own; CJK, Hangul and emoji are a full em.
  const code = c.codePointAt(0)!;
  if (code === 0x200d || code === 0xfe0f || (code >= 0x1f3fb && code <= 0x1f3ff)) return 0;
  if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(c)) return 1;
  if (" .,:;'!|iIjl".includes(c)) return 0.27;
  if ('ftr()[]-/'.includes(c)) return 0.36;
  if ('mwMW%…'.includes(c)) return 0.86;
  if (/[0-9]/.test(c)) return 0.62;
  if (/[A-Z]/.test(c)) return 0.68;
  if (/[a-z]/.test(c)) return 0.56;
  return 0.62;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
}

/** The width of `text` as Vega's `item` draws it, in SVG units (never past the item's limit: Vega cuts the text there). */
export function textWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? '' : String(text).trim();
  const bold = Number(item.fontWeight) >= 600 || item.fontWeight === 'bold';
  let em = 0;
  for (const c of line) em += emWidth(c);
  const width = em * size * (bold ? 1.06 : 1);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/**
 * `text` broken between words into lines no wider than `width` SVG units in `font`, at most
 * `maxLines` (the last keeps the rest; Vega cuts it at the label's limit). A word longer than a
 * line stays whole on its own line.
 */
export function wrapText(text: string, width: number, font: { fontSize: number; fontWeight?: number }, maxLines = 2): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const line = lines.at(-1);
    if (line !== undefined && (lines.length === maxLines || textWidth(font, `${line} ${word}`) <= width)) lines[lines.length - 1] = `${line} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Makes Vega use `textWidth` (Vega's documented hook for a measure of one's own). */
export function useTextWidth(): void {
  (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width = textWidth;
}
