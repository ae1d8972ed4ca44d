import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { complaintCommunications } from '../schema/complaint.table';
import { auditLog, outboxEvents } from '../schema/platform.table';

/** The raw pieces of a complaint's timeline, newest first, each bounded. */
export const complaintTimelineQuery = {
  async audit(ex: Executor, complaintId: string, limit: number) {
    return ex
      .select({
        id: auditLog.id,
        at: auditLog.occurredAt,
        actorType: auditLog.actorType,
        actorName: auditLog.actorName,
        action: auditLog.action,
        before: auditLog.before,
        after: auditLog.after,
        reason: auditLog.reason,
      })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'complaint'), eq(auditLog.entityId, complaintId)))
      .orderBy(desc(auditLog.id))
      .limit(limit);
  },
  async communications(ex: Executor, complaintId: string, limit: number) {
    return ex
      .select()
      .from(complaintCommunications)
      .where(eq(complaintCommunications.complaintId, complaintId))
      .orderBy(desc(complaintCommunications.at))
      .limit(limit);
  },
  async events(ex: Executor, complaintId: string, limit: number) {
    return ex
      .select({
        id: outboxEvents.id,
        type: outboxEvents.type,
        at: outboxEvents.occurredAt,
        status: outboxEvents.status,
        deliveredAt: outboxEvents.deliveredAt,
        attempts: outboxEvents.attempts,
      })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.aggregateType, 'complaint'), eq(outboxEvents.aggregateId, complaintId)))
      .orderBy(desc(outboxEvents.occurredAt))
      .limit(limit);
  },
};
