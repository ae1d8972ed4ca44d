import type { Tx } from '../../db/client';
import { insertJsonRowsTogether } from '../../db/insert-json-rows';
import { auditRepo, type AuditHead } from '../../db/repos/audit.repo';
import { outboxRepo } from '../../db/repos/outbox.repo';
import { chainAuditRows, prepareAuditRows, type AuditEntry } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import { outboxRowsOf, type DomainEvent } from './emit-events';

/**
 * `appendAudit` and `emitEvents` in one write: the audit rows (R-SEC-2, hashed onto the chain's head) and the
 * outbox events go to the database in a single statement, one round trip fewer on a hot path such as intake.
 * Same rows, same transaction, same guarantees as the two calls.
 */
export const recordChange = async (
  tx: Tx,
  ctx: UseCaseContext,
  occurredAt: Date,
  audit: readonly AuditEntry[],
  events: readonly DomainEvent[],
  /**
   * The chain's head, when the caller already holds the chain lock and read the head after taking it, with no
   * audit row written since (intake folds both into statements it sends anyway). Else both happen here.
   */
  head?: AuditHead,
): Promise<void> => {
  const rows = head
    ? chainAuditRows(head, ctx, occurredAt, audit)
    : await prepareAuditRows(tx, ctx, occurredAt, audit);
  await insertJsonRowsTogether(tx, [
    auditRepo.insertStatement(rows),
    outboxRepo.appendStatement(outboxRowsOf(occurredAt, events)),
  ]);
};
