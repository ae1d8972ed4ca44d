import type { z } from 'zod';
import type { CostAllocationDetail } from '../../app/compensation/get-cost-allocation';
import type { LedgerReport } from '../../app/compensation/query-ledger';
import { documentsFor, type CostAllocation } from '../../domain/compensation/allocate-cost';
import type { ZCostAllocationItem, ZCostAllocationView } from '../../contracts/cost-allocation.contract';
import type { ZLedgerView } from '../../contracts/ledger.contract';

const formUrl = (id: string, type: 'transfer' | 'deduction') =>
  `/api/v1/cost-allocations/${id}/form?type=${type}`;

const presentItem = (a: CostAllocation): z.infer<typeof ZCostAllocationItem> => ({
  id: a.id,
  partyKind: a.partyKind,
  partyName: a.partyName,
  departmentId: a.departmentId,
  shareBp: a.shareBp,
  amountFen: a.amountFen,
  rule: a.rule,
  transferFormNo: a.transferFormNo,
  deductionNoticeNo: a.deductionNoticeNo,
  documents: documentsFor(a.partyKind),
  forms: {
    transfer: a.transferFormNo ? formUrl(a.id, 'transfer') : null,
    deduction: a.deductionNoticeNo ? formUrl(a.id, 'deduction') : null,
  },
  createdAt: a.createdAt.toISOString(),
});

export const presentCostAllocation = (d: CostAllocationDetail): z.infer<typeof ZCostAllocationView> => ({
  complaintId: d.complaint.id,
  complaintNumber: d.complaint.number,
  totalFen: d.totalFen,
  allocations: d.allocations.map(presentItem),
  suggestion: {
    partyKind: d.suggestion.partyKind,
    basis: d.suggestion.basis,
    rules: d.suggestion.rules.map((r) => ({ ...r })),
  },
  ledger: { ...d.ledger },
});

export const presentLedger = (r: LedgerReport): z.infer<typeof ZLedgerView> => ({
  groupBy: r.groupBy,
  from: r.from,
  to: r.to,
  rows: r.rows.map((x) => ({
    key: x.key,
    label: x.label,
    proposedFen: x.proposedFen,
    approvedFen: x.approvedFen,
    agreedFen: x.agreedFen,
    paidFen: x.paidFen,
  })),
  totals: { ...r.totals },
});
