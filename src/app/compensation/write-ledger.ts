import type { Complaint } from '../../domain/complaint/complaint';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import type { Tx } from '../../db/client';
import { compensationLedgerRepo, type LedgerStage } from '../../db/repos/compensation-ledger.repo';
import { newId } from '../new-id';

export type LedgerLine = {
  readonly stage: LedgerStage;
  readonly kind: string;
  readonly amountFen: number;
  readonly proposalId: string | null;
  readonly taskId?: string | null;
};

/**
 * Appends signed entries to the compensation ledger for one complaint, booked in the company's local month
 * (Asia/Shanghai by default). Zero amounts are skipped; a reversal is a negative line at the same stage.
 */
export const writeLedger = async (
  tx: Tx,
  c: Complaint,
  lines: readonly LedgerLine[],
  timeZone: string,
  now: Date,
): Promise<void> => {
  const month = toLocalDateTime(timeZone, now).date.slice(0, 7);
  await compensationLedgerRepo.append(
    tx,
    lines
      .filter((l) => l.amountFen !== 0)
      .map((l) => ({
        id: newId(),
        complaintId: c.id,
        proposalId: l.proposalId,
        taskId: l.taskId ?? null,
        customerId: c.customer.id,
        productId: c.product.id,
        stage: l.stage,
        kind: l.kind,
        amountFen: l.amountFen,
        month,
        occurredAt: now,
      })),
  );
};

/** The most a proposal may cost (its dearest option): what the ledger books as proposed and approved exposure. */
export const exposureOf = (
  options: readonly { readonly kind: string; readonly amountFen: number }[],
): { readonly kind: string; readonly amountFen: number } =>
  options.reduce((a, b) => (b.amountFen > a.amountFen ? b : a), { kind: 'none', amountFen: 0 });
