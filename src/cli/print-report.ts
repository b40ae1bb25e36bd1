/** The ingest report as the CX team reads it in the terminal. */
import { formatRowIssue, formatStructural, type IngestReport, type StructuralIssue } from '../pipeline/ingest/report.ts';
import type { SiteModel } from '../pipeline/model/types.ts';

const num = (n: number) => n.toLocaleString('en-US');
const SHOWN_ISSUES = 20;

export function formatIngestReport(report: IngestReport, rejectedFile?: string): string {
  const lines: string[] = [];
  const width = Math.max(20, ...report.files.map((f) => f.file.length));
  const row = (a: string, b: string, c: string, d: string, e: string) => `  ${a.padEnd(width)}  ${b.padStart(9)}  ${c.padStart(9)}  ${d.padStart(9)}  ${e.padStart(9)}`;
  lines.push('Rows read per file (used + rejected + skipped = rows):');
  lines.push(row('file', 'rows', 'used', 'rejected', 'skipped'));
  for (const f of report.files) lines.push(row(f.file, num(f.rows), num(f.used), num(f.rejected), num(f.skipped)));
  const t = report.totals;
  lines.push(row('total', num(t.rows), num(t.used), num(t.rejected), num(t.skipped)));

  const rejected = report.files.flatMap((f) => f.issues);
  if (t.rejected > 0) {
    lines.push('', `Rejected rows (${num(t.rejected)}), by reason:`);
    for (const f of report.files) {
      for (const r of f.reasons) lines.push(`  ${f.file}: ${num(r.count)} × ${r.code}`);
    }
    lines.push('', `First ${Math.min(SHOWN_ISSUES, rejected.length)} problems:`);
    for (const i of rejected.slice(0, SHOWN_ISSUES)) lines.push(`  - ${formatRowIssue(i)}`);
    if (rejectedFile) lines.push(`  Every rejected row is listed in ${rejectedFile}`);
  }
  if (report.notices.length > 0) {
    lines.push('', 'Notes:');
    for (const n of report.notices) lines.push(`  - ${n.file}: ${n.message}`);
  }
  return lines.join('\n');
}

export function formatStructuralFailure(issues: StructuralIssue[]): string {
  const lines = [`The build stopped: ${issues.length} problem${issues.length === 1 ? '' : 's'} to fix first.`];
  for (const i of issues) lines.push(`  - ${formatStructural(i)}`);
  return lines.join('\n');
}

/** Per wave, the figures withheld for size and for protection, per kind of page (kinds with none left out). */
export function formatWithheld(model: SiteModel): string {
  const lines = [
    `Withheld figures (fewer than ${model.program.minGroupSize} people: "small"; hidden or on named answers only so that nothing small can be worked out: "protection"):`,
  ];
  for (const w of model.waves) {
    const parts = w.withheld.filter((x) => x.small + x.protection > 0).map((x) => `${x.kind} ${x.small} small, ${x.protection} protection`);
    lines.push(`  ${w.id.padEnd(12)} ${parts.length === 0 ? 'none' : parts.join('; ')}`);
  }
  return lines.join('\n');
}

export function formatWaves(model: SiteModel): string {
  const lines = ['Waves:'];
  for (const w of model.waves) {
    const f = w.figures;
    const nps = f === null ? 'no responses' : `NPS ${f.nps >= 0 ? '+' : ''}${f.nps.toFixed(1)} [${f.ci95[0].toFixed(1)}, ${f.ci95[1].toFixed(1)}]`;
    const change = w.change ? `  ${w.change.words}` : '';
    lines.push(`  ${w.id.padEnd(12)} ${num(f?.n ?? 0).padStart(9)} responses  ${nps}${change}${w.asOf ? `  (as of ${w.asOf})` : ''}`);
  }
  return lines.join('\n');
}
