import type { RuleHit } from '../shared/rule-hit';
import { isRecallAnalysisRequired, type InvestigationRecord } from './investigation-record';

/** The product and batch of the complaint, as batch signals key them (R-BAT-1). */
export type InvestigationProductFacts = {
  readonly productId: string | null;
  readonly batchNo: string | null;
};

/** The failure mechanism to count for batch signals: by (product, batch, mechanism) (R-BAT-1). */
export type MechanismSignal = {
  readonly failureMechanism: string;
  readonly productId: string | null;
  readonly batchNo: string | null;
};

export type InvestigationEffects = {
  /** Stored on the record: the investigator's request, forced on by R-INV-3 / R-INV-4. */
  readonly recallAnalysisNeeded: boolean;
  /** Null when no failure mechanism was recorded (no quality problem). */
  readonly mechanism: MechanismSignal | null;
  readonly rules: readonly RuleHit[];
};

/**
 * What a (valid) investigation triggers when it is filed, with the rules that fired:
 * - R-INV-2 the methods the root cause was found by;
 * - R-INV-3 a batch or serious verdict flags a recall analysis (技术质量分析报告: 是否需要召回), whatever was ticked;
 * - R-INV-4 the product outcome; a recall outcome flags the recall analysis too;
 * - R-BAT-1 the failure mechanism is recorded for batch signals, keyed by product and batch (`batch:unknown` when the
 *   complaint names no batch, so the signal cannot be counted per batch).
 * Pure: the caller stores `recallAnalysisNeeded`, records the mechanism and emits the filing event.
 */
export const decideInvestigationEffects = (
  record: InvestigationRecord,
  product: InvestigationProductFacts,
): InvestigationEffects => {
  const rules: RuleHit[] = [];
  if (record.methods.length > 0)
    rules.push({ rule: 'R-INV-2', detail: `methods:${record.methods.join('+')}` });
  if (record.verdict !== null) {
    const flags = record.verdict === 'batch' || record.verdict === 'serious';
    rules.push({ rule: 'R-INV-3', detail: `verdict:${record.verdict}${flags ? '→recall_analysis' : ''}` });
  }
  if (record.productOutcome !== null) {
    const flags = record.productOutcome === 'recall';
    rules.push({
      rule: 'R-INV-4',
      detail: `outcome:${record.productOutcome}${flags ? '→recall_analysis' : ''}`,
    });
  }
  const mechanismText = record.failureMechanism?.trim() ?? '';
  const mechanism =
    mechanismText === ''
      ? null
      : { failureMechanism: mechanismText, productId: product.productId, batchNo: product.batchNo };
  if (mechanism)
    rules.push({
      rule: 'R-BAT-1',
      detail: `mechanism:${mechanism.failureMechanism}${mechanism.batchNo ? '' : ';batch:unknown'}`,
    });
  return {
    recallAnalysisNeeded: record.recallAnalysisNeeded || isRecallAnalysisRequired(record),
    mechanism,
    rules,
  };
};
