import type { Complaint } from '../../domain/complaint/complaint';
import type { Actor } from '../../domain/identity/actor';
import { normaliseFileName } from '../../domain/evidence/normalise-file-name';
import type { Tx } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { newId } from '../new-id';
import { emitEvents } from '../platform/emit-events';
import { createBlobStore, type BlobStore, type StagedBlob } from './blob-store';
import { evidenceRecords, type BlobRow, type EvidenceItem } from './evidence-records';
import { previewImage } from './image-preview';

/** The text fields an evidence form may carry (validated by the API contract before they get here). */
export type EvidenceFieldName = 'caption' | 'token' | 'number' | 'phoneLast4';

/** One part of a multipart evidence form, in the order the client sent them. */
export type EvidenceFormPart =
  | { readonly kind: 'field'; readonly name: EvidenceFieldName; readonly value: string }
  | {
      readonly kind: 'file';
      /** The name the client gave (ignored for the type; kept, cleaned, as the original name). */
      readonly filename: string | undefined;
      /** The bytes as they arrive; leaving the iteration early must stop reading (a Readable does). */
      readonly content: AsyncIterable<Uint8Array>;
    };

export type EvidenceFields = Partial<Record<EvidenceFieldName, string>>;

type StagedUpload = { readonly blob: StagedBlob; readonly originalName: string };

/** An evidence file as stored by one upload: the attached row and whether its bytes or row existed before. */
export type UploadedEvidence = EvidenceItem & {
  /** The same bytes were stored already (earlier upload, other complaint, or earlier in this request): no new blob. */
  readonly deduplicated: boolean;
  /** This complaint already had this content attached: the existing row is returned, nothing new is written. */
  readonly alreadyAttached: boolean;
};

export type EvidenceUploadResult = {
  readonly complaint: { readonly id: string; readonly number: string };
  readonly items: readonly UploadedEvidence[];
};

export const blobStoreOf = (deps: Deps): BlobStore => createBlobStore(deps.config.dataDir);

/** Who the evidence rows name as uploader. */
export const uploaderOf = (actor: Actor): string => {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'system':
      return `system:${actor.name}`;
    case 'anonymous':
      return 'customer';
  }
};

const emptyUpload = (): AppError =>
  new AppError('VALIDATION_FAILED', {
    in: 'body',
    issues: [{ path: ['file'], code: 'too_small', message: 'at least one file part named "file"' }],
  });

/**
 * Reads a multipart evidence form: text fields are collected, each file is streamed to a temp file (typed from its
 * content, hashed, size-limited: blob-store). `beforeFirstFile` runs once, when the first file part arrives, with
 * the fields sent so far (the portal checks the customer's key there, before accepting any bytes). On any failure
 * every temp file of the request is removed before the error goes on.
 */
export const readEvidenceForm = async (
  deps: Deps,
  parts: AsyncIterable<EvidenceFormPart>,
  options: { readonly beforeFirstFile?: (fields: EvidenceFields) => Promise<void> } = {},
): Promise<{ fields: EvidenceFields; files: StagedUpload[] }> => {
  const store = blobStoreOf(deps);
  const limits = deps.config.evidence;
  const fields: EvidenceFields = {};
  const files: StagedUpload[] = [];
  let fileParts = 0;
  try {
    for await (const part of parts) {
      if (part.kind === 'field') {
        fields[part.name] = part.value;
        continue;
      }
      fileParts += 1;
      if (fileParts > limits.maxFilesPerRequest)
        throw new AppError('EVIDENCE_TOO_MANY_FILES', { max: limits.maxFilesPerRequest });
      if (fileParts === 1) await options.beforeFirstFile?.({ ...fields });
      const label = part.filename ?? `file ${fileParts}`;
      const blob = await store.stage(part.content, limits, label);
      files.push({ blob, originalName: normaliseFileName(part.filename, blob.mime) });
    }
    if (files.length === 0) throw emptyUpload();
    return { fields, files };
  } catch (e) {
    await Promise.all(files.map((f) => store.discard(f.blob)));
    throw e;
  }
};

type PreparedBlob = {
  readonly staged: StagedBlob;
  readonly row: BlobRow | undefined;
  readonly thumbnail: Buffer | null;
  readonly width: number | null;
  readonly height: number | null;
};

/**
 * Stores the staged files of one request on a complaint (ARCHITECTURE.md: evidence by SHA-256). First every new
 * image is read (an image no decoder can parse is refused — its content contradicts its type — before anything is
 * placed), then the blobs and thumbnails are renamed into the store, then ONE transaction writes the blob rows
 * (ON CONFLICT DO NOTHING: same file twice = one blob), one evidence row per content per complaint, one audit row
 * per attached file and the `complaint.evidence_added` outbox event. `lockComplaint` re-checks access under the
 * complaint's row lock. A failure before the renames leaves nothing; a failed transaction after them leaves blob
 * files without rows, which the hourly purge removes after a day (purge-orphan-evidence).
 */
export const storeEvidence = async (
  deps: Deps,
  ctx: UseCaseContext,
  files: readonly StagedUpload[],
  input: {
    readonly caption: string | null;
    readonly uploadedBy: string;
    readonly channel: 'staff' | 'portal';
  },
  lockComplaint: (tx: Tx) => Promise<Complaint>,
): Promise<EvidenceUploadResult> => {
  const store = blobStoreOf(deps);
  try {
    const shas = [...new Set(files.map((f) => f.blob.sha256))];
    const known = new Map(
      (await evidenceRecords.findBlobs(deps.db.reader(), shas)).map((r) => [r.sha256, r]),
    );
    const prepared = new Map<string, PreparedBlob>();
    for (const { blob, originalName } of files) {
      if (prepared.has(blob.sha256)) continue;
      const row = known.get(blob.sha256);
      if (row || blob.kind !== 'image') {
        prepared.set(blob.sha256, { staged: blob, row, thumbnail: null, width: null, height: null });
        continue;
      }
      const preview = await previewImage(blob.tmpPath, blob.mime, deps.log);
      if (!preview.readable)
        throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', {
          file: originalName,
          detected: 'unknown',
          reason: `starts like ${blob.mime} but is not a readable image`,
        });
      prepared.set(blob.sha256, { staged: blob, row, ...preview });
    }

    const now = deps.clock.now();
    const newRows: BlobRow[] = [];
    const existedOnDisk = new Set<string>();
    for (const p of prepared.values()) {
      const thumbnailSha256 = p.thumbnail ? (await store.putBuffer(p.thumbnail)).sha256 : null;
      if ((await store.commit(p.staged)).existed) existedOnDisk.add(p.staged.sha256);
      if (!p.row)
        newRows.push({
          sha256: p.staged.sha256,
          size: p.staged.size,
          mime: p.staged.mime,
          width: p.width,
          height: p.height,
          thumbnailSha256,
          createdAt: now,
        });
    }

    return await deps.db.transaction(async (tx) => {
      const complaint = await lockComplaint(tx);
      await evidenceRecords.insertBlobs(tx, newRows);
      const blobs = new Map((await evidenceRecords.findBlobs(tx, shas)).map((r) => [r.sha256, r]));
      const attached = new Map(
        (await evidenceRecords.findBySha(tx, complaint.id, shas)).map((i) => [i.sha256, i]),
      );
      const added: EvidenceItem[] = [];
      const seen = new Set<string>();
      // Rows of one request share `uploadedAt`; ids (UUIDv7, random within a millisecond) handed out in sorted
      // order keep the list in the order the files were sent.
      const ids = files.map(() => newId(now.getTime())).sort();
      const items: UploadedEvidence[] = files.map(({ blob, originalName }) => {
        const repeated = seen.has(blob.sha256);
        seen.add(blob.sha256);
        const deduplicated = repeated || known.has(blob.sha256) || existedOnDisk.has(blob.sha256);
        const existing = attached.get(blob.sha256);
        if (existing) return { ...existing, deduplicated, alreadyAttached: true };
        const stored = blobs.get(blob.sha256);
        const item: EvidenceItem = {
          id: ids[added.length] ?? newId(now.getTime()),
          complaintId: complaint.id,
          sha256: blob.sha256,
          originalName,
          mime: blob.mime,
          size: blob.size,
          width: stored?.width ?? null,
          height: stored?.height ?? null,
          thumbnailSha256: stored?.thumbnailSha256 ?? null,
          caption: input.caption,
          uploadedBy: input.uploadedBy,
          uploadedAt: now,
        };
        attached.set(blob.sha256, item);
        added.push(item);
        return { ...item, deduplicated, alreadyAttached: false };
      });
      await evidenceRecords.insertItems(tx, added);
      await appendAudit(
        tx,
        ctx,
        now,
        added.map((i) => ({
          entityType: 'complaint',
          entityId: complaint.id,
          action: 'complaint.evidence_added',
          after: {
            evidenceId: i.id,
            sha256: i.sha256,
            size: i.size,
            mime: i.mime,
            originalName: i.originalName,
            caption: i.caption,
            channel: input.channel,
          },
        })),
      );
      if (added.length > 0)
        await emitEvents(tx, now, [
          {
            type: 'complaint.evidence_added',
            aggregateType: 'complaint',
            aggregateId: complaint.id,
            payload: {
              complaintId: complaint.id,
              number: complaint.number,
              channel: input.channel,
              items: added.map((i) => ({ evidenceId: i.id, sha256: i.sha256, mime: i.mime, size: i.size })),
            },
          },
        ]);
      return { complaint: { id: complaint.id, number: complaint.number }, items };
    });
  } finally {
    // Committed files were renamed away already; this removes only what never made it into the store.
    await Promise.all(files.map((f) => store.discard(f.blob)));
  }
};
