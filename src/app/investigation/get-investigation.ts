import { complaintRepo } from '../../db/repos/complaint.repo';
import { investigationRepo } from '../../db/repos/investigation.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { buildInvestigationView, complaintFactsOf, type InvestigationView } from './investigation-view';

/**
 * The investigation record of a complaint (DOMAIN §6) with what is still missing for filing (R-INV-1…4) and what
 * filing would trigger. Before anyone starts it, a blank record at version 0. COMPLAINT_NOT_FOUND outside the
 * actor's complaint.read scope (R-SEC-1).
 */
export const getInvestigation = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<InvestigationView> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  const complaint = await complaintRepo.findById(ex, complaintId, scope);
  if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
  const stored = await investigationRepo.findByComplaint(ex, complaintId);
  return buildInvestigationView(complaint, stored, await complaintFactsOf(ex, complaint));
};
