import { findCloseBlocker, isClosingCommand } from '../../domain/adverse-event/find-close-blocker';
import type { Complaint } from '../../domain/complaint/complaint';
import type { Tx } from '../../db/client';
import { adverseEventRepo } from '../../db/repos/adverse-event.repo';
import { AppError } from '../errors/app-error';

/**
 * R-AE-2 guard of the complaint lifecycle: a closing command (resolve, explain, declare_not_valid, record_follow_up)
 * is refused with ADVERSE_EVENT_UNDECIDED while the complaint's adverse-event evaluation has a decision without
 * `reportable` and a rationale. Other commands, and complaints without an evaluation, pass.
 */
export const assertAdverseEventAllowsClosing = async (
  tx: Tx,
  complaint: Complaint,
  commandType: string,
): Promise<void> => {
  if (!isClosingCommand(commandType)) return;
  const evaluation = await adverseEventRepo.findByComplaint(tx, complaint.id);
  if (!evaluation) return;
  const blocker = findCloseBlocker(evaluation);
  if (!blocker) return;
  throw new AppError(blocker.code, {
    adverseEventId: blocker.adverseEventId,
    undecided: blocker.undecided,
    rule: 'R-AE-2',
  });
};
