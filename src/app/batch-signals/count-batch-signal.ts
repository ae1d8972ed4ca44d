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

/** Why a complaint stops counting under the key it counted under (R-BAT-1). */
type UncountReason = 'no_longer_valid' | 'product_or_batch_removed' | 'moved';

/** The signal key a complaint counts under now, with the rules that chose its mechanism; null when it does not count. */
const signalKeyOf = async (
  deps: Deps,
  tx: Tx,
  complaint: Complaint,
): Promise<{ key: SignalKey; rules: readonly RuleHit[] } | null> => {
  const productId = complaint.product.id;
  const batchNo = complaint.product.batchNo?.trim() ?? '';
  if (complaint.validity !== 'valid' || productId === null || batchNo === '') return null;
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
  return { key: { productId, batchNo, mechanism: mechanism.mechanism }, rules: mechanism.rules };
};

const sameSignal = (a: SignalKey, b: SignalKey): boolean =>
  a.productId === b.productId && a.batchNo === b.batchNo && a.mechanism === b.mechanism;

/**
 * Takes a complaint out of the signal it counted in (R-BAT-1): the counter goes down by one (the first complaint and
 * with it the 72-hour clock of reports opened later re-derived from the events left). Reports already opened and
 * batch cases already linked stay as they are — they are records a person acts on — and the audit row says so.
 */
const uncount = async (
  tx: Tx,
  ctx: UseCaseContext,
  complaint: Complaint,
  counted: SignalKey & { serious: boolean },
  reason: UncountReason,
  now: Date,
): Promise<RuleHit[]> => {
  const key = { productId: counted.productId, batchNo: counted.batchNo, mechanism: counted.mechanism };
  const after = await batchSignalRepo.removeFromSignal(tx, complaint.id, key, counted.serious, now);
  const rules: RuleHit[] = [
    { rule: 'R-BAT-1', detail: `uncounted from ${key.batchNo}/${key.mechanism}: ${reason}` },
  ];
  await appendAudit(tx, ctx, now, [
    {
      entityType: 'complaint',
      entityId: complaint.id,
      action: 'complaint.batch_signal_uncounted',
      before: { ...key, serious: counted.serious },
      after: {
        reason,
        validComplaints: after?.validComplaints ?? 0,
        firstComplaintAt: after?.firstComplaintAt ?? null,
        note: 'reports opened and batch cases linked before are kept',
        rules,
      },
    },
  ]);
  return rules;
};

/**
 * Counts a complaint into its batch signal, inside the transaction that confirmed it valid at triage (R-BAT-1…4),
 * and keeps that count true afterwards (`via` another step: only a complaint that already counted is revisited):
 * - only a valid complaint that names a product of the catalogue and a batch counts, and it counts once — the
 *   batch_signal_events row (keyed by complaint) decides, so a re-triage never counts it again;
 * - a complaint re-triaged as not valid, or left without product or batch, is taken out again; one whose
 *   mechanism changes (an investigation finds the real one, R-INV-2) moves to that signal;
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
  via: 'triage' | 'investigation' | 'correction' = 'triage',
): Promise<RuleHit[]> => {
  const counted = await batchSignalRepo.findEvent(tx, complaint.id);
  if (via !== 'triage' && !counted) return [];
  const target = await signalKeyOf(deps, tx, complaint);
  if (counted && target && sameSignal(counted, target.key)) return [];
  const rules: RuleHit[] = [];
  if (counted) {
    const reason: UncountReason = target
      ? 'moved'
      : complaint.validity !== 'valid'
        ? 'no_longer_valid'
        : 'product_or_batch_removed';
    rules.push(...(await uncount(tx, ctx, complaint, counted, reason, now)));
  }
  if (!target) return rules;
  const { key } = target;
  const { productId, batchNo } = key;
  const region = complaint.customer.id
    ? await batchSignalRepo.findCustomerRegion(tx, complaint.customer.id)
    : null;
  const serious = isSeriousEvent(complaint);
  const inserted = await batchSignalRepo.insertEvent(tx, {
    ...key,
    complaintId: complaint.id,
    region,
    serious,
    receivedAt: complaint.receivedAt,
    countedAt: now,
  });
  if (!inserted) return rules;

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
  const settings = await loadComplaintSettings(deps.db, tx);
  const year = signalYearOf(settings.calendar, now);
  rules.push(...target.rules, ...signal.rules);
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
