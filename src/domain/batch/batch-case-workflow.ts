import { assertNever } from '../shared/assert-never';
import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import type { BatchCaseErrorCode } from './batch-case-error-code';

/**
 * A batch case 批量性问题 moves open → investigating → decided → closed (R-BAT-4, R-BAT-5):
 * - `open`: opened by a regional concentration or by hand; the 2-hour investigation clock runs (R-SLA-11).
 * - `investigating`: quality confirmed it and works it: stock is being sealed 下架封存 and/or the investigation is filed.
 * - `decided`: the GM decided market check, write-off, compensation or recall.
 * - `closed`: every seal task is done and, for a recall, the recall is completed.
 */
export const BATCH_CASE_STATUSES = ['open', 'investigating', 'decided', 'closed'] as const;
export type BatchCaseStatus = (typeof BATCH_CASE_STATUSES)[number];

/** The GM's decision (seed 002 §7.5): 市场异常确认 market check, 异常核销 write-off, 赔偿 compensation, 召回 recall. */
export const BATCH_CASE_DECISIONS = ['market_check', 'write_off', 'compensation', 'recall'] as const;
export type BatchCaseDecision = (typeof BATCH_CASE_DECISIONS)[number];

/** R-SLA-11 default: quality finishes the batch investigation within 2 clock hours of the case opening (seed 002 §7.4.8). */
export const DEFAULT_INVESTIGATION_HOURS = 2;

/** What the workflow needs to know about a case to decide a step. */
export type BatchCaseFacts = {
  readonly status: BatchCaseStatus;
  readonly investigationDueAt: Date;
  readonly investigationFiledAt: Date | null;
  readonly decision: BatchCaseDecision | null;
  readonly sealTasks: readonly { readonly id: string; readonly status: 'open' | 'done' }[];
  readonly recall: { readonly id: string; readonly status: 'in_progress' | 'completed' } | null;
};

export type BatchCaseCommand =
  | { readonly type: 'quarantine' }
  | { readonly type: 'complete_seal' }
  | { readonly type: 'file_investigation'; readonly at: Date }
  | { readonly type: 'decide'; readonly decision: BatchCaseDecision }
  | { readonly type: 'close' };

export type BatchCaseStep = {
  readonly next: BatchCaseStatus;
  readonly rules: readonly RuleHit[];
  /** file_investigation only: filed after `investigationDueAt` — an R-SLA-11 breach. */
  readonly late: boolean;
};

export type BatchCaseRefusal = {
  readonly code: BatchCaseErrorCode;
  readonly details: Record<string, unknown>;
};

/** Why a case cannot close yet (R-BAT-4, R-BAT-5). */
export type CloseBlocker = 'seal_tasks_open' | 'recall_missing' | 'recall_not_completed';

const refuse = (code: BatchCaseErrorCode, details: Record<string, unknown>) => err({ code, details });

/** The R-SLA-11 due time: `hours` clock hours (not working time) after the case opened. */
export const computeInvestigationDueAt = (openedAt: Date, hours = DEFAULT_INVESTIGATION_HOURS): Date =>
  new Date(openedAt.getTime() + hours * 3_600_000);

/** R-SLA-11: an investigation filed after its due time is a breach; filing exactly at the due time is on time. */
export const isInvestigationLate = (dueAt: Date, filedAt: Date): boolean =>
  filedAt.getTime() > dueAt.getTime();

/**
 * R-SLA-11 overdue: a case not yet decided or closed whose investigation is not filed and whose due time has passed.
 * The sweep escalates such a case once to the GM and quality.
 */
export const isInvestigationOverdue = (
  facts: Pick<BatchCaseFacts, 'status' | 'investigationDueAt' | 'investigationFiledAt'>,
  now: Date,
): boolean =>
  (facts.status === 'open' || facts.status === 'investigating') &&
  facts.investigationFiledAt === null &&
  now.getTime() > facts.investigationDueAt.getTime();

/** Everything that keeps a decided case from closing; empty when it may close. */
export const findCloseBlockers = (facts: BatchCaseFacts): CloseBlocker[] => {
  const blockers: CloseBlocker[] = [];
  if (facts.sealTasks.some((t) => t.status !== 'done')) blockers.push('seal_tasks_open');
  if (facts.decision === 'recall') {
    if (!facts.recall) blockers.push('recall_missing');
    else if (facts.recall.status !== 'completed') blockers.push('recall_not_completed');
  }
  return blockers;
};

/**
 * Decides one step of a batch case (R-BAT-4, R-BAT-5, R-SLA-11). Never throws.
 * - quarantine / complete_seal: sealing stock goes on until the case closes; the first seal moves `open` to
 *   `investigating` (the case is confirmed).
 * - file_investigation: once, before the decision; later than `investigationDueAt` is recorded as an R-SLA-11 breach
 *   (filed all the same: the investigation is still needed).
 * - decide: only after the investigation is filed (BATCH_INVESTIGATION_MISSING), and only once.
 * - close: only a decided case, with every seal task done and, for a recall decision, the recall completed.
 */
export const decideBatchCaseStep = (
  facts: BatchCaseFacts,
  command: BatchCaseCommand,
): Result<BatchCaseStep, BatchCaseRefusal> => {
  const { status } = facts;
  if (status === 'closed') return refuse('BATCH_CASE_STATE_INVALID', { status, action: command.type });
  switch (command.type) {
    case 'quarantine':
      return ok({
        next: status === 'open' ? 'investigating' : status,
        rules: [{ rule: 'R-BAT-4', detail: 'seal_in_region' }],
        late: false,
      });
    case 'complete_seal':
      return ok({
        next: status,
        rules: [{ rule: 'R-BAT-4', detail: 'sealed_quantity_recorded' }],
        late: false,
      });
    case 'file_investigation': {
      if (facts.investigationFiledAt !== null)
        return refuse('BATCH_INVESTIGATION_ALREADY_FILED', {
          filedAt: facts.investigationFiledAt.toISOString(),
        });
      if (status === 'decided') return refuse('BATCH_CASE_STATE_INVALID', { status, action: command.type });
      const late = isInvestigationLate(facts.investigationDueAt, command.at);
      const rules: RuleHit[] = [{ rule: 'R-BAT-4', detail: 'investigation_filed' }];
      rules.push({ rule: 'R-SLA-11', detail: late ? 'breached' : 'met' });
      return ok({ next: 'investigating', rules, late });
    }
    case 'decide':
      if (status === 'decided')
        return refuse('BATCH_CASE_STATE_INVALID', { status, action: command.type, decision: facts.decision });
      if (facts.investigationFiledAt === null)
        return refuse('BATCH_INVESTIGATION_MISSING', { status, rule: 'R-BAT-5' });
      return ok({ next: 'decided', rules: [{ rule: 'R-BAT-5', detail: command.decision }], late: false });
    case 'close': {
      if (status !== 'decided') return refuse('BATCH_CASE_STATE_INVALID', { status, action: command.type });
      const reasons = findCloseBlockers(facts);
      if (reasons.length > 0)
        return refuse('BATCH_CASE_NOT_CLOSABLE', {
          reasons,
          openSealTaskIds: facts.sealTasks.filter((t) => t.status !== 'done').map((t) => t.id),
        });
      const rules: RuleHit[] = [{ rule: 'R-BAT-4', detail: 'seal_tasks_done' }];
      if (facts.decision === 'recall') rules.push({ rule: 'R-BAT-5', detail: 'recall_completed' });
      return ok({ next: 'closed', rules, late: false });
    }
    default:
      return assertNever(command);
  }
};

/** `PL-2026-000001` (批量 batch case) / `ZH-2026-000001` (召回 recall): series, local year, gapless sequence. */
export const formatBatchDocumentNumber = (kind: 'batch_case' | 'recall', year: number, seq: number): string =>
  `${kind === 'batch_case' ? 'PL' : 'ZH'}-${year}-${String(seq).padStart(6, '0')}`;
