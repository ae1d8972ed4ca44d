import { err, ok, type Result } from '../shared/result';
import type { RuleHit } from '../shared/rule-hit';
import { addLocalDays, fromLocalDateTime, toLocalDateTime } from '../sla/convert-local-time';
import type { CapaSourceType } from './capa-action';
import type { CapaRefusal } from './decide-capa-step';

export const DISPOSAL_STATUSES = ['published', 'reinvestigating', 'awaiting_ruling', 'final'] as const;
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
  readonly publishedAt: Date;
  readonly objectionUntil: Date;
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

/**
 * R-ESC-3: an objection inside the window of a published decision. The first round's objection sends the decision
 * back to the quality department for re-investigation (`reinvestigating`); an objection to the re-investigated,
 * republished decision goes to the chief engineer's final ruling (`awaiting_ruling`). After the window, or on a
 * decision that is not published, the objection is refused.
 */
export const decideObjection = (
  d: Pick<Disposal, 'status' | 'round' | 'objectionUntil'>,
  now: Date,
): Result<DisposalStep, CapaRefusal> => {
  if (d.status !== 'published') return illegal(d, 'object');
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

/** R-ESC-3: after re-investigation the quality department republishes a new decision for a new window (round 2). */
export const decideRedecision = (d: Pick<Disposal, 'status'>): Result<DisposalStep, CapaRefusal> =>
  d.status === 'reinvestigating'
    ? ok({ next: 'published', rules: [{ rule: 'R-ESC-3', detail: 'republished_after_reinvestigation' }] })
    : illegal(d, 'redecide');

/** R-ESC-3: the chief engineer's ruling on a twice-objected decision is final. */
export const decideRuling = (d: Pick<Disposal, 'status'>): Result<DisposalStep, CapaRefusal> =>
  d.status === 'awaiting_ruling'
    ? ok({ next: 'final', rules: [{ rule: 'R-ESC-3', detail: 'chief_engineer_final_ruling' }] })
    : illegal(d, 'rule');

/** R-ESC-3: a published decision nobody objected to within the window becomes final; `undefined` while it is not due. */
export const decideWindowLapse = (
  d: Pick<Disposal, 'status' | 'objectionUntil'>,
  now: Date,
): DisposalStep | undefined =>
  d.status === 'published' && now.getTime() >= d.objectionUntil.getTime()
    ? { next: 'final', rules: [{ rule: 'R-ESC-3', detail: 'no_objection_within_window' }] }
    : undefined;
