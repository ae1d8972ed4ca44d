import { complaintRepo } from '../../db/repos/complaint.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import {
  readEvidenceForm,
  storeEvidence,
  uploaderOf,
  type EvidenceFormPart,
  type EvidenceUploadResult,
} from './store-evidence';

/**
 * Staff attach photos, videos and PDFs to a complaint (R-INT-7 "ask for photos/video", R-MAL-2 "photograph
 * evidence from several angles"): needs complaint.update and the complaint in the actor's scope (404 outside it,
 * checked before any byte is read and again under the row lock). The form is one or more `file` parts and an
 * optional `caption` for all of them. A content already attached to this complaint is not attached twice (the
 * existing row is returned), so a retried upload is harmless. Evidence may be added to a closed complaint too
 * (late proof in a dispute), like a communication.
 */
export const uploadEvidence = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  form: AsyncIterable<EvidenceFormPart>,
): Promise<EvidenceUploadResult> => {
  const scope = complaintScopeOf(ctx);
  assertPermission(ctx.actor, 'complaint.update');
  if (!(await complaintRepo.findById(deps.db.reader(), complaintId, scope)))
    throw new AppError('COMPLAINT_NOT_FOUND');
  const { fields, files } = await readEvidenceForm(deps, form);
  return storeEvidence(
    deps,
    ctx,
    files,
    { caption: fields.caption ?? null, uploadedBy: uploaderOf(ctx.actor), channel: 'staff' },
    async (tx) => {
      if (!(await complaintRepo.findById(tx, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
      const complaint = await complaintRepo.findByIdForUpdate(tx, complaintId);
      if (!complaint) throw new AppError('COMPLAINT_NOT_FOUND');
      return complaint;
    },
  );
};
