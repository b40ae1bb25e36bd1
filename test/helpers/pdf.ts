/**
 * Reads what print tests need from a PDF that Chromium's `page.pdf()` wrote: its pages in order,
 * what each draws and how much of its height it inks (blank and near-blank pages), and, when
 * printed with `tagged: true`, its structure tree with the pages each heading, figure and table
 * lands on. No PDF library: Skia writes plain objects (no object streams, no encryption) with
 * FlateDecode content streams, which a small object parser and node:zlib read.
 */
import { inflateSync } from 'node:zlib';

/** What one printed page draws, from its content streams (and the forms they draw). */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  /** Text-showing operators: Tj, TJ, ' and ". */
  text: number;
  /** Path-painting operators: f, F, f*, S, s, B, B*, b, b* (n, which paints nothing, is not counted). */
  paths: number;
  /** Images, forms and shadings drawn: Do, sh, BI. */
  images: number;
  /** text + paths + images. */
  drawing: number;
  /** The page's height in points (1/72 in). */
  height: number;
  /**
   * Where the drawn content starts and ends, in points from the top of the page; null on a page
   * that draws nothing. From text (baseline to capital height), painted paths (white paint
   * excepted: a chart's background is not content) and images, through the transformation
   * matrices, clipped to the page.
   */
  content: { top: number; bottom: number } | null;
  /** The share of the page's height that carries any drawing (the union of their extents): 0 when blank. */
  inked: number;
}

/**
 * A page that inks less than this share of its height (the union of the vertical extents of
 * what it draws) is near-blank. Measured on Chromium's PDFs of the demo: a line of 10.5 pt text
 * inks its capital height, about 1% of an A4 page; the near-blank page the briefing used to print
 * (a chart's title and caption, the chart pushed to the next page) inks 2.1%; a letter's last
 * page holding its closing paragraph, signature and footer (seven short lines) 4.1–8%; a page of
 * running text 25–60%. Under 3% is a page with two or three lines on it: one a reader would call
 * wasted. Extent rather than a count of operators: the count for one line depends on the font
 * (Inter's kerning gives a text operator every few glyphs), its extent does not.
 */
export const NEAR_BLANK_SHARE = 0.03;

type PdfValue = number | string | boolean | null | PdfName | PdfRef | PdfValue[] | PdfDict;
interface PdfName {
  name: string;
}
interface PdfRef {
  ref: number;
}
type PdfDict = Map<string, PdfValue>;
interface PdfObject {
  dict: PdfValue;
  stream: Buffer | null;
}

const isRef = (v: PdfValue | undefined): v is PdfRef => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && 'ref' in v;
const isName = (v: PdfValue | undefined): v is PdfName => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && 'name' in v;
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** A parser over PDF object syntax (the part of it that dictionaries and content streams use). */
class Lexer {
  private readonly text: string;
  pos: number;

  constructor(text: string, pos = 0) {
    this.text = text;
    this.pos = pos;
  }

  private skipSpace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === 0x25 /* % comment */) {
        while (this.pos < this.text.length && !'\r\n'.includes(this.text[this.pos]!)) this.pos++;
      } else return;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** The next bare word (number, keyword or operator), without consuming it when `peek`. */
  private word(peek = false): string {
    this.skipSpace();
    let end = this.pos;
    while (end < this.text.length && !WHITESPACE.has(this.text.charCodeAt(end)) && !DELIMITERS.has(this.text.charCodeAt(end))) end++;
    const w = this.text.slice(this.pos, end);
    if (!peek) this.pos = end;
    return w;
  }

  /** A literal string at '(', its escapes resolved, as bytes in a latin1 string. */
  private literalString(): string {
    // Strings nest balanced parentheses; a backslash escapes the next character or starts an octal code.
    const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    let depth = 0;
    let out = '';
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos]!;
      if (c === '\\') {
        const next = this.text[++this.pos]!;
        const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.pos, this.pos + 3));
        if (octal) {
          out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
          this.pos += octal[0].length - 1;
        } else if (next === '\r' || next === '\n') {
          if (next === '\r' && this.text[this.pos + 1] === '\n') this.pos++; // a line continuation
        } else out += ESCAPES[next] ?? next;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) break;
      out += c;
    }
    this.pos++;
    return out;
  }

  /** The next value; content-stream operators come back as `{ op }` via `next()`. */
  value(): PdfValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '/') {
      this.pos++;
      return { name: this.word() };
    }
    if (c === '(') return this.literalString();
    if (c === '<' && this.text[this.pos + 1] === '<') {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (this.text.startsWith('>>', this.pos)) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (!isName(key)) throw new Error(`PDF: dictionary key expected at ${this.pos}`);
        dict.set(key.name, this.value());
      }
    }
    if (c === '<') {
      // A hex string, as bytes in a latin1 string (an odd last digit is followed by 0).
      const end = this.text.indexOf('>', this.pos);
      const hex = this.text.slice(this.pos + 1, end).replace(/\s/g, '');
      this.pos = end + 1;
      return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
    }
    if (c === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.text[this.pos] === ']') {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    const w = this.word();
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    const n = Number(w);
    if (w === '' || Number.isNaN(n)) throw new Error(`PDF: unexpected "${w || this.text[this.pos]}" at ${this.pos}`);
    // "12 0 R" is a reference: look ahead for the generation and the R.
    if (Number.isInteger(n)) {
      const save = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen) && this.word() === 'R') return { ref: n };
      this.pos = save;
    }
    return n;
  }

  /** In a content stream: the next operator and its operands; null at the end. */
  nextOperator(): { op: string; operands: PdfValue[] } | null {
    const operands: PdfValue[] = [];
    while (!this.atEnd()) {
      const c = this.text[this.pos]!;
      if (c === '/' || c === '(' || c === '<' || c === '[') {
        operands.push(this.value());
        continue;
      }
      const w = this.word();
      if (w === '') {
        this.pos++; // a stray delimiter such as ')' or '>'
        continue;
      }
      const n = Number(w);
      if (!Number.isNaN(n)) {
        operands.push(n);
        continue;
      }
      if (w === 'BI') this.skipInlineImage();
      return { op: w, operands };
    }
    return null;
  }

  private skipInlineImage(): void {
    const end = this.text.indexOf('EI', this.text.indexOf('ID', this.pos));
    this.pos = end < 0 ? this.text.length : end + 2;
  }
}

/** Every `N G obj … endobj` of the file, streams decoded where they are FlateDecode. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+\d+\s+obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text)) !== null) {
    const lexer = new Lexer(text, match.index + match[0].length);
    const dict = lexer.value();
    let stream: Buffer | null = null;
    const after = /^\s*stream\r?\n/.exec(text.slice(lexer.pos, lexer.pos + 12));
    if (after && dict instanceof Map) {
      const start = lexer.pos + after[0].length;
      const length = dict.get('Length');
      const end = typeof length === 'number' ? start + length : text.indexOf('endstream', start);
      const raw = pdf.subarray(start, end);
      const filter = dict.get('Filter');
      const flate = (isName(filter) && filter.name === 'FlateDecode') || (Array.isArray(filter) && filter.some((f) => isName(f) && f.name === 'FlateDecode'));
      stream = flate ? inflateSync(raw) : raw;
      header.lastIndex = end; // never look for objects inside binary stream data
    } else {
      header.lastIndex = lexer.pos;
    }
    objects.set(Number(match[1]), { dict, stream });
  }
  return objects;
}

const DRAWING = {
  text: new Set(['Tj', 'TJ', "'", '"']),
  paths: new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*']),
  images: new Set(['Do', 'sh', 'BI']),
};

/** A PDF transformation matrix [a b c d e f]: (x, y) ↦ (a·x + c·y + e, b·x + d·y + f). */
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m then n: the matrix that applies m first. */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const asMatrix = (v: PdfValue[]): Matrix | null => (v.length === 6 && v.every((x) => typeof x === 'number') ? (v as Matrix) : null);

/** A parsed PDF: its objects, a resolver for references, the catalog and the pages in order. */
function openPdf(pdf: Uint8Array) {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const objects = readObjects(buffer);
  const text = buffer.toString('latin1');
  const trailer = text.lastIndexOf('trailer');
  const trailerDict = trailer >= 0 ? new Lexer(text, trailer + 'trailer'.length).value() : null;
  const resolve = (v: PdfValue | undefined): PdfValue | undefined => (isRef(v) ? objects.get(v.ref)?.dict : v);
  const dictOf = (v: PdfValue | undefined): PdfDict => {
    const d = resolve(v);
    if (!(d instanceof Map)) throw new Error('PDF: dictionary expected');
    return d;
  };
  const root = dictOf(trailerDict instanceof Map ? trailerDict.get('Root') : undefined);

  // Pages in order, each with its object number and the MediaBox it has or inherits.
  const pages: { ref: number; page: PdfDict; box: number[] }[] = [];
  const walk = (ref: number, node: PdfDict, box: number[]): void => {
    const own = resolve(node.get('MediaBox'));
    const media = Array.isArray(own) && own.every((x) => typeof x === 'number') ? (own as number[]) : box;
    const kids = resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) walk(isRef(kid) ? kid.ref : -1, dictOf(kid), media);
    else pages.push({ ref, page: node, box: media });
  };
  const pagesRef = root.get('Pages');
  walk(isRef(pagesRef) ? pagesRef.ref : -1, dictOf(pagesRef), [0, 0, 612, 792]);
  return { objects, resolve, dictOf, root, pages };
}

/** The pages of a PDF, in reading order: what each draws and how much of its height it inks. */
export function readPdfPages(pdf: Uint8Array): PdfPage[] {
  const { objects, resolve, pages: pageDicts } = openPdf(pdf);
  return pageDicts.map(({ page, box }, i) => {
    const counts = { text: 0, paths: 0, images: 0 };
    const [, y0 = 0, , y1 = 792] = box;
    const pageBottom = Math.min(y0, y1);
    const pageTop = Math.max(y0, y1);
    /** The vertical extent of each thing drawn, clipped to the page (drawing off it is not on paper). */
    const inked: [number, number][] = [];
    const mark = (points: [number, number][]) => {
      if (points.length === 0) return;
      const ys = points.map((p) => p[1]);
      const from = Math.max(pageBottom, Math.min(...ys));
      const to = Math.min(pageTop, Math.max(...ys));
      if (from > to) return;
      // A rule or a hairline is 0 high in its coordinates, not on paper.
      inked.push([from, Math.max(to, from + 1)]);
    };

    /** Interprets one content stream from the graphics state `start`: counts and extent. */
    const draw = (content: Buffer, resources: PdfValue | undefined, start: Matrix, depth: number): void => {
      const lexer = new Lexer(content.toString('latin1'));
      const resourceDict = resolve(resources);
      const xobjects = resourceDict instanceof Map ? resolve(resourceDict.get('XObject')) : undefined;
      let ctm = start;
      const saved: Matrix[] = [];
      let textMatrix = IDENTITY;
      let lineMatrix = IDENTITY;
      let fontSize = 0;
      let leading = 0;
      let path: [number, number][] = [];
      // Paint in the page's own white (a chart's background) is no content.
      let fillWhite = false;
      let strokeWhite = false;
      const savedPaint: [boolean, boolean][] = [];
      const white = (components: number[], cmyk = false) => components.length > 0 && components.every((c) => (cmyk ? c === 0 : c === 1));
      const nums = (operands: PdfValue[]) => operands.filter((x): x is number => typeof x === 'number');
      const moveText = (tx: number, ty: number) => {
        lineMatrix = times([1, 0, 0, 1, tx, ty], lineMatrix);
        textMatrix = lineMatrix;
      };
      for (let next = lexer.nextOperator(); next !== null; next = lexer.nextOperator()) {
        const { op, operands } = next;
        const n = nums(operands);
        switch (op) {
          case 'q':
            saved.push(ctm);
            savedPaint.push([fillWhite, strokeWhite]);
            break;
          case 'Q':
            ctm = saved.pop() ?? start;
            [fillWhite, strokeWhite] = savedPaint.pop() ?? [false, false];
            break;
          case 'g':
          case 'rg':
          case 'sc':
          case 'scn':
            fillWhite = white(n);
            break;
          case 'k':
            fillWhite = white(n, true);
            break;
          case 'G':
          case 'RG':
          case 'SC':
          case 'SCN':
            strokeWhite = white(n);
            break;
          case 'K':
            strokeWhite = white(n, true);
            break;
          case 'cm': {
            const m = asMatrix(operands);
            if (m) ctm = times(m, ctm);
            break;
          }
          case 'BT':
            textMatrix = lineMatrix = IDENTITY;
            break;
          case 'Tf':
            fontSize = n[0] ?? fontSize;
            break;
          case 'TL':
            leading = n[0] ?? leading;
            break;
          case 'Tm': {
            const m = asMatrix(operands);
            if (m) textMatrix = lineMatrix = m;
            break;
          }
          case 'Td':
            moveText(n[0] ?? 0, n[1] ?? 0);
            break;
          case 'TD':
            leading = -(n[1] ?? 0);
            moveText(n[0] ?? 0, n[1] ?? 0);
            break;
          case 'T*':
          case "'":
          case '"':
            moveText(0, -leading);
            break;
          case 'm':
          case 'l':
            path.push(apply(ctm, n[0] ?? 0, n[1] ?? 0));
            break;
          case 'c':
          case 'v':
          case 'y':
            for (let k = 0; k + 1 < n.length; k += 2) path.push(apply(ctm, n[k]!, n[k + 1]!));
            break;
          case 're': {
            const [x = 0, y = 0, w = 0, h = 0] = n;
            path.push(apply(ctm, x, y), apply(ctm, x + w, y + h));
            break;
          }
          case 'n':
            path = [];
            break;
        }
        if (DRAWING.text.has(op)) {
          counts.text++;
          const m = times(textMatrix, ctm);
          mark([apply(m, 0, 0), apply(m, 0, fontSize * 0.75)]); // baseline to about a capital's height
        } else if (DRAWING.paths.has(op)) {
          counts.paths++;
          const fills = op !== 'S' && op !== 's';
          const strokes = !['f', 'F', 'f*'].includes(op);
          if ((fills && !fillWhite) || (strokes && !strokeWhite)) mark(path);
          path = [];
        } else if (DRAWING.images.has(op)) {
          counts.images++;
          const name = operands[0];
          const ref = op === 'Do' && isName(name) && xobjects instanceof Map ? xobjects.get(name.name) : undefined;
          const object = isRef(ref) ? objects.get(ref.ref) : undefined;
          const dict = object?.dict instanceof Map ? object.dict : null;
          const subtype = dict?.get('Subtype');
          if (dict && isName(subtype) && subtype.name === 'Form' && object?.stream && depth < 8) {
            // A form (Skia wraps transparency groups in them) draws in its own matrix.
            const formMatrix = asMatrix((resolve(dict.get('Matrix')) as PdfValue[] | undefined) ?? []) ?? IDENTITY;
            draw(object.stream, dict.get('Resources'), times(formMatrix, ctm), depth + 1);
          } else if (op !== 'sh') {
            // An image fills the unit square of its matrix.
            mark([apply(ctm, 0, 0), apply(ctm, 1, 1)]);
          }
        }
      }
    };

    const contents = resolve(page.get('Contents'));
    const refs = Array.isArray(contents) ? contents : [page.get('Contents')];
    for (const ref of refs) {
      const stream = isRef(ref) ? objects.get(ref.ref)?.stream : null;
      if (stream) draw(stream, page.get('Resources'), IDENTITY, 0);
    }
    const height = pageTop - pageBottom;
    const drawing = counts.text + counts.paths + counts.images;
    // The union of the inked extents: how much of the page's height carries anything.
    inked.sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reach = -Infinity;
    for (const [from, to] of inked) {
      covered += Math.max(0, to - Math.max(from, reach));
      reach = Math.max(reach, to);
    }
    const content = inked.length > 0 ? { top: pageTop - Math.max(...inked.map((x) => x[1])), bottom: pageTop - Math.min(...inked.map((x) => x[0])) } : null;
    return { number: i + 1, ...counts, drawing, height, content, inked: covered / height };
  });
}

/** Pages that draw nothing at all. */
export function blankPages(pages: PdfPage[]): number[] {
  return pages.filter((p) => p.drawing === 0).map((p) => p.number);
}

/** Pages that draw something, but over less than `under` of their height (see NEAR_BLANK_SHARE). */
export function nearBlankPages(pages: PdfPage[], under = NEAR_BLANK_SHARE): number[] {
  return pages.filter((p) => p.drawing > 0 && p.inked < under).map((p) => p.number);
}

/** An element of a tagged PDF's structure (page.pdf({ tagged: true })): a heading, a figure, a table… */
export interface PdfElement {
  /** The structure type: H1…H6, P, Figure, Table, TR, TH, TD, Caption, L, LI, NonStruct… */
  type: string;
  /** Nesting depth under the document. */
  depth: number;
  /** The pages (1-based, ascending) its content, its descendants' included, is drawn on. */
  pages: number[];
  /** The heading's text, where the PDF's outline names it (page.pdf({ outline: true })). */
  title: string | null;
  /** Index of its parent in the list; -1 for the top. */
  parent: number;
}

/**
 * The structure tree of a tagged PDF, depth first (document order), each element with the pages
 * its content lands on: what a print test needs to see a figure split across pages, or a
 * heading left at the foot of a page while what it heads starts on the next.
 */
export function readPdfStructure(pdf: Uint8Array): PdfElement[] {
  const { resolve, dictOf, root, pages } = openPdf(pdf);
  const pageNumber = new Map(pages.map((p, i) => [p.ref, i + 1]));
  const treeRoot = root.get('StructTreeRoot');
  if (treeRoot === undefined) throw new Error('PDF: no structure tree (print with tagged: true)');

  // Headings' text, from the outline's entries that point at structure elements (/SE).
  const titles = new Map<number, string>();
  const outlineTitle = (v: PdfValue | undefined) => (typeof v === 'string' ? decodePdfString(v) : '');
  const visitOutline = (ref: PdfValue | undefined): void => {
    for (let node = ref; isRef(node);) {
      const entry = dictOf(node);
      const se = entry.get('SE');
      if (isRef(se)) titles.set(se.ref, outlineTitle(entry.get('Title')));
      visitOutline(entry.get('First'));
      node = entry.get('Next');
    }
  };
  const outlines = resolve(root.get('Outlines'));
  if (outlines instanceof Map) visitOutline(outlines.get('First'));

  const elements: PdfElement[] = [];
  const visit = (ref: PdfValue, depth: number, parent: number, inheritedPage: number | undefined): Set<number> => {
    const dict = resolve(ref);
    const onPages = new Set<number>();
    if (!(dict instanceof Map)) return onPages;
    const ownPage = isRef(dict.get('Pg')) ? pageNumber.get((dict.get('Pg') as PdfRef).ref) : inheritedPage;
    const isElement = isName(dict.get('S'));
    const index = elements.length;
    if (isElement) {
      elements.push({ type: (dict.get('S') as PdfName).name, depth, pages: [], title: isRef(ref) ? (titles.get(ref.ref) ?? null) : null, parent });
    }
    const kids = resolve(dict.get('K'));
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [dict.get('K')!]) {
      if (typeof kid === 'number') {
        if (ownPage !== undefined) onPages.add(ownPage); // a marked-content id on this element's page
        continue;
      }
      const kidDict = resolve(kid);
      if (kidDict instanceof Map && isName(kidDict.get('Type')) && (kidDict.get('Type') as PdfName).name === 'MCR') {
        const pg = kidDict.get('Pg');
        const page = isRef(pg) ? pageNumber.get(pg.ref) : ownPage;
        if (page !== undefined) onPages.add(page);
        continue;
      }
      if (kidDict instanceof Map && isName(kidDict.get('Type')) && (kidDict.get('Type') as PdfName).name === 'OBJR') continue;
      for (const page of visit(kid, isElement ? depth + 1 : depth, isElement ? index : parent, ownPage)) onPages.add(page);
    }
    if (isElement) elements[index]!.pages = [...onPages].sort((a, b) => a - b);
    return onPages;
  };
  visit(dictOf(treeRoot).get('K')!, 0, -1, undefined);
  return elements;
}

/** A PDF text string (bytes in a latin1 string): UTF-16BE after its byte-order mark, or PDFDocEncoding. */
function decodePdfString(bytes: string): string {
  if (!bytes.startsWith('\xfe\xff')) return bytes;
  const utf16 = Buffer.from(bytes.slice(2), 'latin1');
  utf16.swap16();
  return utf16.toString('utf16le');
}
