import type { z } from 'zod';
import type { ComplaintDetail } from '../../app/complaints/get-complaint';
import type { Actor } from '../../domain/identity/actor';
import type { Complaint } from '../../domain/complaint/complaint';
import { maskEmail, maskPhone } from '../../domain/shared/mask-personal-data';
import type {
  ZComplaintSummaryView,
  ZComplaintView,
  ZCommunicationView,
  ZDeadlineView,
} from '../../contracts/complaint.contract';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Customer contact details are personal data (R-SEC-1): masked for viewers without pii.reveal. */
const canReveal = (viewer: Actor): boolean =>
  viewer.kind === 'system' || (viewer.kind === 'user' && viewer.grants.has('pii.reveal'));

const maskAddress = (address: string): string => {
  const chars = [...address];
  return chars.length <= 6 ? '***' : `${chars.slice(0, 6).join('')}***`;
};

export const presentComplaintSummary = (
  c: Complaint,
  viewer: Actor,
): z.infer<typeof ZComplaintSummaryView> => {
  const reveal = canReveal(viewer);
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    customerName: c.customer.name,
    customerPhone: c.customer.phone && (reveal ? c.customer.phone : maskPhone(c.customer.phone)),
    productName: c.product.name,
    batchNo: c.product.batchNo,
    severity: c.severity,
    nature: c.nature,
    major: c.major,
    injury: c.injury,
    departmentId: c.departmentId,
    assigneeId: c.assigneeId,
    nextDueAt: iso(c.nextDueAt),
    breached: c.breached,
    escalationLevel: c.escalationLevel,
    version: c.version,
  };
};

export const presentDeadline = (d: ComplaintDetail['deadlines'][number]): z.infer<typeof ZDeadlineView> => ({
  kind: d.kind,
  label: d.label,
  state: d.state,
  startedAt: d.startedAt.toISOString(),
  dueAt: d.dueAt.toISOString(),
  warnAt: d.warnAt.toISOString(),
  opensAt: iso(d.opensAt),
  metAt: iso(d.metAt),
  breachedAt: iso(d.breachedAt),
  provisional: d.provisional,
  rules: d.rules.map((r) => ({ rule: r.rule, ...(r.detail !== undefined && { detail: r.detail }) })),
});

/** The complaint as the viewer may see it, with its clocks and the actions the domain allows this viewer now. */
export const presentComplaint = (detail: ComplaintDetail, viewer: Actor): z.infer<typeof ZComplaintView> => {
  const c = detail.complaint;
  const reveal = canReveal(viewer);
  return {
    ...presentComplaintSummary(c, viewer),
    registeredAt: iso(c.registeredAt),
    reporterId: c.reporterId,
    intakeDepartmentId: c.intakeDepartmentId,
    customer: {
      ...c.customer,
      phone: c.customer.phone && (reveal ? c.customer.phone : maskPhone(c.customer.phone)),
      email: c.customer.email && (reveal ? c.customer.email : maskEmail(c.customer.email)),
      address: c.customer.address && (reveal ? c.customer.address : maskAddress(c.customer.address)),
    },
    product: { ...c.product },
    problem: { ...c.problem, occurredAt: iso(c.problem.occurredAt) },
    demands: [...c.demands],
    claimedAmountFen: c.claimedAmountFen,
    flags: [...c.flags],
    customFields: { ...c.customFields },
    suggestion: c.suggestion,
    classification: c.classification,
    validity: c.validity,
    reviewLevel: c.reviewLevel,
    waitingOnCustomer: c.waitingOnCustomer,
    proposal: c.proposal,
    agreement: c.agreement,
    resolution: c.resolution,
    followUp: c.followUp,
    closure: c.closure,
    linkedFromId: c.linkedFromId,
    duplicateOfId: c.duplicateOfId,
    deadlines: detail.deadlines.map(presentDeadline),
    allowedActions: [...detail.allowedActions],
    assigneeName: detail.assigneeName,
    departmentName: detail.departmentName,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
};

export const presentCommunication = (m: {
  id: string;
  at: Date;
  channel: string;
  direction: string;
  summary: string;
  nextStep: string | null;
  contactPerson: string | null;
  createdBy: string | null;
}): z.infer<typeof ZCommunicationView> => ({
  ...m,
  at: m.at.toISOString(),
  direction: m.direction === 'inbound' ? 'inbound' : 'outbound',
});
