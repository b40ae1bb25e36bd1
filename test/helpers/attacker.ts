/**
 * An attacker who solves the linear system of published sums: a cell (a sum of inner cells) is
 * derivable exactly when its column lies in the span of the published columns, i.e. adding it
 * does not raise their rank. Independent of the suppression code: dense elimination with
 * partial pivoting.
 */
function rank(columns: number[][]): number {
  const m = columns.map((c) => [...c]);
  let r = 0;
  const rows = m[0]?.length ?? 0;
  for (let row = 0; row < rows && r < m.length; row++) {
    let best = r;
    for (let i = r; i < m.length; i++) if (Math.abs(m[i]![row]!) > Math.abs(m[best]![row]!)) best = i;
    if (Math.abs(m[best]![row]!) < 1e-9) continue;
    [m[r], m[best]] = [m[best]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![row]! / m[r]![row]!;
      if (f !== 0) for (let k = 0; k < rows; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

const dense = (inner: readonly number[], size: number) => {
  const v = new Array<number>(size).fill(0);
  for (const i of inner) v[i]! += 1;
  return v;
};

/** Whether `target` (a sum of inner cells) can be computed from the published cells. */
export function derivable(published: readonly (readonly number[])[], target: readonly number[], innerCount: number): boolean {
  const cols = published.map((c) => dense(c, innerCount));
  return rank([...cols, dense(target, innerCount)]) === rank(cols);
}
