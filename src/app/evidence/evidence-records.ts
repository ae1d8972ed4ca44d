import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { EvidenceMime } from '../../domain/evidence/detect-file-type';
import type { Executor } from '../../db/client';
import { complaintEvidence, evidenceBlobs } from '../../db/schema/settings.table';

/** One evidence file attached to a complaint, with what is known about its stored blob. */
export type EvidenceItem = {
  readonly id: string;
  readonly complaintId: string;
  readonly sha256: string;
  readonly originalName: string;
  readonly mime: EvidenceMime;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly thumbnailSha256: string | null;
  readonly caption: string | null;
  /** The staff user's id, `customer` (portal), or `system:<name>`. */
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
};

export type BlobRow = typeof evidenceBlobs.$inferSelect;

const itemColumns = {
  id: complaintEvidence.id,
  complaintId: complaintEvidence.complaintId,
  sha256: complaintEvidence.sha256,
  originalName: complaintEvidence.originalName,
  mime: complaintEvidence.mime,
  size: complaintEvidence.size,
  width: evidenceBlobs.width,
  height: evidenceBlobs.height,
  thumbnailSha256: evidenceBlobs.thumbnailSha256,
  caption: complaintEvidence.caption,
  uploadedBy: complaintEvidence.uploadedBy,
  uploadedAt: complaintEvidence.uploadedAt,
};

const toItem = (row: Omit<EvidenceItem, 'mime'> & { mime: string }): EvidenceItem => ({
  ...row,
  mime: row.mime as EvidenceMime,
});

/** SQL for evidence rows and blob rows (only src/app reaches the database). */
export const evidenceRecords = {
  async listForComplaint(ex: Executor, complaintId: string): Promise<EvidenceItem[]> {
    const rows = await ex
      .select(itemColumns)
      .from(complaintEvidence)
      .innerJoin(evidenceBlobs, eq(evidenceBlobs.sha256, complaintEvidence.sha256))
      .where(eq(complaintEvidence.complaintId, complaintId))
      .orderBy(asc(complaintEvidence.uploadedAt), asc(complaintEvidence.id))
      .limit(1000);
    return rows.map(toItem);
  },

  async findOne(ex: Executor, complaintId: string, evidenceId: string): Promise<EvidenceItem | undefined> {
    const [row] = await ex
      .select(itemColumns)
      .from(complaintEvidence)
      .innerJoin(evidenceBlobs, eq(evidenceBlobs.sha256, complaintEvidence.sha256))
      .where(and(eq(complaintEvidence.complaintId, complaintId), eq(complaintEvidence.id, evidenceId)));
    return row && toItem(row);
  },

  /** The complaint's evidence rows for these contents (to attach each content once per complaint). */
  async findBySha(ex: Executor, complaintId: string, shas: readonly string[]): Promise<EvidenceItem[]> {
    if (shas.length === 0) return [];
    const rows = await ex
      .select(itemColumns)
      .from(complaintEvidence)
      .innerJoin(evidenceBlobs, eq(evidenceBlobs.sha256, complaintEvidence.sha256))
      .where(
        and(eq(complaintEvidence.complaintId, complaintId), inArray(complaintEvidence.sha256, [...shas])),
      );
    return rows.map(toItem);
  },

  async findBlobs(ex: Executor, shas: readonly string[]): Promise<BlobRow[]> {
    if (shas.length === 0) return [];
    return ex
      .select()
      .from(evidenceBlobs)
      .where(inArray(evidenceBlobs.sha256, [...shas]));
  },

  /** Blob files some row still needs: as evidence content or as a thumbnail. */
  async findReferenced(ex: Executor, shas: readonly string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    const rows = await ex
      .select({ sha256: evidenceBlobs.sha256, thumbnailSha256: evidenceBlobs.thumbnailSha256 })
      .from(evidenceBlobs)
      .where(or(inArray(evidenceBlobs.sha256, [...shas]), inArray(evidenceBlobs.thumbnailSha256, [...shas])));
    return new Set(rows.flatMap((r) => [r.sha256, ...(r.thumbnailSha256 ? [r.thumbnailSha256] : [])]));
  },

  /** Inserts blob rows; a content stored before keeps its row (same file twice = one blob). */
  async insertBlobs(ex: Executor, rows: readonly BlobRow[]): Promise<void> {
    if (rows.length === 0) return;
    await ex
      .insert(evidenceBlobs)
      .values([...rows])
      .onConflictDoNothing();
  },

  async insertItems(ex: Executor, items: readonly EvidenceItem[]): Promise<void> {
    if (items.length === 0) return;
    await ex.insert(complaintEvidence).values(
      items.map((i) => ({
        id: i.id,
        complaintId: i.complaintId,
        sha256: i.sha256,
        originalName: i.originalName,
        mime: i.mime,
        size: i.size,
        caption: i.caption,
        uploadedBy: i.uploadedBy,
        uploadedAt: i.uploadedAt,
      })),
    );
  },
};
