import { decideWriteOff, formatWriteOffNumber } from '../../domain/compensation/decide-write-off';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import type { Tx } from '../../db/client';
import { proposalRepo, taskRepo } from '../../db/repos/compensation.repo';
import { documentCounterRepo } from '../../db/repos/document-counter.repo';
import type { AuditEntry } from '../audit/append-audit';

/**
 * When the last open execution task of an approved proposal is done, the proposal's 产品质量处理核销申报表 gets its
 * number HX-YYYY-NNNNNN (gapless per year, the year in the company's time zone) in the same transaction (seed 004,
 * R-RPT-3). Returns the audit entry to write, or null when the write-off is not ready or was numbered before.
 */
export const numberWriteOffIfReady = async (
  tx: Tx,
  proposalId: string,
  timeZone: string,
  now: Date,
): Promise<AuditEntry | null> => {
  const proposal = await proposalRepo.findByIdForUpdate(tx, proposalId);
  if (!proposal || proposal.writeOffNo) return null;
  const tasks = (await taskRepo.listByComplaint(tx, proposal.complaintId)).filter(
    (t) => t.proposalId === proposalId,
  );
  const decision = decideWriteOff(proposal.status, tasks);
  if (!decision.ready) return null;
  const year = Number(toLocalDateTime(timeZone, now).date.slice(0, 4));
  const writeOffNo = formatWriteOffNumber(year, await documentCounterRepo.next(tx, 'write_off', year));
  if (!(await proposalRepo.setWriteOff(tx, proposalId, writeOffNo, now))) return null;
  return {
    entityType: 'compensation_proposal',
    entityId: proposalId,
    action: 'compensation.write_off_numbered',
    before: { writeOffNo: null },
    after: {
      writeOffNo,
      complaintId: proposal.complaintId,
      amountFen: decision.amountFen,
      doneTasks: decision.doneTasks,
      rules: decision.rules,
    },
  };
};
