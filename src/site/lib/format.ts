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
