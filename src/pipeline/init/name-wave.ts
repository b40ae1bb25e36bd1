/**
 * Names a wave after its export: a period written in the file name ("NPS 2026-Q1.csv",
 * "survey_Q3_2025.csv", "export March 2026.csv"), else the dates of its answers (one month:
 * `2026-03`; otherwise the quarter most answers fall in: `2026-Q1`), else the file name itself.
 */
import { isoDayNumber } from '../schemas/dates.ts';

export interface WaveName {
  id: string;
  label: string;
  /** Where the name came from, for the summary. */
  from: 'file name' | 'dates' | 'file name as written';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_LABELS = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
const pad = (n: number) => String(n).padStart(2, '0');

function fromFileName(name: string): WaveName | null {
  const base = name.replace(/\.[^.]+$/, '');
  let m = /(20\d\d)[\s_.-]*Q([1-4])(?!\d)/i.exec(base) ?? null;
  if (m) return { id: `${m[1]}-Q${m[2]}`, label: `Q${m[2]} ${m[1]}`, from: 'file name' };
  m = /(?<![a-z])Q([1-4])[\s_.-]*(20\d\d)/i.exec(base);
  if (m) return { id: `${m[2]}-Q${m[1]}`, label: `Q${m[1]} ${m[2]}`, from: 'file name' };
  m = /(20\d\d)[\s_.-]*H([12])(?!\d)/i.exec(base) ?? /(?<![a-z])H([12])[\s_.-]*(20\d\d)/i.exec(base);
  if (m) {
    const [y, h] = m[1]!.length === 4 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    return { id: `${y}-H${h}`, label: `H${h} ${y}`, from: 'file name' };
  }
  const lower = base.toLowerCase();
  for (let i = 0; i < 12; i++) {
    const word = `(?:${MONTHS[i]}|${MONTHS[i]!.slice(0, 3)})`;
    const named = new RegExp(`(?<![a-z])${word}(?![a-z])[\\s_.-]*(20\\d\\d)|(20\\d\\d)[\\s_.-]*${word}(?![a-z])`).exec(lower);
    if (named) {
      const y = named[1] ?? named[2]!;
      return { id: `${y}-${pad(i + 1)}`, label: `${MONTH_LABELS[i]} ${y}`, from: 'file name' };
    }
  }
  m = /(?<!\d)(20\d\d)[\s_.-](0[1-9]|1[0-2])(?![\d])(?![\s_.-]\d{2}(?!\d))/.exec(base);
  if (m) return { id: `${m[1]}-${m[2]}`, label: `${MONTH_LABELS[Number(m[2]) - 1]} ${m[1]}`, from: 'file name' };
  return null;
}

function fromDates(dates: readonly string[]): WaveName | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (first.slice(0, 7) === last.slice(0, 7)) {
    const [y, mo] = [first.slice(0, 4), Number(first.slice(5, 7))];
    return { id: `${y}-${pad(mo)}`, label: `${MONTH_LABELS[mo - 1]} ${y}`, from: 'dates' };
  }
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const q = Math.floor((Number(median.slice(5, 7)) - 1) / 3) + 1;
  return { id: `${median.slice(0, 4)}-Q${q}`, label: `Q${q} ${median.slice(0, 4)}`, from: 'dates' };
}

/** A wave id from anything: letters, digits, "-", "_" and "." only, as wave ids must be. */
function fromAnyName(name: string): WaveName {
  const id =
    name
      .replace(/\.[^.]+$/, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+|-+$/g, '')
      .slice(0, 60) || 'wave';
  return { id, label: name.replace(/\.[^.]+$/, ''), from: 'file name as written' };
}

export function nameWave(fileName: string, dates: readonly string[]): WaveName {
  return fromFileName(fileName) ?? fromDates(dates) ?? fromAnyName(fileName);
}

/** Middle date of a wave (for ordering waves), as a day number; Infinity when undated. */
export function middleDay(dates: readonly string[]): number {
  if (dates.length === 0) return Infinity;
  const sorted = [...dates].sort();
  return isoDayNumber(sorted[Math.floor(sorted.length / 2)]!);
}

/** Makes wave ids distinct: a second "2026-Q1" becomes "2026-Q1-2". */
export function distinctIds(names: WaveName[]): WaveName[] {
  const used = new Map<string, number>();
  return names.map((n) => {
    const k = n.id.toLowerCase();
    const seen = used.get(k) ?? 0;
    used.set(k, seen + 1);
    return seen === 0 ? n : { ...n, id: `${n.id}-${seen + 1}`, label: `${n.label} (${seen + 1})` };
  });
}
