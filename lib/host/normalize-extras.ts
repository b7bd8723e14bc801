/** Panel projections and timeline → the model's `Projections` and `TimelinePoint[]`. */
import type { Projections, TimelinePoint } from '../model';
import { reaisToMoney } from './normalize-usage';
import { clip, MAX_ITEMS, parseWith, type Result } from './result';
import { PanelProjectionsSchema, PanelTimelineSchema } from './schemas';

/** Panel `GET /api/billing/projections` (float reais, HOST_CURRENCY). */
export function normalizeProjections(json: unknown): Result<Projections> {
  return parseWith('projections', PanelProjectionsSchema, json, (body) => ({
    spent: reaisToMoney(body.current_month.spent),
    projectedTotal: reaisToMoney(body.current_month.projected_total),
    daysRemaining: body.current_month.days_remaining,
    nextMonth: body.next_month ? reaisToMoney(body.next_month.projected_total) : null,
    budget: body.budget
      ? {
          monthlyLimit: reaisToMoney(body.budget.monthly_limit),
          usagePct: body.budget.current_usage_pct,
          alertThreshold: body.budget.alert_threshold,
        }
      : null,
  }));
}

/** Panel `GET /api/billing/timeline` (one point per day, cost in float reais). */
export function normalizeTimeline(json: unknown): Result<TimelinePoint[]> {
  return parseWith('timeline', PanelTimelineSchema, json, (body) =>
    body.timeline.slice(0, MAX_ITEMS).map(
      (point): TimelinePoint => ({
        date: clip(point.date),
        apiCalls: point.api_calls,
        tokens: point.tokens,
        cost: reaisToMoney(point.cost),
      }),
    ),
  );
}
