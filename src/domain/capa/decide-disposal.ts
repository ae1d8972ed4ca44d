import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import { addLocalDays, fromLocalDateTime, toLocalDateTime } from '../sla/convert-local-time';
import type { CapaSourceType } from './capa-action';
import type { CapaRefusal } from './decide-capa-step';

/**
 * The lifecycle of a 《不合格品处置和评审单》 (seed 004 §3.3, R-ESC-3):
 * - `awaiting_approval` — the quality department's decision waits for the chief engineer; no objection window yet;
 *   he approves it → `published`, or returns it → `returned`, which quality edits and resubmits → `awaiting_approval`;
 * - `published` — open to objections for the window; none → `final`; the first → `reinvestigating`, whose new
 *   decision goes back to `awaiting_approval` for round 2; an objection in round 2 → `awaiting_ruling` → `final`.
 */
export const DISPOSAL_STATUSES = [
  'awaiting_approval',
  'returned',
  'published',
  'reinvestigating',
  'awaiting_ruling',
  'final',
] as const;
export type DisposalStatus = (typeof DISPOSAL_STATUSES)[number];

/** The re-investigation of the quality department after a first objection, with the new decision it published. */
export type DisposalReinvestigation = {
  readonly findings: string;
  readonly newDecision: string;
  readonly by: string | null;
  readonly at: string;
};

export type DisposalObjection = {
  readonly round: number;
  readonly reason: string;
  readonly by: string | null;
  readonly byName: string | null;
  readonly at: string;
  /** The decision the objection was raised against. */
  readonly decisionObjected: string;
  readonly reinvestigation: DisposalReinvestigation | null;
};

export type DisposalRuling = {
  readonly decision: string;
  readonly reasoning: string;
  readonly by: string | null;
  readonly byName: string | null;
  readonly at: string;
};

/** The chief engineer's approval of a round's decision before it is published (R-ESC-3, "经总工程师批准后"). */
export type DisposalApproval = {
  readonly round: number;
  /** The decision approved and published. */
  readonly decision: string;
  readonly note: string | null;
  readonly by: string | null;
  readonly byName: string | null;
  readonly at: string;
};

/** The chief engineer sent a decision back to the quality department instead of approving it (R-ESC-3). */
export type DisposalReturn = {
  readonly round: number;
  readonly reason: string;
  /** The decision that was returned. */
  readonly decisionReturned: string;
  readonly by: string | null;
  readonly byName: string | null;
  readonly at: string;
};

/** 《不合格品处置和评审单》 (seed 004 §3.3): a disposal decision published for objections (R-ESC-3). */
export type Disposal = {
  readonly id: string;
  readonly number: string;
  readonly sourceType: CapaSourceType;
  readonly sourceId: string | null;
  readonly nonconformity: string | null;
  readonly decision: string;
  readonly status: DisposalStatus;
  readonly round: number;
  /** When the chief engineer approved the current round's decision; null while it awaits his approval. */
  readonly publishedAt: Date | null;
  /** End of the current round's objection window; null until the round is approved and published. */
  readonly objectionUntil: Date | null;
  /** One per approved round, in order. */
  readonly approvals: readonly DisposalApproval[];
  readonly returns: readonly DisposalReturn[];
  readonly objections: readonly DisposalObjection[];
  readonly ruling: DisposalRuling | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly version: number;
};

export type DisposalStep = {
  readonly next: DisposalStatus;
  readonly rules: readonly RuleHit[];
};

const illegal = (d: Pick<Disposal, 'status'>, step: string): Result<never, CapaRefusal> =>
  err({ code: 'DISPOSAL_ILLEGAL_TRANSITION', details: { status: d.status, step } });

/**
 * The end of the objection window (R-ESC-3, "公示时间一般为一周"): midnight at the end of the `windowDays`-th calendar
 * day after the day of publication, in the company's time zone — published on Monday 5 May at 10:00 with 7 days,
 * objections are taken until Monday 12 May 24:00. Objections at or after this instant are refused.
 */
export const computeObjectionUntil = (publishedAt: Date, timeZone: string, windowDays: number): Date =>
  fromLocalDateTime(
    timeZone,
    addLocalDays(toLocalDateTime(timeZone, publishedAt).date, windowDays),
    86_400_000,
  );

/** R-ESC-3: a decision written by the quality department waits for the chief engineer before anyone sees it. */
export const decideSubmission = (): DisposalStep => ({
  next: 'awaiting_approval',
  rules: [{ rule: 'R-ESC-3', detail: 'awaiting_chief_engineer_approval' }],
});

export type DisposalPublication = DisposalStep & {
  readonly publishedAt: Date;
  readonly objectionUntil: Date;
};

/**
 * R-ESC-3 ("经总工程师批准后…公示"): the chief engineer approves the decision waiting for him and it is published at
 * once — the objection window (`windowDays`, see {@link computeObjectionUntil}) starts at his approval, in round 1 as
 * in round 2 after a re-investigation. Any other status is refused, and so is the author of the decision (who wrote
 * it or its re-investigation): the approval is a second person's.
 */
export const decideApproval = (
  d: Pick<Disposal, 'status' | 'createdBy' | 'objections'>,
  ctx: {
    readonly now: Date;
    readonly timeZone: string;
    readonly windowDays: number;
    /** Who approves: never the author of the decision (four eyes). */
    readonly approverId: string | null;
  },
): Result<DisposalPublication, CapaRefusal> => {
  const authors = [d.createdBy, ...d.objections.map((o) => o.reinvestigation?.by ?? null)];
  if (d.status === 'awaiting_approval' && ctx.approverId !== null && authors.includes(ctx.approverId))
    return err({ code: 'DISPOSAL_SELF_APPROVAL', details: { rule: 'R-ESC-3', detail: 'four_eyes' } });
  return d.status === 'awaiting_approval'
    ? ok({
        next: 'published',
        publishedAt: ctx.now,
        objectionUntil: computeObjectionUntil(ctx.now, ctx.timeZone, ctx.windowDays),
        rules: [
          { rule: 'R-ESC-3', detail: 'chief_engineer_approved_publication' },
          { rule: 'R-ESC-3', detail: `published_${ctx.windowDays}_days` },
        ],
      })
    : illegal(d, 'approve');
};

/** R-ESC-3: instead of approving, the chief engineer returns the decision to the quality department (`returned`). */
export const decideReturn = (d: Pick<Disposal, 'status'>): Result<DisposalStep, CapaRefusal> =>
  d.status === 'awaiting_approval'
    ? ok({ next: 'returned', rules: [{ rule: 'R-ESC-3', detail: 'chief_engineer_returned_to_quality' }] })
    : illegal(d, 'return');

/** R-ESC-3: the quality department resubmits a returned decision, edited, for the chief engineer's approval. */
export const decideResubmission = (d: Pick<Disposal, 'status'>): Result<DisposalStep, CapaRefusal> =>
  d.status === 'returned'
    ? ok({ next: 'awaiting_approval', rules: [{ rule: 'R-ESC-3', detail: 'resubmitted_for_approval' }] })
    : illegal(d, 'resubmit');

/**
 * R-ESC-3: an objection inside the window of a published decision. The first round's objection sends the decision
 * back to the quality department for re-investigation (`reinvestigating`); an objection to the re-investigated,
 * republished decision goes to the chief engineer's final ruling (`awaiting_ruling`). Before the chief engineer has
 * approved the decision (`awaiting_approval`, `returned`) there is nothing published to object to:
 * DISPOSAL_APPROVAL_REQUIRED. After the window, or in any other status, the objection is refused.
 */
export const decideObjection = (
  d: Pick<Disposal, 'status' | 'round' | 'objectionUntil'>,
  now: Date,
): Result<DisposalStep, CapaRefusal> => {
  if (d.status === 'awaiting_approval' || d.status === 'returned')
    return err({ code: 'DISPOSAL_APPROVAL_REQUIRED', details: { rule: 'R-ESC-3', status: d.status } });
  if (d.status !== 'published' || !d.objectionUntil) return illegal(d, 'object');
  if (now.getTime() >= d.objectionUntil.getTime())
    return err({
      code: 'DISPOSAL_OBJECTION_WINDOW_CLOSED',
      details: { rule: 'R-ESC-3', objectionUntil: d.objectionUntil.toISOString() },
    });
  return d.round === 1
    ? ok({ next: 'reinvestigating', rules: [{ rule: 'R-ESC-3', detail: 'first_objection_reinvestigate' }] })
    : ok({
        next: 'awaiting_ruling',
        rules: [{ rule: 'R-ESC-3', detail: 'second_objection_chief_engineer_rules' }],
      });
};

/**
 * R-ESC-3: after re-investigation the quality department writes a new decision (round 2); like the first, it waits for
 * the chief engineer's approval before its new window starts.
 */
export const decideRedecision = (d: Pick<Disposal, 'status'>): Result<DisposalStep, CapaRefusal> =>
  d.status === 'reinvestigating'
    ? ok({
        next: 'awaiting_approval',
        rules: [{ rule: 'R-ESC-3', detail: 'reinvestigated_awaiting_chief_engineer_approval' }],
      })
    : illegal(d, 'redecide');

/** R-ESC-3: the chief engineer's ruling on a twice-objected decision is final. */
export const decideRuling = (d: Pick<Disposal, 'status'>): Result<DisposalStep, CapaRefusal> =>
  d.status === 'awaiting_ruling'
    ? ok({ next: 'final', rules: [{ rule: 'R-ESC-3', detail: 'chief_engineer_final_ruling' }] })
    : illegal(d, 'rule');

/**
 * R-ESC-3: a published decision nobody objected to within the window becomes final; `undefined` while it is not due,
 * and always for a decision the chief engineer has not approved yet (its window has not started).
 */
export const decideWindowLapse = (
  d: Pick<Disposal, 'status' | 'objectionUntil'>,
  now: Date,
): DisposalStep | undefined =>
  d.status === 'published' && d.objectionUntil !== null && now.getTime() >= d.objectionUntil.getTime()
    ? { next: 'final', rules: [{ rule: 'R-ESC-3', detail: 'no_objection_within_window' }] }
    : undefined;
