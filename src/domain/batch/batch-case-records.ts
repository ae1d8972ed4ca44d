import type { RuleHit } from '../shared/rule-hit';
import type { BatchCaseDecision, BatchCaseStatus } from './batch-case-workflow';
import type { CompletionReport, RecallClass } from './plan-recall';
import type { SamplingResult } from './decide-sampling-follow-up';

/** What quality found in the 2-hour batch investigation (R-BAT-4, seed 002 §7.4). */
export type BatchInvestigation = {
  /** 留样复检: retained samples of the batch re-inspected. */
  readonly retainedSamples: {
    readonly result: 'conforming' | 'nonconforming' | 'no_sample';
    readonly detail: string;
  };
  /** 该批产品总生产数量. */
  readonly batchQuantity: number;
  /** 当天的生产情况: quality control, process, workshop temperature, raw materials, disinfection, moisture, micro… */
  readonly productionConditions: string;
  /** 发货情况: units shipped per region. */
  readonly shipmentsByRegion: readonly { readonly region: string; readonly quantity: number }[];
  readonly conclusion: string;
  /** Filed after the due time (R-SLA-11 breach). */
  readonly late: boolean;
  readonly rules: readonly RuleHit[];
};

export type BatchCase = {
  readonly id: string;
  readonly number: string;
  readonly productId: string;
  readonly batchNo: string;
  readonly mechanism: string;
  readonly region: string | null;
  readonly trigger: Record<string, unknown>;
  readonly status: BatchCaseStatus;
  readonly openedAt: Date;
  readonly investigationDueAt: Date;
  readonly investigation: BatchInvestigation | null;
  readonly investigationFiledAt: Date | null;
  readonly investigationFiledBy: string | null;
  readonly decision: BatchCaseDecision | null;
  readonly decisionNote: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly closedAt: Date | null;
  readonly version: number;
};

export type SealTask = {
  readonly id: string;
  readonly caseId: string;
  readonly region: string;
  readonly ownerId: string | null;
  readonly status: 'open' | 'done';
  readonly expectedQuantity: number | null;
  readonly sealedQuantity: number | null;
  readonly dueAt: Date;
  readonly doneAt: Date | null;
  readonly doneBy: string | null;
  readonly note: string | null;
  readonly createdAt: Date;
};

export type Recall = {
  readonly id: string;
  readonly number: string;
  readonly caseId: string | null;
  readonly productId: string;
  readonly recallClass: RecallClass;
  readonly scope: { readonly batches: readonly string[]; readonly regions: readonly string[] };
  readonly status: 'in_progress' | 'completed';
  readonly unitsInScope: number;
  readonly unitsRecovered: number;
  readonly reason: string;
  readonly completionReport: CompletionReport | null;
  readonly startedAt: Date;
  readonly startedBy: string | null;
  readonly completedAt: Date | null;
  readonly version: number;
};

export type RecallTarget = {
  readonly id: string;
  readonly recallId: string;
  readonly customerId: string | null;
  readonly region: string;
  readonly batchNo: string;
  readonly quantity: number;
  readonly notifiedAt: Date | null;
  readonly recoveredQuantity: number;
  readonly updatedAt: Date;
};

export type RegulatorSampling = {
  readonly id: string;
  readonly agency: string;
  readonly productId: string | null;
  readonly batchNo: string | null;
  readonly sampledOn: string;
  readonly sampleQuantity: number;
  readonly result: SamplingResult;
  readonly reportRef: string | null;
  readonly representative: boolean;
  readonly retestRequestedAt: Date | null;
  readonly retestReason: string | null;
  readonly originalReportToQualityAt: Date | null;
  readonly notes: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly version: number;
};
