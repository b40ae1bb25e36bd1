/** Number and date formatting for pages, fixed to one locale so builds are byte-identical. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatCount = (n: number) => integer.format(n);

/** NPS as a whole number with its sign: "+18", "−4", "0". */
export function formatNps(nps: number | null): string {
  if (nps === null) return '–';
  const r = Math.round(nps);
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-31" -> "31 March 2026" */
export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

const currencies = new Map<string, Intl.NumberFormat>();

/** Money in the program's currency, compact for large sums: "$4.3M". */
export function formatMoney(value: number, currency: string): string {
  let f = currencies.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    currencies.set(currency, f);
  }
  return f.format(value);
}

/** A metric's value with its unit: a currency code formats as money, other units follow the number. */
export function formatValue(value: number, unit: string | null | undefined): string {
  if (unit && /^[A-Z]{3}$/.test(unit)) return formatMoney(value, unit);
  const n = Math.abs(value) >= 100 ? integer.format(value) : new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value);
  return !unit || unit === 'count' || unit === 'points' ? n : `${n} ${unit}`;
}
