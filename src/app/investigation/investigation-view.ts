import type { Complaint } from '../../domain/complaint/complaint';
import {
  decideInvestigationEffects,
  type InvestigationEffects,
} from '../../domain/investigation/decide-investigation-effects';
import {
  EVIDENCE_ITEM_KINDS,
  PENDING_ITEM,
  canEditInvestigation,
  emptyInvestigationRecord,
  type Investigation,
  type InvestigationComplaintFacts,
  type InvestigationRecord,
} from '../../domain/investigation/investigation-record';
import type { InvestigationProblem } from '../../domain/investigation/investigation-problem';
import { validateInvestigationForFiling } from '../../domain/investigation/validate-investigation-for-filing';
import type { Executor } from '../../db/client';
import { complaintRepo, type ComplaintScope } from '../../db/repos/complaint.repo';
import { investigationRepo } from '../../db/repos/investigation.repo';
import type { UseCaseContext } from '../context';
import { AppError } from '../errors/app-error';
import { evidenceRecords } from '../evidence/evidence-records';
import { assertPermission } from '../identity/assert-permission';

export type InvestigationState = 'not_started' | 'draft' | 'filed';

/** The investigation as the API shows it: the record (a blank one before it is started), where it stands, what is
 * still missing for filing and what filing triggers. */
export type InvestigationView = {
  readonly complaint: Pick<Complaint, 'id' | 'number' | 'status'>;
  readonly state: InvestigationState;
  readonly editable: boolean;
  readonly record: InvestigationRecord;
  readonly filedAt: Date | null;
  readonly filedBy: string | null;
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  /** 0 before the record is started: send it back as `version` to create it. */
  readonly version: number;
  readonly problems: readonly InvestigationProblem[];
  readonly effects: InvestigationEffects;
};

/** Every checklist kind present (missing ones pending), so clients always get the full list. */
export const withFullChecklist = (record: InvestigationRecord): InvestigationRecord => ({
  ...record,
  checklist: {
    ...Object.fromEntries(EVIDENCE_ITEM_KINDS.map((k) => [k, record.checklist[k] ?? PENDING_ITEM])),
    ...record.checklist,
  },
});

export const complaintFactsOf = async (ex: Executor, c: Complaint): Promise<InvestigationComplaintFacts> => ({
  severity: c.severity,
  injury: c.injury,
  validity: c.validity,
  evidenceIds: (await evidenceRecords.listForComplaint(ex, c.id)).map((e) => e.id),
});

export const productFactsOf = (c: Complaint) => ({ productId: c.product.id, batchNo: c.product.batchNo });

export const buildInvestigationView = (
  complaint: Complaint,
  stored: Investigation | undefined,
  facts: InvestigationComplaintFacts,
): InvestigationView => {
  const record = withFullChecklist(stored ?? emptyInvestigationRecord());
  return {
    complaint: { id: complaint.id, number: complaint.number, status: complaint.status },
    state: !stored ? 'not_started' : stored.filedAt ? 'filed' : 'draft',
    editable: canEditInvestigation(complaint.status),
    record,
    filedAt: stored?.filedAt ?? null,
    filedBy: stored?.filedBy ?? null,
    createdAt: stored?.createdAt ?? null,
    updatedAt: stored?.updatedAt ?? null,
    version: stored?.version ?? 0,
    problems: validateInvestigationForFiling(record, facts),
    effects: decideInvestigationEffects(record, productFactsOf(complaint)),
  };
};

/** The complaint to change, locked: within the actor's investigation.manage scope (R-SEC-1), still editable. */
export const lockEditableComplaint = async (
  ex: Executor,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<Complaint> => {
  const grant = assertPermission(ctx.actor, 'investigation.manage');
  const scope: ComplaintScope =
    grant.kind === 'all' || ctx.actor.kind !== 'user'
      ? { kind: 'all' }
      : { kind: 'departments', departmentIds: grant.departmentIds, userId: ctx.actor.userId };
  if (!(await complaintRepo.findById(ex, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
  const complaint = await complaintRepo.findByIdForUpdate(ex, complaintId);
  if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
  if (!canEditInvestigation(complaint.status))
    throw new AppError('INVESTIGATION_NOT_EDITABLE', { status: complaint.status });
  return complaint;
};

/** The stored record, checked against the version the client read (0 = not started). */
export const findAtVersion = async (
  ex: Executor,
  complaintId: string,
  version: number,
): Promise<Investigation | undefined> => {
  const stored = await investigationRepo.findByComplaint(ex, complaintId);
  const current = stored?.version ?? 0;
  if (current !== version) throw new AppError('VERSION_CONFLICT', { currentVersion: current });
  return stored;
};
