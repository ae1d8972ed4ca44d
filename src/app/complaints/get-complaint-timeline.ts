import { complaintRepo } from '../../db/repos/complaint.repo';
import { complaintTimelineQuery } from '../../db/repos/complaint-timeline.query';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { complaintScopeOf } from './get-complaint';

export type TimelineEntry = {
  readonly id: string;
  readonly at: Date;
  readonly source: 'audit' | 'communication' | 'event';
  /** audit: the action (complaint.transition.triage…); communication: the channel; event: the event type. */
  readonly kind: string;
  readonly actor: string | null;
  readonly summary: string | null;
  /** audit: the fields the change touched (names only: values may be personal data); event: delivery state. */
  readonly detail: Readonly<Record<string, unknown>>;
};

const LIMIT = 500;

const changedFields = (before: unknown, after: unknown): string[] => {
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .slice(0, 40);
};

/**
 * One timeline for a complaint (issue 4: audit + communications + notifications + events), newest first. Same
 * department scope as reading the complaint (R-SEC-1); audit values are not copied out (only which fields
 * changed), so the timeline never shows personal data the viewer could not see on the complaint itself.
 */
export const getComplaintTimeline = async (
  deps: Deps,
  ctx: UseCaseContext,
  id: string,
): Promise<readonly TimelineEntry[]> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  const complaint = await complaintRepo.findById(ex, id, scope);
  if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
  const [audit, communications, events] = await Promise.all([
    complaintTimelineQuery.audit(ex, id, LIMIT),
    complaintTimelineQuery.communications(ex, id, LIMIT),
    complaintTimelineQuery.events(ex, id, LIMIT),
  ]);
  const entries: TimelineEntry[] = [
    ...audit.map((a): TimelineEntry => ({
      id: `audit:${a.id}`,
      at: a.at,
      source: 'audit',
      kind: a.action,
      actor: a.actorName ?? (a.actorType === 'customer' ? 'customer' : a.actorType),
      summary: a.reason,
      detail: { fields: changedFields(a.before, a.after) },
    })),
    ...communications.map((c): TimelineEntry => ({
      id: `communication:${c.id}`,
      at: c.at,
      source: 'communication',
      kind: c.channel,
      actor: c.contactPerson,
      summary: c.summary,
      detail: { direction: c.direction, nextStep: c.nextStep },
    })),
    ...events.map((e): TimelineEntry => ({
      id: `event:${e.id}`,
      at: e.at,
      source: 'event',
      kind: e.type,
      actor: null,
      summary: null,
      detail: { delivery: e.status, deliveredAt: e.deliveredAt?.toISOString() ?? null, attempts: e.attempts },
    })),
  ];
  return entries.sort((x, y) => y.at.getTime() - x.at.getTime() || y.id.localeCompare(x.id));
};
