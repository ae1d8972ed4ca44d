import { resolveBatchSignalPolicy } from '../../domain/batch/batch-signal-policy';
import type { SignalKey } from '../../domain/batch/batch-signal';
import {
  decideBatchSignal,
  isRepeatedComplaint,
  isSafetyHazard,
  isSeriousEvent,
} from '../../domain/batch/decide-batch-signal';
import { decideFailureMechanism, findKeywordTopics } from '../../domain/batch/decide-failure-mechanism';
import type { ClassificationSuggestion } from '../../domain/classification/suggest-classification';
import type { Complaint } from '../../domain/complaint/complaint';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { batchSignalRepo } from '../../db/repos/batch-signal.repo';
import { policyRepo } from '../../db/repos/policy.repo';
import { appendAudit } from '../audit/append-audit';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { openQualityReports, signalYearOf } from './open-quality-reports';
import { openOrLinkBatchCase } from './open-or-link-batch-case';

/**
 * Counts a complaint into its batch signal, inside the transaction that confirmed it valid at triage (R-BAT-1…4):
 * - only a valid complaint that names a product of the catalogue and a batch counts, and it counts once — the
 *   batch_signal_events row (keyed by complaint) decides, so a re-triage never counts it again;
 * - the failure mechanism is the investigation's, else the classification's keyword topic, else the nature;
 * - the counter moves by one atomic upsert, which queues concurrent intakes of the same signal, so every decision
 *   below sees every complaint counted before it;
 * - the abnormality / special reports that are now due are opened (once per kind), due 72 h after the first
 *   complaint (R-BAT-2, R-BAT-3, R-SLA-7);
 * - a regional concentration opens one batch case, and every complaint of an open case's batch and mechanism is
 *   linked to it (R-BAT-4, R-SLA-11).
 * Returns the rules that fired (empty when the complaint does not count).
 */
export const countBatchSignal = async (
  deps: Deps,
  tx: Tx,
  ctx: UseCaseContext,
  complaint: Complaint,
  now: Date,
): Promise<RuleHit[]> => {
  const productId = complaint.product.id;
  const batchNo = complaint.product.batchNo?.trim() ?? '';
  if (complaint.validity !== 'valid' || productId === null || batchNo === '') return [];
  const settings = await loadComplaintSettings(deps.db, tx);
  const suggestion = complaint.suggestion as ClassificationSuggestion | null;
  const natureOfTopic = new Map(
    settings.classification.keywordRules.map((r) => [r.topic, r.nature ?? null] as const),
  );
  const mechanism = decideFailureMechanism({
    investigationMechanism: await batchSignalRepo.findInvestigationMechanism(tx, complaint.id),
    keywordTopics: findKeywordTopics(suggestion?.reasons ?? []).map((topic) => ({
      topic,
      nature: natureOfTopic.get(topic) ?? null,
    })),
    nature: complaint.nature,
  });
  const key: SignalKey = { productId, batchNo, mechanism: mechanism.mechanism };
  const region = complaint.customer.id
    ? await batchSignalRepo.findCustomerRegion(tx, complaint.customer.id)
    : null;
  const serious = isSeriousEvent(complaint);
  const counted = await batchSignalRepo.insertEvent(tx, {
    ...key,
    complaintId: complaint.id,
    region,
    serious,
    receivedAt: complaint.receivedAt,
    countedAt: now,
  });
  if (!counted) return [];

  const counter = await batchSignalRepo.addToCounter(tx, key, {
    complaintId: complaint.id,
    receivedAt: complaint.receivedAt,
    serious,
    now,
  });
  const policy = resolveBatchSignalPolicy((await policyRepo.find(tx, 'batch_thresholds'))?.value);
  const unitsShipped = await batchSignalRepo.findUnitsShipped(tx, productId, batchNo);
  const signal = decideBatchSignal({
    counter,
    unitsShipped,
    thresholds: policy,
    complaint: {
      serious,
      safetyHazard: isSafetyHazard(complaint),
      repeated: isRepeatedComplaint({
        earlierComplaints: counter.validComplaints - 1,
        firstComplaintAt: counter.firstComplaintAt,
        receivedAt: complaint.receivedAt,
        count: policy.repeatedComplaintCount,
        spanDays: policy.repeatedSpanDays,
      }),
    },
  });
  const year = signalYearOf(settings.calendar, now);
  const rules: RuleHit[] = [...mechanism.rules, ...signal.rules];
  const opened = await openQualityReports(tx, ctx, { key, counter, unitsShipped, signal, year, now });
  const linked = await openOrLinkBatchCase(tx, ctx, {
    key,
    complaint,
    region,
    policy,
    year,
    now,
  });
  rules.push(...linked.rules);

  await appendAudit(tx, ctx, now, [
    {
      entityType: 'complaint',
      entityId: complaint.id,
      action: 'complaint.batch_signal_counted',
      after: {
        ...key,
        region,
        serious,
        validComplaints: counter.validComplaints,
        unitsShipped,
        rate: signal.rate,
        reportsOpened: opened.map((r) => r.number),
        batchCase: linked.caseNumber,
        rules,
      },
    },
  ]);
  return rules;
};
