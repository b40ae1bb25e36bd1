/**
 * Wave names in content text as readers know them. Authors write wave ids in plans ("by the
 * 2026-Q4 wave"); pages and letters name waves by their labels ("Q4 2026"), never their ids.
 */

/**
 * Wave ids written in content ("by the 2026-Q4 wave") in the words customers know, their labels.
 * Ids of the program's waves become their labels; when every wave is named "Qn YYYY" for the id
 * "YYYY-Qn", an id of that shape for a wave not yet in the data (a target's "2027-Q1") is worded
 * the same way.
 */
export function waveIdsAsLabels(text: string, waves: readonly { id: string; label: string }[]): string {
  let out = text;
  for (const w of waves) if (w.id !== w.label) out = out.replace(new RegExp(`(?<![\\w-])${w.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), w.label);
  const quarterly = waves.length > 0 && waves.every((w) => /^(\d{4})-Q([1-4])$/.test(w.id) && w.label === w.id.replace(/^(\d{4})-Q([1-4])$/, 'Q$2 $1'));
  return quarterly ? out.replace(/(?<![\w-])(\d{4})-Q([1-4])(?![\w-])/g, 'Q$2 $1') : out;
}
