import { complaintRepo } from '../../db/repos/complaint.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { loadCompensationView, type CompensationView } from './compensation-view';

/** A complaint's compensation: every proposal version with its signatures (void ones marked), and its tasks. */
export const getCompensation = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<CompensationView> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  const c = await complaintRepo.findById(ex, complaintId, scope);
  if (!c) throw new AppError('COMPLAINT_NOT_FOUND');
  return loadCompensationView(ex, c, deps.clock.now());
};
