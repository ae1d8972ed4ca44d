import type { BatchSignalPolicy } from '../../domain/batch/batch-signal-policy';
import type { SignalKey } from '../../domain/batch/batch-signal';
import { computeInvestigationDueAt, formatBatchDocumentNumber } from '../../domain/batch/batch-case-workflow';
import { decideRegionalCase } from '../../domain/batch/decide-regional-case';
import type { Complaint } from '../../domain/complaint/complaint';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { batchSignalRepo } from '../../db/repos/batch-signal.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import { newId } from '../new-id';
import { caseOpenedNotice } from '../batch-cases/case-opened-notice';
import { emitEvents } from '../platform/emit-events';

const DAY_MS = 86_400_000;

/**
 * R-BAT-4 for a complaint just counted: links it to the open batch case of its (product, batch, mechanism), or
 * opens that case when its region now shows a concentration — one case per key while open (the partial unique index
 * batch_cases_open_uq: insert … on conflict do nothing, then read the case that is open) — and links every complaint
 * counted for the key so far. The investigation is due 2 h after opening (R-SLA-11).
 */
export const openOrLinkBatchCase = async (
  tx: Tx,
  ctx: UseCaseContext,
  input: {
    readonly key: SignalKey;
    readonly complaint: Complaint;
    readonly region: string | null;
    readonly policy: BatchSignalPolicy;
    readonly year: number;
    readonly now: Date;
  },
): Promise<{ caseNumber: string | null; rules: RuleHit[] }> => {
  const { key, complaint, region, policy, year, now } = input;
  const open = await batchSignalRepo.findOpenCase(tx, key);
  const windowMs = policy.regionalWindowDays * DAY_MS;
  const at = complaint.receivedAt.getTime();
  const regional =
    region === null || open
      ? []
      : await batchSignalRepo.listRegionalReceivedAt(
          tx,
          key,
          region,
          new Date(at - windowMs),
          new Date(at + windowMs),
        );
  const decision = decideRegionalCase({
    region,
    receivedAt: complaint.receivedAt,
    regionalReceivedAt: regional,
    openCaseId: open?.id ?? null,
    policy,
  });
  if (decision.action === 'none') return { caseNumber: null, rules: [] };
  if (decision.action === 'link' && open) {
    await batchSignalRepo.linkComplaints(tx, open.id, [complaint.id], now);
    return { caseNumber: open.number, rules: [...decision.rules] };
  }

  const seq = await documentCounterRepo.next(tx, 'batch_case', year);
  const row = {
    id: newId(now.getTime()),
    number: formatBatchDocumentNumber('batch_case', year, seq),
    ...key,
    region,
    trigger: {
      kind: 'regional_concentration',
      region,
      complaints: decision.concentration,
      regionalCaseCount: policy.regionalCaseCount,
      regionalWindowDays: policy.regionalWindowDays,
      complaintId: complaint.id,
    },
    openedAt: now,
    investigationDueAt: computeInvestigationDueAt(now),
  };
  const inserted = await batchSignalRepo.insertCaseIfNoneOpen(tx, row);
  const current = inserted ? { id: row.id, number: row.number } : await batchSignalRepo.findOpenCase(tx, key);
  if (!current) throw new Error('batch case neither inserted nor open');
  const counted = inserted ? await batchSignalRepo.listCountedComplaintIds(tx, key) : [complaint.id];
  const linked = await batchSignalRepo.linkComplaints(tx, current.id, counted, now);
  if (!inserted) return { caseNumber: current.number, rules: [...decision.rules] };

  await emitEvents(tx, now, [
    {
      type: 'batch.case_opened',
      aggregateType: 'batch_case',
      aggregateId: row.id,
      payload: {
        caseId: row.id,
        number: row.number,
        ...key,
        region,
        complaints: linked.length,
        investigationDueAt: row.investigationDueAt.toISOString(),
        ...(await caseOpenedNotice(tx, {
          number: row.number,
          batchNo: key.batchNo,
          mechanism: key.mechanism,
          region,
        })),
      },
    },
  ]);
  await appendAudit(tx, ctx, now, [
    {
      entityType: 'batch_case',
      entityId: row.id,
      action: 'batch_case.opened',
      after: { ...row, status: 'open', linkedComplaints: linked, rules: decision.rules },
    },
  ]);
  return { caseNumber: row.number, rules: [...decision.rules] };
};
