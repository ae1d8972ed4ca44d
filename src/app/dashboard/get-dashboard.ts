import { addLocalDays, fromLocalDateTime, toLocalDateTime } from '../../domain/sla/convert-local-time';
import { dashboardQuery } from '../../db/repos/dashboard.query';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { complaintScopeOf } from '../complaints/get-complaint';

export type Dashboard = {
  readonly timeZone: string;
  readonly today: string;
  readonly openByStatus: Readonly<Record<string, number>>;
  readonly openBySeverity: Readonly<Record<string, number>>;
  readonly openTotal: number;
  readonly breachedOpen: number;
  readonly breachesToday: number;
  readonly trend: readonly { readonly day: string; readonly received: number; readonly closed: number }[];
  readonly mine: { readonly open: number; readonly breached: number } | null;
};

const add = (m: Record<string, number>, k: string, n: number) => {
  m[k] = (m[k] ?? 0) + n;
};

/**
 * The console's dashboard (issue 4): open complaints by status and severity, clocks breached today (local day),
 * intake per day for the last `days` days with how much of it is closed, and the viewer's own open items — all
 * within the viewer's department scope (R-SEC-1).
 */
export const getDashboard = async (deps: Deps, ctx: UseCaseContext, days = 30): Promise<Dashboard> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  const tz = deps.config.defaultTimeZone;
  const now = deps.clock.now();
  const today = toLocalDateTime(tz, now).date;
  const startOfToday = fromLocalDateTime(tz, today, 0);
  const startOfTomorrow = fromLocalDateTime(tz, addLocalDays(today, 1), 0);
  const since = fromLocalDateTime(tz, addLocalDays(today, -(days - 1)), 0);
  const [groups, breachesToday, intake, mine] = await Promise.all([
    dashboardQuery.openByStatusAndSeverity(ex, scope),
    dashboardQuery.breachesBetween(ex, scope, startOfToday, startOfTomorrow),
    dashboardQuery.intakeByDay(ex, scope, since, tz),
    ctx.actor.kind === 'user' ? dashboardQuery.mine(ex, ctx.actor.userId) : Promise.resolve(null),
  ]);
  const openByStatus: Record<string, number> = {};
  const openBySeverity: Record<string, number> = {};
  let openTotal = 0;
  let breachedOpen = 0;
  for (const g of groups) {
    add(openByStatus, g.status, g.n);
    add(openBySeverity, g.severity ?? 'unclassified', g.n);
    openTotal += g.n;
    if (g.breached) breachedOpen += g.n;
  }
  const byDay = new Map(intake.map((r) => [r.day, r]));
  const trend = Array.from({ length: days }, (_, i) => {
    const day = addLocalDays(today, i - (days - 1));
    const r = byDay.get(day);
    return { day, received: Number(r?.received ?? 0), closed: Number(r?.closed ?? 0) };
  });
  return {
    timeZone: tz,
    today,
    openByStatus,
    openBySeverity,
    openTotal,
    breachedOpen,
    breachesToday,
    trend,
    mine,
  };
};
