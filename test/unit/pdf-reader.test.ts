/** The print tests' PDF reader (test/helpers/pdf.ts) on a small PDF written by hand. */
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { blankPages, nearBlankPages, readPdfPages, readPdfStructure } from '../helpers/pdf.ts';

/** A PDF file from its objects' bodies (object n is bodies[n - 1]); a body may carry a stream. */
function pdfFile(bodies: (string | { dict: string; stream: Buffer })[], trailer: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  bodies.forEach((body, i) => {
    if (typeof body === 'string') parts.push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
    else parts.push(Buffer.from(`${i + 1} 0 obj\n<< ${body.dict} /Length ${body.stream.length} >>\nstream\n`), body.stream, Buffer.from('\nendstream\nendobj\n'));
  });
  parts.push(Buffer.from(`trailer\n${trailer}\n%%EOF\n`));
  return Buffer.concat(parts);
}

// Page 1: a line of 12 pt text at 700 pt from the bottom, a white page-sized rectangle (a chart's
// background: no ink) and a black 50 pt bar at 100 pt; compressed, as Chromium writes it.
const page1 = deflateSync(Buffer.from('BT /F1 12 Tf 72 700 Td (Hello \\(world\\)) Tj ET\n1 1 1 rg 0 0 612 792 re f\n0 0 0 rg 72 100 200 50 re f\n'));
// Page 3: one line of text, under a transformation matrix that moves it 100 pt up.
const page3 = Buffer.from('q 1 0 0 1 0 100 cm BT /F1 12 Tf 72 600 Td [(One)-250(line)] TJ ET Q\n');
const pdf = pdfFile(
  [
    '<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 7 0 R /Outlines 12 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R 11 0 R] /Count 3 /MediaBox [0 0 612 792] >>',
    '<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>',
    '<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>',
    { dict: '/Filter /FlateDecode', stream: page1 },
    { dict: '', stream: Buffer.from('q 0.5 0 0 0.5 0 0 cm Q\n') },
    '<< /Type /StructTreeRoot /K 8 0 R >>',
    '<< /Type /StructElem /S /Document /K [9 0 R 10 0 R] >>',
    '<< /Type /StructElem /S /H1 /P 8 0 R /Pg 3 0 R /K 0 >>',
    '<< /Type /StructElem /S /P /P 8 0 R /Pg 3 0 R /K [1 << /Type /MCR /Pg 11 0 R /MCID 0 >>] >>',
    '<< /Type /Page /Parent 2 0 R /Contents 14 0 R >>',
    '<< /First 13 0 R >>',
    '<< /Title <FEFF00480065006C006C006F> /SE 9 0 R >>',
    { dict: '', stream: page3 },
  ],
  '<< /Root 1 0 R /Size 15 >>',
);

describe('readPdfPages', () => {
  const pages = readPdfPages(pdf);

  it('reads the pages in order, counting what each draws', () => {
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.map((p) => [p.text, p.paths, p.images])).toEqual([
      [1, 2, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
    expect(pages[0]!.height).toBe(792);
  });

  it('measures the ink: text from baseline to capital height, painted shapes, never white paint', () => {
    // text 700..709 (12 pt × 0.75) and the bar 100..150; the white background is not ink
    expect(pages[0]!.content).toEqual({ top: 792 - 709, bottom: 792 - 100 });
    expect(pages[0]!.inked).toBeCloseTo((9 + 50) / 792, 6);
    // the matrix moves page 3's line from 600 to 700
    expect(pages[2]!.content).toEqual({ top: 792 - 709, bottom: 792 - 700 });
  });

  it('finds blank and near-blank pages', () => {
    expect(blankPages(pages)).toEqual([2]);
    // one line inks 1.1% of the page; the first page 7.4%
    expect(nearBlankPages(pages)).toEqual([3]);
    expect(nearBlankPages(pages, 0.08)).toEqual([1, 3]);
  });
});

describe('readPdfStructure', () => {
  it('gives each element the pages its content is on, and headings their outline titles', () => {
    const elements = readPdfStructure(pdf);
    expect(elements.map((e) => [e.type, e.depth, e.pages, e.title, e.parent])).toEqual([
      ['Document', 0, [1, 3], null, -1],
      ['H1', 1, [1], 'Hello', 0],
      ['P', 1, [1, 3], null, 0],
    ]);
  });

  it('says so when the PDF was printed without tags', () => {
    const untagged = pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'], '<< /Root 1 0 R >>');
    expect(() => readPdfStructure(untagged)).toThrow(/tagged/);
    expect(readPdfPages(untagged)).toEqual([]);
  });
});
