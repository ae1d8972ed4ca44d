import type { Complaint } from '../../domain/complaint/complaint';
import type { ComplaintStatus } from '../../domain/complaint/complaint-status';
import type { Demand, Injury } from '../../domain/complaint/complaint-vocabulary';
import type { LifecycleActor } from '../../domain/complaint/lifecycle-types';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import { computeDueAt } from '../../domain/sla/compute-due-at';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { userRepo } from '../../db/repos/user.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { hitRateLimit, hitRateLimits } from '../platform/hit-rate-limit';
import { sha256Hex } from '../secrets';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import { PORTAL_ACTOR } from '../complaints/lifecycle-actor';
import { registerComplaint } from '../complaints/register-complaint';
import { transitionComplaint } from '../complaints/transition-complaint';

/** How the customer identifies a complaint: the tracking token, or the number with the last 4 phone digits. */
export type PortalKey = { readonly token: string } | { readonly number: string; readonly phoneLast4: string };

export type PortalSubmission = {
  readonly customer: {
    readonly name: string;
    readonly phone: string;
    readonly email?: string | null | undefined;
    readonly locale?: 'zh-CN' | 'en' | undefined;
  };
  readonly product: {
    readonly name?: string | null | undefined;
    readonly code?: string | null | undefined;
    readonly batchNo?: string | null | undefined;
    readonly purchaseDate?: string | null | undefined;
    readonly purchasePlace?: string | null | undefined;
  };
  readonly problem: { readonly description: string; readonly occurredAt?: Date | null | undefined };
  readonly demands: readonly Demand[];
  readonly injury: Injury;
  /** Fields of the active preset the customer can give (e.g. the VIN on a car's registration). */
  readonly customFields?: Readonly<Record<string, string | number | boolean | null>> | undefined;
};

/** What a customer sees: no internal notes, no staff names, no other customers (issue 3 §6). */
export type PortalView = {
  readonly number: string;
  readonly status: ComplaintStatus;
  readonly receivedAt: Date;
  readonly productName: string | null;
  readonly milestones: readonly { readonly event: string; readonly at: string }[];
  readonly handler: string | null;
  readonly proposal: {
    readonly options: readonly { readonly description: string; readonly amountFen: number }[];
    readonly note: string | null;
  } | null;
  readonly agreement: { readonly executionDueAt: string; readonly terms: string } | null;
  readonly resolution: string | null;
  readonly closure: {
    readonly kind: string;
    readonly reason: string | null;
    readonly reopenedAs: string | null;
  } | null;
  readonly canAnswer: boolean;
  readonly canRate: boolean;
};

const CUSTOMER_MILESTONES = [
  'received',
  'registered',
  'acknowledged',
  'assigned',
  'sent_to_customer',
  'customer_accepted',
  'customer_rejected',
  'resolved',
  'follow_up_recorded',
  'closed',
  'explained',
  'declared_not_valid',
  'withdrawn',
  'reopened',
];

/** A staff name as the customer sees it: the family name and stars (王**). */
const maskStaffName = (name: string): string => `${[...name][0] ?? ''}**`;

const toView = async (deps: Deps, c: Complaint): Promise<PortalView> => {
  const handler = c.assigneeId ? await userRepo.findById(deps.db.reader(), c.assigneeId) : undefined;
  return {
    number: c.number,
    status: c.status,
    receivedAt: c.receivedAt,
    productName: c.product.name,
    milestones: CUSTOMER_MILESTONES.filter((e) => c.eventTimes[e])
      .map((e) => ({ event: e, at: c.eventTimes[e] ?? '' }))
      .sort((a, b) => a.at.localeCompare(b.at)),
    handler: handler ? maskStaffName(handler.displayName) : null,
    proposal:
      c.status === 'awaiting_customer' && c.proposal
        ? {
            options: c.proposal.options.map((o) => ({ description: o.description, amountFen: o.amountFen })),
            note: c.proposal.note,
          }
        : null,
    agreement: c.agreement ? { executionDueAt: c.agreement.executionDueAt, terms: c.agreement.terms } : null,
    resolution: c.resolution?.summary ?? null,
    closure: c.closure
      ? {
          kind: c.closure.kind,
          reason: c.closure.kind === 'explained' || c.closure.kind === 'not_valid' ? c.closure.reason : null,
          reopenedAs: c.closure.reopenedAs ?? null,
        }
      : null,
    canAnswer: c.status === 'awaiting_customer',
    canRate: c.status === 'resolved' || c.status === 'follow_up',
  };
};

/**
 * Finds the complaint for a portal key. A wrong number, a wrong phone and a wrong token all get the same answer
 * (PORTAL_COMPLAINT_NOT_FOUND), and look-ups are rate-limited per address and per number, so the portal cannot be
 * used to find out whose complaint exists or to guess the 4 digits.
 */
const findByKey = async (deps: Deps, key: PortalKey, ip: string): Promise<Complaint> => {
  const ex = deps.db.reader();
  if ('token' in key) {
    await hitRateLimit(deps, `portal:lookup:ip:${ip}`, 30, 60);
    const found =
      key.token.length >= 16 ? await complaintRepo.findByTrackingHash(ex, sha256Hex(key.token)) : undefined;
    if (!found) throw new AppError('PORTAL_COMPLAINT_NOT_FOUND');
    return found;
  }
  const number = key.number.trim().toUpperCase();
  await hitRateLimits(deps, [
    { key: `portal:lookup:ip:${ip}`, limit: 30, windowSeconds: 60 },
    { key: `portal:lookup:number:${number}`, limit: 10, windowSeconds: 3600 },
  ]);
  const found = await complaintRepo.findByNumber(ex, number);
  const digits = found?.customer.phone ? normaliseCustomerPhone(found.customer.phone) : null;
  if (!found || !digits || !digits.endsWith(key.phoneLast4)) throw new AppError('PORTAL_COMPLAINT_NOT_FOUND');
  return found;
};

const portalContext = (ip: string): UseCaseContext => ({
  actor: { kind: 'anonymous' },
  requestId: `portal:${ip}`,
});

/**
 * A customer submits a complaint on the public portal (R-INT-1). Rate-limited per address and per phone; the
 * answer is the number and the tracking token (R-INT-2). The same process as any other channel follows.
 */
export const submitPortalComplaint = async (
  deps: Deps,
  input: PortalSubmission,
  ip: string,
  ctx: UseCaseContext = portalContext(ip),
): Promise<{ number: string; trackingToken: string }> => {
  const phone = normaliseCustomerPhone(input.customer.phone) ?? input.customer.phone;
  await hitRateLimits(deps, [
    { key: `portal:submit:ip:${ip}`, limit: 20, windowSeconds: 3600 },
    { key: `portal:submit:phone:${phone}`, limit: 5, windowSeconds: 86_400 },
  ]);
  const settings = await loadComplaintSettings(deps.db);
  const code = settings.intake.portalDepartmentCode;
  const intakeDepartment = code ? await departmentRepo.findByCode(deps.db.reader(), code) : undefined;
  const result = await registerComplaint(
    deps,
    ctx,
    {
      kind: 'complaint',
      channel: 'portal',
      receivedOutsideCustomerService: false,
      customer: { ...input.customer, type: 'consumer' },
      product: input.product,
      problem: { ...input.problem, scope: 'single_unit' },
      demands: input.demands,
      injury: input.injury,
      flags: [],
      customFields: input.customFields ?? {},
    },
    PORTAL_ACTOR,
    // Customer service owns what the portal receives (its agents see it in their department scope).
    { intakeDepartmentId: intakeDepartment?.id ?? null, reporterId: null, customerSubmitted: true },
  );
  return { number: result.complaint.number, trackingToken: result.trackingToken };
};

export const trackPortalComplaint = async (deps: Deps, key: PortalKey, ip: string): Promise<PortalView> =>
  toView(deps, await findByKey(deps, key, ip));

/**
 * The customer accepts or rejects the proposed solution (R-RES-7). Acceptance fixes the execution date from the
 * proposal's working days on the business calendar; rejection sends it to re-review (R-ESC-2).
 */
export const answerPortalSolution = async (
  deps: Deps,
  key: PortalKey,
  answer: { decision: 'accept'; optionIndex?: number | undefined } | { decision: 'reject'; reason: string },
  ip: string,
): Promise<PortalView> => {
  const c = await findByKey(deps, key, ip);
  if (c.status !== 'awaiting_customer' || !c.proposal)
    throw new AppError('PORTAL_ACTION_NOT_AVAILABLE', { status: c.status });
  const ctx = portalContext(ip);
  if (answer.decision === 'accept') {
    const settings = await loadComplaintSettings(deps.db);
    const now = deps.clock.now();
    const due = computeDueAt(
      now,
      { mode: 'working_days', days: c.proposal.executionWorkingDays ?? 7 },
      settings.calendar,
      [],
      now,
    );
    const chosen = answer.optionIndex !== undefined ? c.proposal.options[answer.optionIndex] : undefined;
    if (answer.optionIndex !== undefined && !chosen)
      throw new AppError('PORTAL_ACTION_NOT_AVAILABLE', { optionIndex: answer.optionIndex });
    const terms = chosen ? chosen.description : c.proposal.options.map((o) => o.description).join('；');
    await transitionComplaint(
      deps,
      ctx,
      c.id,
      { type: 'customer_accept', executionDueAt: due.dueAt, terms, optionIndex: answer.optionIndex },
      { portalActor: PORTAL_ACTOR },
    );
  } else {
    await transitionComplaint(
      deps,
      ctx,
      c.id,
      { type: 'customer_reject', reason: answer.reason },
      { portalActor: PORTAL_ACTOR },
    );
  }
  return toView(deps, (await complaintRepo.findById(deps.db.reader(), c.id)) as Complaint);
};

const FOLLOW_UP_ACTOR: LifecycleActor = {
  ...PORTAL_ACTOR,
  permissions: new Set([...PORTAL_ACTOR.permissions, 'complaint.follow_up']),
};

/**
 * The customer rates the outcome (R-FUP-2, R-FUP-3): satisfied closes the complaint; not satisfied reopens it as
 * a new linked form that runs the process again.
 */
export const ratePortalComplaint = async (
  deps: Deps,
  key: PortalKey,
  rating: { satisfied: boolean; csat: number; comment?: string | undefined },
  ip: string,
): Promise<PortalView> => {
  const c = await findByKey(deps, key, ip);
  if (c.status !== 'resolved' && c.status !== 'follow_up')
    throw new AppError('PORTAL_ACTION_NOT_AVAILABLE', { status: c.status });
  const ctx = portalContext(ip);
  if (c.status === 'resolved')
    await transitionComplaint(deps, ctx, c.id, { type: 'start_follow_up' }, { portalActor: FOLLOW_UP_ACTOR });
  await transitionComplaint(
    deps,
    ctx,
    c.id,
    { type: 'record_follow_up', satisfied: rating.satisfied, csat: rating.csat, comment: rating.comment },
    { portalActor: FOLLOW_UP_ACTOR },
  );
  return toView(deps, (await complaintRepo.findById(deps.db.reader(), c.id)) as Complaint);
};
