import type { Readable } from 'node:stream';
import { complaintRepo } from '../../db/repos/complaint.repo';
import { complaintScopeOf } from '../complaints/get-complaint';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { evidenceRecords, type EvidenceItem } from './evidence-records';
import { blobStoreOf } from './store-evidence';

/** The evidence of a complaint, oldest first (complaint.read; 404 outside the actor's scope). */
export const listEvidence = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
): Promise<EvidenceItem[]> => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  if (!(await complaintRepo.findById(ex, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
  return evidenceRecords.listForComplaint(ex, complaintId);
};

/** Bytes to send: the stored file's size and a way to read all of it or one byte range. */
export type EvidenceContent = {
  readonly item: EvidenceItem;
  /** The SHA-256 of the bytes sent (the evidence's, or its thumbnail's). */
  readonly sha256: string;
  readonly mime: string;
  readonly size: number;
  readonly open: (range?: { start: number; end: number }) => Readable;
};

const findItem = async (deps: Deps, ctx: UseCaseContext, complaintId: string, evidenceId: string) => {
  const scope = complaintScopeOf(ctx);
  const ex = deps.db.reader();
  if (!(await complaintRepo.findById(ex, complaintId, scope))) throw new AppError('COMPLAINT_NOT_FOUND');
  const item = await evidenceRecords.findOne(ex, complaintId, evidenceId);
  if (!item) throw new AppError('EVIDENCE_NOT_FOUND');
  return item;
};

const contentOf = async (deps: Deps, item: EvidenceItem, sha256: string, mime: string) => {
  const store = blobStoreOf(deps);
  const size = await store.sizeOf(sha256);
  // A row without its file means the store was damaged (restored without files, deleted by hand): say so loudly.
  if (size === undefined)
    throw new Error(`evidence blob ${sha256} of evidence ${item.id} is missing from the store`);
  return {
    item,
    sha256,
    mime,
    size,
    open: (range?: { start: number; end: number }) => store.open(sha256, range),
  };
};

/** An evidence file's bytes with the type detected at upload (complaint.read; 404 outside the scope). */
export const openEvidenceContent = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  evidenceId: string,
): Promise<EvidenceContent> => {
  const item = await findItem(deps, ctx, complaintId, evidenceId);
  return contentOf(deps, item, item.sha256, item.mime);
};

/** An image evidence's JPEG thumbnail; EVIDENCE_THUMBNAIL_NOT_AVAILABLE for videos, PDFs and undecodable HEIC. */
export const openEvidenceThumbnail = async (
  deps: Deps,
  ctx: UseCaseContext,
  complaintId: string,
  evidenceId: string,
): Promise<EvidenceContent> => {
  const item = await findItem(deps, ctx, complaintId, evidenceId);
  if (!item.thumbnailSha256) throw new AppError('EVIDENCE_THUMBNAIL_NOT_AVAILABLE', { mime: item.mime });
  return contentOf(deps, item, item.thumbnailSha256, 'image/jpeg');
};
