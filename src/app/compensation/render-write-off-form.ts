import { PARTY_KIND_LABELS, type CostAllocation } from '../../domain/compensation/allocate-cost';
import {
  APPROVER_ROLE_LABELS,
  COMPENSATION_KIND_LABELS,
} from '../../domain/compensation/compensation-labels';
import type { ApproverRole, CompensationKind } from '../../domain/compensation/compensation-policy';
import { decideWriteOff } from '../../domain/compensation/decide-write-off';
import { formatYuanInWords } from '../../domain/compensation/format-yuan-in-words';
import { formatYuan } from '../../domain/compensation/legal-remedies';
import type { Complaint } from '../../domain/complaint/complaint';
import { maskAddress } from '../../domain/reference/mask-address';
import { maskPhone } from '../../domain/shared/mask-personal-data';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import type { ComplaintScope } from '../../db/repos/complaint.repo';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { proposalRepo, signatureRepo, taskRepo, type TaskRow } from '../../db/repos/compensation.repo';
import { costAllocationRepo } from '../../db/repos/cost-allocation.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { userRepo } from '../../db/repos/user.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import type { CostForm } from './render-cost-form';
import { esc, printedPage, row, signature } from './printed-form';

/** One carried-out task as the form lists it. */
export type WriteOffLine = {
  readonly optionKind: string;
  readonly amountFen: number;
  readonly reference: string | null;
  readonly doneOn: string | null;
  readonly doneBy: string | null;
};

/** One electronic signature of the approved proposal (R-APR-2), as printed. */
export type WriteOffApproval = {
  readonly role: string;
  readonly signerName: string;
  readonly onBehalfOfName: string | null;
  readonly signedAt: string;
};

/** What the form prints of the complaint. */
export type WriteOffComplaint = {
  readonly number: string;
  readonly customerName: string;
  readonly product: Pick<Complaint['product'], 'name' | 'model' | 'code' | 'batchNo' | 'purchaseDate'>;
  readonly description: string;
  readonly agreement: { readonly terms: string; readonly acceptedAt: string } | null;
  readonly outcome: string | null;
};

export type WriteOffFormData = {
  readonly writeOffNo: string;
  readonly issuedOn: string;
  readonly complaint: WriteOffComplaint;
  readonly receivedOn: string;
  readonly departmentName: string | null;
  /** Phone and address as the viewer may see them (R-SEC-1). */
  readonly customerPhone: string | null;
  readonly customerAddress: string | null;
  readonly proposalVersion: number;
  readonly proposalHash: string;
  readonly lines: readonly WriteOffLine[];
  readonly amountFen: number;
  readonly allocations: readonly CostAllocation[];
  readonly approvals: readonly WriteOffApproval[];
  readonly preparedBy: string | null;
};

const kindLabel = (kind: string): string => {
  const label = COMPENSATION_KIND_LABELS[kind as CompensationKind];
  return label ? `${esc(label['zh-CN'])}<br><span class="en">${esc(label.en)}</span>` : esc(kind);
};

const listTable = (head: readonly [string, string][], rows: readonly string[][]): string =>
  `<table class="list"><tr>${head.map(([zh, en]) => `<th>${zh}<br><span class="en">${en}</span></th>`).join('')}</tr>${rows
    .map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table>`;

const borneBy = (allocations: readonly CostAllocation[]): string =>
  allocations.length === 0
    ? '公司承担（未分摊）<br><span class="en">Borne by the company (not allocated)</span>'
    : allocations
        .map(
          (a) =>
            `${esc(a.partyName)}（${esc(PARTY_KIND_LABELS[a.partyKind]['zh-CN'])}）${esc(formatYuan(a.amountFen))}${a.transferFormNo ? ` · ${esc(a.transferFormNo)}` : ''}`,
        )
        .join('<br>');

/**
 * The printable 产品质量处理核销申报表 (seed 004 售后服务程序, R-RPT-3): Simplified Chinese with English subtitles,
 * what was carried out with its vouchers, the amount to write off in figures and in words (人民币大写), who bears
 * it (R-RES-8), and the electronic approvals it rests on (R-APR-1, R-APR-2); all text escaped.
 */
export const renderWriteOffFormHtml = (d: WriteOffFormData): string => {
  const c = d.complaint;
  const product = [c.product.name, c.product.model, c.product.code].filter((x) => x).join(' / ');
  const customer = [esc(c.customerName), esc(d.customerPhone), esc(d.customerAddress)]
    .filter((x) => x)
    .join('<br>');
  const agreement = c.agreement
    ? `${esc(c.agreement.terms)}<br><span class="en">accepted ${esc(c.agreement.acceptedAt.slice(0, 10))}</span>`
    : '—';
  const facts = [
    row('投诉单号', 'Complaint no.', esc(c.number)),
    row('受理日期', 'Received on', esc(d.receivedOn)),
    ...(d.departmentName ? [row('申报部门', 'Department', esc(d.departmentName))] : []),
    row('顾客', 'Customer', customer),
    row('产品', 'Product', esc(product) || '—'),
    row(
      '批号 / 购买日期',
      'Batch / purchased',
      `${esc(c.product.batchNo) || '—'} / ${esc(c.product.purchaseDate) || '—'}`,
    ),
    row('质量问题', 'Problem', esc(c.description)),
    row('双方协议', 'Agreement with the customer', agreement),
    ...(c.outcome ? [row('处理结果', 'Outcome', esc(c.outcome))] : []),
  ];
  const lines = listTable(
    [
      ['处理方式', 'Solution'],
      ['金额', 'Amount'],
      ['凭证号 / 单号', 'Voucher / waybill'],
      ['完成日期', 'Done on'],
      ['经办人', 'Done by'],
    ],
    d.lines.map((l) => [
      kindLabel(l.optionKind),
      esc(formatYuan(l.amountFen)),
      esc(l.reference) || '—',
      esc(l.doneOn) || '—',
      esc(l.doneBy) || '—',
    ]),
  );
  const money = [
    row(
      '申请核销金额',
      'Amount to write off',
      `<span class="amount">${esc(formatYuan(d.amountFen))}</span><br>${esc(formatYuanInWords(d.amountFen))}`,
    ),
    row('费用承担', 'Borne by (R-RES-8)', borneBy(d.allocations)),
    row('依据方案', 'Approved proposal', `v${d.proposalVersion} · ${esc(d.proposalHash.slice(0, 16))}…`),
  ];
  const approvals = listTable(
    [
      ['审批环节', 'Step'],
      ['电子签名', 'Signed by'],
      ['时间', 'Signed at'],
    ],
    d.approvals.map((a) => {
      const role = APPROVER_ROLE_LABELS[a.role as ApproverRole];
      return [
        role ? `${esc(role['zh-CN'])}<br><span class="en">${esc(role.en)}</span>` : esc(a.role),
        `${esc(a.signerName)}${a.onBehalfOfName ? `（代 ${esc(a.onBehalfOfName)}）` : ''}`,
        esc(a.signedAt),
      ];
    }),
  );
  return printedPage({
    titleZh: '产品质量处理核销申报表',
    titleEn: 'Product Quality Settlement Write-off Application',
    formNo: d.writeOffNo,
    date: d.issuedOn,
    intro:
      '下列产品质量问题已按审批通过的方案处理完毕，现将顾客资料与处理凭证附后，申请核销处理费用。<br><span class="en">The product quality problem below was settled as the approved proposal laid down; the customer’s documents and the vouchers are attached, and the cost is submitted for write-off.</span>',
    body: [
      `<table>${facts.join('')}</table>`,
      '<h3>处理明细 <span class="en">Carried out (R-RES-9)</span></h3>',
      lines,
      `<table>${money.join('')}</table>`,
      '<h3>审批记录 <span class="en">Electronic approvals (R-APR-1, R-APR-2)</span></h3>',
      approvals,
    ],
    signatures: [
      signature('申报人', 'Applicant'),
      signature('部门负责人', 'Head of department'),
      signature('财务核销', 'Finance'),
      signature('总经理', 'General manager'),
    ],
    preparedBy: d.preparedBy,
  });
};

/** How far compensation.execute reaches (R-SEC-1). Throws FORBIDDEN without the permission. */
const writeOffScopeOf = (ctx: UseCaseContext): ComplaintScope => {
  const scope = assertPermission(ctx.actor, 'compensation.execute');
  if (scope.kind === 'all' || ctx.actor.kind !== 'user') return { kind: 'all' };
  return { kind: 'departments', departmentIds: scope.departmentIds, userId: ctx.actor.userId };
};

/** `2026-03-06 10:05` on the wall clock of `timeZone`. */
const localMinute = (timeZone: string, at: Date): string => {
  const local = toLocalDateTime(timeZone, at);
  const minutes = Math.floor(local.msOfDay / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${local.date} ${hh}:${String(minutes % 60).padStart(2, '0')}`;
};

const namesOf = async (deps: Deps, ids: readonly (string | null)[]): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (const id of new Set(ids.filter((x): x is string => x !== null))) {
    const u = await userRepo.findById(deps.db.reader(), id);
    if (u) names.set(id, u.displayName);
  }
  return names;
};

/**
 * The 产品质量处理核销申报表 of a complaint's approved proposal once its agreed solution is carried out (numbered then,
 * see `numberWriteOffIfReady`). COMPLAINT_NOT_FOUND outside the actor's scope; WRITE_OFF_FORM_NOT_READY with
 * `details.reason` (not_approved, tasks_open, nothing_carried_out) and the rule ids otherwise. Personal data is
 * masked for viewers without pii.reveal (R-SEC-1).
 */
export const renderWriteOffForm = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<CostForm> => {
  const scope = writeOffScopeOf(ctx);
  const ex = deps.db.reader();
  const complaint = await complaintRepo.findById(ex, complaintId, scope);
  if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
  const proposals = await proposalRepo.listByComplaint(ex, complaint.id);
  const proposal = proposals.find((p) => p.status === 'approved') ?? proposals[0];
  const tasks: TaskRow[] = proposal
    ? (await taskRepo.listByComplaint(ex, complaint.id)).filter((t) => t.proposalId === proposal.id)
    : [];
  if (!proposal?.writeOffNo || !proposal.writeOffAt) {
    const decision = decideWriteOff(proposal?.status ?? 'none', tasks);
    throw new AppError('WRITE_OFF_FORM_NOT_READY', {
      reason: decision.ready ? 'tasks_open' : decision.reason,
      openTasks: decision.ready ? 0 : decision.openTasks,
      rules: decision.rules.map((r) => r.rule),
    });
  }
  const tz = deps.config.defaultTimeZone;
  const day = (d: Date | null) => (d ? toLocalDateTime(tz, d).date : null);
  const done = tasks.filter((t) => t.status === 'done');
  const names = await namesOf(
    deps,
    done.map((t) => t.doneBy),
  );
  const signatures = await signatureRepo.listByProposals(ex, [proposal.id]);
  const department = complaint.departmentId
    ? await departmentRepo.findById(ex, complaint.departmentId)
    : undefined;
  const reveal =
    ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ctx.actor.grants.has('pii.reveal'));
  const { phone, address } = complaint.customer;
  const html = renderWriteOffFormHtml({
    writeOffNo: proposal.writeOffNo,
    issuedOn: toLocalDateTime(tz, proposal.writeOffAt).date,
    complaint: {
      number: complaint.number,
      customerName: complaint.customer.name,
      product: complaint.product,
      description: complaint.problem.description,
      agreement: complaint.agreement,
      outcome: complaint.resolution?.summary ?? null,
    },
    receivedOn: toLocalDateTime(tz, complaint.receivedAt).date,
    departmentName: department?.name ?? null,
    customerPhone: phone && (reveal ? phone : maskPhone(phone)),
    customerAddress: address && (reveal ? address : maskAddress(address)),
    proposalVersion: proposal.version,
    proposalHash: proposal.contentHash,
    lines: done.map((t) => ({
      optionKind: t.optionKind,
      amountFen: t.amountFen,
      reference: t.reference,
      doneOn: day(t.doneAt),
      doneBy: t.doneBy ? (names.get(t.doneBy) ?? null) : null,
    })),
    amountFen: done.reduce((sum, t) => sum + t.amountFen, 0),
    allocations: await costAllocationRepo.listForComplaint(ex, complaint.id),
    approvals: signatures
      .filter((s) => s.meaning === 'approve' && s.proposalVersion === proposal.version)
      .map((s) => ({
        role: s.role,
        signerName: s.signerName,
        onBehalfOfName: s.onBehalfOfName,
        signedAt: localMinute(tz, s.signedAt),
      })),
    preparedBy: ctx.actor.kind === 'user' ? ctx.actor.displayName : null,
  });
  return { formNo: proposal.writeOffNo, fileName: `${proposal.writeOffNo}.html`, html };
};
