import type { Complaint } from '../../domain/complaint/complaint';
import { isTerminal } from '../../domain/complaint/complaint-status';
import { complaintRepo } from '../../db/repos/complaint.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { trackPortalComplaint, type PortalKey } from '../portal/portal-complaint';
import {
  readEvidenceForm,
  storeEvidence,
  type EvidenceFields,
  type EvidenceFormPart,
  type EvidenceUploadResult,
} from './store-evidence';

const keyOf = (fields: EvidenceFields): PortalKey => {
  if (fields.token !== undefined) return { token: fields.token };
  if (fields.number !== undefined && fields.phoneLast4 !== undefined)
    return { number: fields.number, phoneLast4: fields.phoneLast4 };
  throw new AppError('VALIDATION_FAILED', {
    in: 'body',
    issues: [
      {
        path: ['token'],
        code: 'custom',
        message: 'send token, or number and phoneLast4, as form fields before the files',
      },
    ],
  });
};

/**
 * The customer adds photos, videos or PDFs to their complaint from the portal (issue 4: "photos from the phone
 * camera"; R-INT-7). The complaint is named by the tracking token or by number + last 4 phone digits, sent as form
 * fields BEFORE the files, and checked — through the portal look-up itself, so with the same rate limits and the
 * same PORTAL_COMPLAINT_NOT_FOUND for a wrong token, number or phone — before any byte is accepted. Only while the
 * complaint is open (PORTAL_ACTION_NOT_AVAILABLE once it is closed, withdrawn or reopened as a new form). The rows
 * name `customer` as uploader; the audit trail names the customer as actor.
 */
export const uploadPortalEvidence = async (
  deps: Deps,
  form: AsyncIterable<EvidenceFormPart>,
  ip: string,
): Promise<EvidenceUploadResult> => {
  let target: Complaint | undefined;
  const { fields, files } = await readEvidenceForm(deps, form, {
    beforeFirstFile: async (sent) => {
      const view = await trackPortalComplaint(deps, keyOf(sent), ip);
      target = await complaintRepo.findByNumber(deps.db.reader(), view.number);
      if (!target) throw new AppError('PORTAL_COMPLAINT_NOT_FOUND');
      if (isTerminal(target.status))
        throw new AppError('PORTAL_ACTION_NOT_AVAILABLE', { status: target.status });
    },
  });
  const complaintId = target?.id;
  if (!complaintId) throw new AppError('PORTAL_COMPLAINT_NOT_FOUND');
  const ctx: UseCaseContext = { actor: { kind: 'anonymous' }, requestId: `portal:${ip}` };
  return storeEvidence(
    deps,
    ctx,
    files,
    { caption: fields.caption ?? null, uploadedBy: 'customer', channel: 'portal' },
    async (tx) => {
      const complaint = await complaintRepo.findByIdForUpdate(tx, complaintId);
      if (!complaint) throw new AppError('PORTAL_COMPLAINT_NOT_FOUND');
      if (isTerminal(complaint.status))
        throw new AppError('PORTAL_ACTION_NOT_AVAILABLE', { status: complaint.status });
      return complaint;
    },
  );
};
