import { computeDueAt, computeWarnAt, type PauseInterval } from '../../domain/sla/compute-due-at';
import { selectClockDuration } from '../../domain/sla/select-clock-duration';
import { calendarRepo } from '../../db/repos/calendar.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { deadlineRepo, type StoredPause } from '../../db/repos/deadline.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { hasPermission } from '../identity/assert-permission';
import { loadComplaintSettings } from './complaint-settings';

export type RecomputeSummary = {
  /** Open clocks looked at. */
  readonly examined: number;
  /** Clocks whose due time, warning time or provisional flag moved. */
  readonly changed: number;
};

export type RecomputeOptions = {
  /** Why, for the audit trail (e.g. `calendar: 2027 imported`, `deadline policy v4`). */
  readonly reason?: string;
  /** Clocks per transaction; default 500. */
  readonly pageSize?: number;
};

const DEFAULT_PAGE_SIZE = 500;

const toPauses = (stored: unknown): StoredPause[] => (stored ?? []) as StoredPause[];

// Only finished pauses: a clock's stored due date does not yet include the pause still open, which is added
// when the customer responds (decideClockEffects), so counting it here would add it twice.
const closedPauses = (stored: readonly StoredPause[]): PauseInterval[] =>
  stored.filter((p) => p.to !== null).map((p) => ({ from: new Date(p.from), to: new Date(p.to as string) }));

/**
 * Recomputes every open deadline clock after the business calendar or the deadline policy changed
 * (ARCHITECTURE: "recomputed in bulk when an admin changes the calendar or a policy"; R-SLA table).
 *
 * Pages through open clocks only (met and cancelled clocks are history; complaints are not scanned), one
 * transaction per page, with the policy and calendar in force. Each clock's due date is computed again from its
 * start with the duration its rule selects for the complaint (severity/scope overrides), the calendar and its
 * finished pauses; its warning time follows the rule's share. Left alone: clocks already breached (the breach was
 * escalated and counted, R-ESC-1/R-KPI-2), clocks whose rule runs to a date agreed with the customer (R-RES-7), and
 * clocks whose kind is no longer in the policy. Only rows whose due time, warning time or provisional flag moved
 * are written; the complaints' next-due summaries are refreshed; ONE audit row records the outcome.
 *
 * The caller checks the right to change the calendar or the policy; this refuses actors holding neither.
 */
export const recomputeOpenDeadlines = async (
  deps: Deps,
  ctx: UseCaseContext,
  options: RecomputeOptions = {},
): Promise<RecomputeSummary> => {
  if (!hasPermission(ctx.actor, 'calendar.manage') && !hasPermission(ctx.actor, 'policy.manage')) {
    if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    throw new AppError('FORBIDDEN', { permission: 'calendar.manage' });
  }
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let examined = 0;
  let changed = 0;
  let changedComplaints = 0;
  let policy = { name: '', version: 0 };
  let afterId: string | null = null;
  for (;;) {
    const page: {
      lastId: string | null;
      full: boolean;
      examined: number;
      changed: number;
      complaints: number;
    } = await deps.db.transaction(async (tx) => {
      const listed = await deadlineRepo.listOpenPage(tx, afterId, pageSize);
      const lastId = listed[listed.length - 1]?.id ?? null;
      const full = listed.length >= pageSize;
      if (listed.length === 0) return { lastId, full, examined: 0, changed: 0, complaints: 0 };
      const settings = await loadComplaintSettings(deps.db, tx);
      policy = { name: settings.deadlinePolicy.name, version: settings.deadlinePolicy.version };
      const rules = new Map(settings.deadlinePolicy.rules.map((r) => [r.kind, r]));
      const { clocks, subjects } = await calendarRepo.lockOpenClocksForRecompute(tx, listed);
      const now = deps.clock.now();
      const touched = new Set<string>();
      let pageChanged = 0;
      for (const clock of clocks) {
        const rule = rules.get(clock.kind);
        const subject = subjects.get(clock.complaintId);
        if (clock.breachedAt !== null || !rule || rule.agreedDueAt || !subject) continue;
        const pauses = toPauses(clock.pauses);
        const due = computeDueAt(
          clock.startedAt,
          selectClockDuration(rule, subject),
          settings.calendar,
          closedPauses(pauses),
          now,
        );
        const warnAt = computeWarnAt(clock.startedAt, due.dueAt, rule.warnAtShare);
        if (
          due.dueAt.getTime() === clock.dueAt.getTime() &&
          warnAt.getTime() === clock.warnAt.getTime() &&
          due.provisional === clock.provisional
        )
          continue;
        await deadlineRepo.reschedule(
          tx,
          clock.id,
          { dueAt: due.dueAt, warnAt, paused: clock.paused, pauses, provisional: due.provisional },
          now,
        );
        touched.add(clock.complaintId);
        pageChanged += 1;
      }
      await complaintRepo.refreshDueSummary(tx, [...touched]);
      return { lastId, full, examined: clocks.length, changed: pageChanged, complaints: touched.size };
    });
    examined += page.examined;
    changed += page.changed;
    changedComplaints += page.complaints;
    if (page.lastId === null || !page.full) break;
    afterId = page.lastId;
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'deadline',
        entityId: 'open',
        action: 'deadlines.recomputed',
        after: { examined, changed, complaints: changedComplaints, policy },
        reason: options.reason ?? null,
      },
    ]);
  });
  return { examined, changed };
};
