/**
 * Follow-up performance in brief, per wave and alert rule: how many alerts the responses
 * raised, how many were followed up, closed, closed within the rule's time frame, and how
 * many are overdue on the wave's "as of" date (never the clock). Confidential respondents
 * raise no named alert; they are counted apart.
 */
import type { Collector } from './collector.ts';
import { dayNumber } from './collector.ts';
import type { IngestResult } from '../ingest/ingest-program.ts';
import type { FollowupSummary } from '../model/types.ts';

interface Log {
  status: 'open' | 'contacted' | 'closed';
  closedDay: number;
}

const RANK = { open: 0, contacted: 1, closed: 2 } as const;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function followupSummary(ingest: IngestResult, c: Collector, waveIndex: number, asOf: string | null): FollowupSummary {
  // The furthest a response's log got, and when it was first closed.
  const logs = new Map<number, Log>();
  for (const f of ingest.followups) {
    const i = c.responses.ids.get(f.responseId);
    if (i === undefined || c.responses.wave[i] !== waveIndex) continue;
    const prev = logs.get(i);
    const closedDay = f.status === 'closed' && f.closedAt ? dayNumber(f.closedAt) : Infinity;
    if (!prev) logs.set(i, { status: f.status, closedDay });
    else logs.set(i, { status: RANK[f.status] > RANK[prev.status] ? f.status : prev.status, closedDay: Math.min(prev.closedDay, closedDay) });
  }
  const today = asOf ? dayNumber(asOf) : -1;
  const rules = Object.entries(ingest.settings.alerts);
  const byRule = rules.map(([id, rule]) => ({ rule: id, label: rule.label, dueDays: rule.due_days, alerts: 0, followedUp: 0, closed: 0, closedInTime: 0, overdue: 0, days: [] as number[] }));
  let confidential = 0;
  const f = c.responses;
  for (let i = 0; i < f.wave.length; i++) {
    if (f.wave[i] !== waveIndex) continue;
    if (f.confidential[i]) {
      confidential++;
      continue;
    }
    const score = f.score[i]!;
    rules.forEach(([, rule], r) => {
      const applies = rule.scores ? score >= rule.scores[0] && score <= rule.scores[1] : !f.comment[i];
      if (!applies) return;
      const t = byRule[r]!;
      t.alerts++;
      const log = logs.get(i);
      if (log && log.status !== 'open') t.followedUp++;
      const start = f.day[i]!;
      if (log?.status === 'closed') {
        t.closed++;
        if (start >= 0 && Number.isFinite(log.closedDay)) {
          const days = log.closedDay - start;
          t.days.push(days);
          if (days <= rule.due_days) t.closedInTime++;
        }
      } else if (start >= 0 && today >= 0 && today - start > rule.due_days) t.overdue++;
    });
  }
  const rows = byRule.map(({ days, ...t }) => ({ ...t, medianDaysToClose: median(days) }));
  const total = rows.reduce((a, r) => ({ alerts: a.alerts + r.alerts, followedUp: a.followedUp + r.followedUp, closed: a.closed + r.closed, closedInTime: a.closedInTime + r.closedInTime, overdue: a.overdue + r.overdue }), { alerts: 0, followedUp: 0, closed: 0, closedInTime: 0, overdue: 0 });
  return { hasLog: ingest.followups.length > 0, confidentialNotAlerted: confidential, total, byRule: rows };
}
