import { fromTimestamp, v1 } from '@samenhang/proto';
import { RVT_OBLIGATIONS } from './labels.js';

/** What makes a family urgent for its RVT: a duty overdue, then an ACUTE signal, then the newest. */
function urgency(a: v1.HouseholdAlert, now: number): [number, number, number] {
  const entries = a.entries as v1.AlertEntry[];
  const overdue = entries.some((e) =>
    e.obligations.some((o) => {
      const [type, , due] = o.split(' ');
      return RVT_OBLIGATIONS.has(type ?? '') && Date.parse(due ?? '') < now;
    }),
  );
  // A notice carries severity only for what is disclosed; its ACUTE review duty says it too.
  const acute = entries.some(
    (e) => e.severity === v1.Severity.SEVERITY_ACUTE || e.obligations.some((o) => o.startsWith('HUMAN_REVIEW_24H')),
  );
  return [overdue ? 1 : 0, acute ? 1 : 0, fromTimestamp(a.createdAt) ?? 0];
}

/** The RVT's families in the order to work on them: overdue first, then ACUTE, then newest. */
export function byUrgency(alerts: readonly v1.HouseholdAlert[], now = Date.now()): v1.HouseholdAlert[] {
  const keyed = alerts.map((a) => ({ a, k: urgency(a, now) }));
  return keyed.sort((x, y) => y.k[0] - x.k[0] || y.k[1] - x.k[1] || y.k[2] - x.k[2]).map((x) => x.a);
}
