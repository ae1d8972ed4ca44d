import {
  decideClassification,
  type ClassificationRecord,
} from '../../domain/classification/classification-record';
import type { ClassificationSuggestion } from '../../domain/classification/suggest-classification';
import type { Complaint, Proposal } from '../../domain/complaint/complaint';
import type { Nature, ResponsibilityStage, Validity } from '../../domain/complaint/complaint-vocabulary';
import type { LifecycleCommand, LifecycleDecision } from '../../domain/complaint/lifecycle-types';
import type { Tx } from '../../db/client';
import type { ComplaintPatch } from '../../db/repos/complaint.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { userRepo } from '../../db/repos/user.repo';
import { AppError } from '../errors/app-error';
import type { ComplaintSettings } from './complaint-settings';

/** A lifecycle command with what it carries (the API's transition body). */
export type TransitionInput =
  | { readonly type: 'triage'; readonly classification: ClassificationInput }
  | { readonly type: 'assign'; readonly departmentId: string; readonly assigneeId: string | null }
  | { readonly type: 'start_investigation' }
  | {
      readonly type: 'propose_solution';
      readonly options: readonly {
        readonly kind: string;
        readonly description: string;
        readonly amountFen: number;
      }[];
      readonly note?: string | undefined;
      readonly requiresApproval: boolean;
      readonly executionWorkingDays?: number | undefined;
    }
  | { readonly type: 'approve_solution' }
  | { readonly type: 'send_to_customer' }
  | {
      readonly type: 'customer_accept';
      readonly executionDueAt: Date;
      readonly terms: string;
      readonly optionIndex?: number | undefined;
    }
  | { readonly type: 'customer_reject'; readonly reason: string }
  | { readonly type: 'start_execution' }
  | { readonly type: 'resolve'; readonly summary: string }
  | { readonly type: 'start_follow_up' }
  | {
      readonly type: 'record_follow_up';
      readonly satisfied: boolean;
      readonly csat: number | null;
      readonly comment?: string | undefined;
    }
  | { readonly type: 'explain'; readonly reason: string }
  | { readonly type: 'declare_not_valid'; readonly reason: string }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'wait_on_customer'; readonly reason: string }
  | { readonly type: 'customer_responded' };

export type ClassificationInput = {
  readonly nature: Nature;
  readonly severity: string;
  readonly major?: boolean | undefined;
  readonly validity: Validity;
  readonly responsibilityStage: ResponsibilityStage;
  readonly misuse: boolean;
  readonly reason?: string | undefined;
};

export const toCommand = (input: TransitionInput): LifecycleCommand => {
  switch (input.type) {
    case 'propose_solution':
      return { type: 'propose_solution', requiresApproval: input.requiresApproval };
    case 'customer_accept':
      return { type: 'customer_accept', executionDueAt: input.executionDueAt };
    case 'record_follow_up':
      return { type: 'record_follow_up', satisfied: input.satisfied };
    case 'triage':
      return { type: 'triage' };
    default:
      return input;
  }
};

const confirmClassification = (
  c: Complaint,
  input: ClassificationInput,
  settings: ComplaintSettings,
  by: string,
  now: Date,
): ClassificationRecord => {
  const decided = decideClassification(
    (c.suggestion as ClassificationSuggestion | null) ?? null,
    {
      nature: input.nature,
      severity: input.severity,
      ...(input.major !== undefined && { major: input.major }),
      ...(input.reason !== undefined && { majorRemovalReason: input.reason }),
      validity: input.validity,
      responsibilityStage: input.responsibilityStage,
      misuse: input.misuse,
    },
    settings.classification.taxonomy,
    by,
    now,
  );
  if (!decided.ok) {
    const { code, ...details } = decided.error;
    throw new AppError(code, details as Record<string, unknown>);
  }
  return decided.value;
};

/** The record fields a command writes besides the lifecycle projection (who, what, when, why). */
export const payloadPatch = async (
  tx: Tx,
  c: Complaint,
  input: TransitionInput,
  decision: LifecycleDecision,
  settings: ComplaintSettings,
  by: string | null,
  now: Date,
): Promise<ComplaintPatch> => {
  const at = now.toISOString();
  switch (input.type) {
    case 'triage': {
      const record = confirmClassification(c, input.classification, settings, by ?? 'system', now);
      return {
        classification: record,
        nature: record.nature,
        severity: record.severity,
        major: record.major,
        validity: record.validity,
      };
    }
    case 'assign': {
      if (!(await departmentRepo.findById(tx, input.departmentId)))
        throw new AppError('DEPARTMENT_NOT_FOUND', { departmentId: input.departmentId });
      if (input.assigneeId) {
        const user = await userRepo.findById(tx, input.assigneeId);
        if (!user || user.status !== 'active')
          throw new AppError('USER_NOT_FOUND', { assigneeId: input.assigneeId });
      }
      return {};
    }
    case 'propose_solution': {
      const proposal: Proposal = {
        options: input.options.map((o) => ({ ...o })),
        note: input.note ?? null,
        requiresApproval: input.requiresApproval,
        executionWorkingDays: input.executionWorkingDays ?? 7,
        approved: false,
        approvedBy: null,
        proposedBy: by ?? 'system',
        proposedAt: at,
        reviewLevel: decision.next.reviewLevel,
      };
      return { proposal };
    }
    case 'approve_solution':
      return c.proposal ? { proposal: { ...c.proposal, approved: true, approvedBy: by } } : {};
    case 'customer_accept': {
      const chosen = input.optionIndex ?? null;
      if (chosen !== null && !c.proposal?.options[chosen]) {
        throw new AppError('TRANSITION_GUARD_FAILED', {
          guard: 'option_exists',
          rule: 'R-RES-7',
          detail: `no option ${chosen}`,
        });
      }
      return {
        agreement: {
          acceptedAt: at,
          executionDueAt: input.executionDueAt.toISOString(),
          terms: input.terms,
          chosenOption: chosen,
          recordedBy: by,
        },
      };
    }
    case 'customer_reject':
      return { proposal: null };
    case 'resolve':
      return { resolution: { summary: input.summary, resolvedAt: at, resolvedBy: by } };
    case 'record_follow_up':
      return {
        followUp: {
          satisfied: input.satisfied,
          csat: input.csat,
          comment: input.comment ?? null,
          recordedAt: at,
          recordedBy: by,
        },
        // A satisfied follow-up closes the loop (R-FUP-3); a dissatisfied one is closed as reopened below.
        ...(input.satisfied ? { closure: { kind: 'closed' as const, reason: null, at, by } } : {}),
      };
    case 'explain':
    case 'declare_not_valid':
    case 'withdraw': {
      const kind =
        input.type === 'explain' ? 'explained' : input.type === 'withdraw' ? 'withdrawn' : 'not_valid';
      return { closure: { kind, reason: input.reason, at, by } };
    }
    default:
      return {};
  }
};
