import {
  isRecallAnalysisRequired,
  type InvestigationRecord,
} from '../../domain/investigation/investigation-record';
import { validateInvestigationDraft } from '../../domain/investigation/validate-investigation-draft';
import { investigationRepo } from '../../db/repos/investigation.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import {
  buildInvestigationView,
  complaintFactsOf,
  findAtVersion,
  lockEditableComplaint,
  withFullChecklist,
  type InvestigationView,
} from './investigation-view';

/** The whole record as the client sends it (a replacement: what is left out is cleared), with the version read. */
export type SaveInvestigationInput = InvestigationRecord & { readonly version: number };

/**
 * Saves the investigation as a draft (DOMAIN §6). Optimistic: `version` must be the one the client read (0 to start
 * the record), else VERSION_CONFLICT. Needs investigation.manage within the actor's department scope, a complaint
 * under investigation and not terminal (INVESTIGATION_NOT_EDITABLE), and a draft (INVESTIGATION_ALREADY_FILED:
 * reopen first). A draft may be incomplete, but not hold unknown checklist items, methods or fishbone categories or
 * evidence of another complaint (VALIDATION_FAILED with each path). A batch or serious verdict or a recall ticks the
 * recall analysis (R-INV-3). One audit row with before and after.
 */
export const saveInvestigationDraft = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  input: SaveInvestigationInput,
): Promise<InvestigationView> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const complaint = await lockEditableComplaint(tx, ctx, complaintId);
    const stored = await findAtVersion(tx, complaintId, input.version);
    if (stored?.filedAt) throw new AppError('INVESTIGATION_ALREADY_FILED', { filedAt: stored.filedAt });
    const { version, ...entered } = input;
    const record = withFullChecklist({
      ...entered,
      methods: [...new Set(entered.methods)],
      recallAnalysisNeeded: entered.recallAnalysisNeeded || isRecallAnalysisRequired(entered),
    });
    const facts = await complaintFactsOf(tx, complaint);
    const problems = validateInvestigationDraft(record, facts);
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        in: 'body',
        issues: problems.map((p) => ({
          path: p.path.split('.'),
          code: p.problem,
          message: `${p.rule}: ${p.problem}`,
          rule: p.rule,
        })),
      });
    const saved = stored
      ? await investigationRepo.update(
          tx,
          complaintId,
          version,
          record,
          { filedAt: null, filedBy: null },
          now,
        )
      : await investigationRepo.insert(tx, complaintId, record, now);
    if (!saved) throw new AppError('VERSION_CONFLICT', { currentVersion: version });
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'investigation',
        entityId: complaintId,
        action: stored ? 'investigation.saved' : 'investigation.started',
        before: stored ? { ...withFullChecklist(stored), version: stored.version } : null,
        after: { ...record, version: saved.version },
      },
    ]);
    return buildInvestigationView(complaint, saved, facts);
  });
};
