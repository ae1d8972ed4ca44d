import {
  PARTY_KIND_LABELS,
  type CostAllocation,
  type CostFormType,
} from '../../domain/compensation/allocate-cost';
import { formatYuanInWords } from '../../domain/compensation/format-yuan-in-words';
import { formatYuan } from '../../domain/compensation/legal-remedies';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { costAllocationRepo } from '../../db/repos/cost-allocation.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { userRepo } from '../../db/repos/user.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { esc, printedPage, row, signature } from './printed-form';
import { allocationComplaintOf, allocationScopeOf, type AllocationComplaint } from './get-cost-allocation';

export type CostForm = {
  readonly formNo: string;
  readonly fileName: string;
  readonly html: string;
};

const TITLES: Record<CostFormType, { zh: string; en: string; intro: string }> = {
  transfer: {
    zh: '质量事故费用转移单',
    en: 'Quality Incident Cost-Transfer Form',
    intro:
      '因下列质量事故造成的费用损失，按责任划分转由责任方承担（R-RES-8）。<br><span class="en">The cost of the quality incident below is transferred to the responsible party according to the allocation of responsibility (R-RES-8).</span>',
  },
  deduction: {
    zh: '扣款通知单',
    en: 'Deduction Notice',
    intro:
      '根据质量事故责任划分，下列金额将从贵方应付款项中扣除（R-RES-8）。<br><span class="en">According to the allocation of responsibility for the quality incident below, this amount will be deducted from the payments due to you (R-RES-8).</span>',
  },
};

const percent = (bp: number): string => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')} %`;

type FormData = {
  readonly type: CostFormType;
  readonly formNo: string;
  readonly allocation: CostAllocation;
  readonly complaint: AllocationComplaint;
  readonly totalFen: number;
  readonly issuedOn: string;
  readonly receivedOn: string;
  readonly preparedBy: string | null;
  readonly departmentName: string | null;
};

/** The printable HTML of one form, Simplified Chinese with English subtitles; all text escaped. */
export const renderCostFormHtml = (d: FormData): string => {
  const t = TITLES[d.type];
  const a = d.allocation;
  const c = d.complaint;
  const product = [c.productName, c.productModel, c.productCode].filter((x) => x).join(' / ');
  const party = `${esc(a.partyName)}（${PARTY_KIND_LABELS[a.partyKind]['zh-CN']}）<br><span class="en">${esc(PARTY_KIND_LABELS[a.partyKind].en)}</span>`;
  const amount = `<span class="amount">${esc(formatYuan(a.amountFen))}</span><br>${esc(formatYuanInWords(a.amountFen))}`;
  const rows = [
    row('投诉单号', 'Complaint no.', esc(c.number)),
    row('受理日期', 'Received on', esc(d.receivedOn)),
    row('产品', 'Product', esc(product) || '—'),
    row('批号', 'Batch', esc(c.batchNo) || '—'),
    row('问题描述', 'Problem', esc(c.description)),
    row(
      d.type === 'deduction' ? '被扣款方' : '责任方',
      d.type === 'deduction' ? 'Deducted from' : 'Responsible party',
      party,
    ),
    ...(d.departmentName ? [row('责任部门', 'Department', esc(d.departmentName))] : []),
    row('事故费用总额', 'Total cost of the incident', esc(formatYuan(d.totalFen))),
    row('承担比例', 'Share', esc(percent(a.shareBp))),
    row(
      d.type === 'deduction' ? '扣款金额' : '转移金额',
      d.type === 'deduction' ? 'Amount deducted' : 'Amount transferred',
      amount,
    ),
    row('责任依据', 'Reason / rule', esc(a.rule) || 'R-RES-8'),
  ];
  const signatures =
    d.type === 'transfer'
      ? [
          signature('制单', 'Prepared by'),
          signature('责任单位确认', 'Responsible party'),
          signature('财务', 'Finance'),
          signature('审批', 'Approved by'),
        ]
      : [
          signature('开具单位', 'Issued by'),
          signature('被扣款方确认', 'Acknowledged by'),
          signature('财务', 'Finance'),
        ];
  return printedPage({
    titleZh: t.zh,
    titleEn: t.en,
    formNo: d.formNo,
    date: d.issuedOn,
    intro: t.intro,
    body: [`<table>${rows.join('')}</table>`],
    signatures,
    preparedBy: d.preparedBy,
  });
};

/**
 * The printable cost-transfer form 质量事故费用转移单 or deduction notice 扣款通知单 of one allocated share (R-RES-8,
 * R-RPT-3), in Simplified Chinese with English subtitles, dates in the company's time zone. COST_ALLOCATION_NOT_FOUND
 * when there is no such share or its complaint is outside the actor's scope; COST_FORM_NOT_AVAILABLE when the party
 * gets no such form.
 */
export const renderCostForm = async (
  deps: Deps,
  ctx: UseCaseContext,
  allocationId: string,
  type: CostFormType,
): Promise<CostForm> => {
  const scope = allocationScopeOf(ctx);
  const ex = deps.db.reader();
  const allocation = await costAllocationRepo.findById(ex, allocationId);
  const complaint = allocation && (await complaintRepo.findById(ex, allocation.complaintId, scope));
  if (!allocation || !complaint) throw new AppError('COST_ALLOCATION_NOT_FOUND');
  const formNo = type === 'transfer' ? allocation.transferFormNo : allocation.deductionNoticeNo;
  if (!formNo) throw new AppError('COST_FORM_NOT_AVAILABLE', { type, partyKind: allocation.partyKind });
  const siblings = await costAllocationRepo.listForComplaint(ex, complaint.id);
  const tz = deps.config.defaultTimeZone;
  const preparedBy = allocation.createdBy ? await userRepo.findById(ex, allocation.createdBy) : undefined;
  const department = allocation.departmentId
    ? await departmentRepo.findById(ex, allocation.departmentId)
    : undefined;
  const html = renderCostFormHtml({
    type,
    formNo,
    allocation,
    complaint: allocationComplaintOf(complaint),
    totalFen: siblings.reduce((a, r) => a + r.amountFen, 0),
    issuedOn: toLocalDateTime(tz, allocation.createdAt).date,
    receivedOn: toLocalDateTime(tz, complaint.receivedAt).date,
    preparedBy: preparedBy?.displayName ?? null,
    departmentName: department?.name ?? null,
  });
  return { formNo, fileName: `${formNo}.html`, html };
};
