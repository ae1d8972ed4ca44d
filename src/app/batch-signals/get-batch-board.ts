import type { QualityReport, SignalKey } from '../../domain/batch/batch-signal';
import { resolveBatchSignalPolicy } from '../../domain/batch/batch-signal-policy';
import { exceedsRate, type QualityReportKind } from '../../domain/batch/decide-batch-signal';
import { batchBoardQuery, type BoardCount, type BoardSignalRow } from '../../db/repos/batch-board.query';
import { policyRepo } from '../../db/repos/policy.repo';
import { qualityReportRepo } from '../../db/repos/quality-report.repo';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { assertPermission } from '../identity/assert-permission';

export type BoardCase = {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly openedAt: Date;
  readonly investigationDueAt: Date;
};

/** One row of the batch board: a (product, batch, mechanism) signal with what it has set off. */
export type BatchBoardRow = BoardSignalRow & {
  /** 1 for the batch with the highest rate; every signal of one batch shares its rank. */
  readonly rank: number;
  readonly rate: number | null;
  readonly thresholdsCrossed: readonly QualityReportKind[];
  readonly reports: readonly { readonly report: QualityReport; readonly overdue: boolean }[];
  readonly openCase: BoardCase | null;
  readonly weekly: readonly { readonly week: string; readonly count: number }[];
  readonly regions: readonly { readonly region: string | null; readonly count: number }[];
};

export type BatchBoard = {
  readonly thresholds: { readonly abnormalityReportRate: number; readonly specialReportRate: number };
  readonly items: readonly BatchBoardRow[];
};

const keyOf = (k: SignalKey): string => JSON.stringify([k.productId, k.batchNo, k.mechanism]);

const groupByKey = <T extends SignalKey>(rows: readonly T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
  return map;
};

/**
 * The batch board 批量问题看板 (R-BAT-1…4): every counted (product, batch, mechanism) with its valid complaints,
 * units shipped and rate, which thresholds it crossed, its quality reports and open batch case, a weekly trend
 * (ISO weeks in the calendar's time zone) and the counts per region — batches ranked by their highest rate.
 */
export const getBatchBoard = async (
  deps: Deps,
  ctx: UseCaseContext,
  filter: {
    readonly productId?: string | undefined;
    readonly batchNo?: string | undefined;
    readonly limit?: number | undefined;
  },
): Promise<BatchBoard> => {
  assertPermission(ctx.actor, 'batch.read');
  const ex = deps.db.reader();
  const now = deps.clock.now();
  const policy = resolveBatchSignalPolicy((await policyRepo.find(ex, 'batch_thresholds'))?.value);
  const { calendar } = await loadComplaintSettings(deps.db, ex);
  const signals = await batchBoardQuery.rankedSignals(ex, filter, filter.limit ?? 50);
  const productIds = [...new Set(signals.map((s) => s.productId))];
  const reports = groupByKey(await qualityReportRepo.listForProducts(ex, productIds));
  const cases = groupByKey(await batchBoardQuery.openCases(ex, productIds));
  const weekly = groupByKey<BoardCount>(
    await batchBoardQuery.weeklyCounts(ex, productIds, calendar.timeZone),
  );
  const regions = groupByKey<BoardCount>(await batchBoardQuery.regionCounts(ex, productIds));

  let rank = 0;
  let lastBatch = '';
  const items = signals.map((s): BatchBoardRow => {
    const batch = JSON.stringify([s.productId, s.batchNo]);
    if (batch !== lastBatch) {
      rank += 1;
      lastBatch = batch;
    }
    const crossed: QualityReportKind[] = [];
    if (exceedsRate(s.validComplaints, s.unitsShipped, policy.abnormalityReportRate))
      crossed.push('abnormality');
    if (exceedsRate(s.validComplaints, s.unitsShipped, policy.specialReportRate)) crossed.push('special');
    const open = cases.get(keyOf(s))?.[0];
    return {
      ...s,
      rank,
      rate: s.unitsShipped > 0 ? s.validComplaints / s.unitsShipped : null,
      thresholdsCrossed: crossed,
      reports: (reports.get(keyOf(s)) ?? []).map((report) => ({
        report,
        overdue: report.status === 'open' && now.getTime() > report.dueAt.getTime(),
      })),
      openCase: open
        ? {
            id: open.id,
            number: open.number,
            status: open.status,
            openedAt: open.openedAt,
            investigationDueAt: open.investigationDueAt,
          }
        : null,
      weekly: (weekly.get(keyOf(s)) ?? []).map((w) => ({ week: w.label ?? '', count: w.n })),
      regions: (regions.get(keyOf(s)) ?? []).map((r) => ({ region: r.label, count: r.n })),
    };
  });
  return {
    thresholds: {
      abnormalityReportRate: policy.abnormalityReportRate,
      specialReportRate: policy.specialReportRate,
    },
    items,
  };
};
