import type { Deps } from '../../src/app/deps';
import { newId } from '../../src/app/new-id';
import { computeInvestigationDueAt } from '../../src/domain/batch/batch-case-workflow';
import { batchCaseComplaints, batchCases } from '../../src/db/schema/quality.table';

type BatchCaseInsert = typeof batchCases.$inferInsert;

let seq = 0;

/**
 * Inserts a batch case row straight into the table — as the batch-signal module does when a regional concentration
 * opens one — and links the complaints, for tests of what happens to a case after it is opened.
 */
export const insertBatchCaseFx = async (
  deps: Deps,
  input: {
    readonly productId: string;
    readonly batchNo: string;
    readonly mechanism?: string;
    readonly region?: string | null;
    readonly complaintIds?: readonly string[];
    readonly openedAt?: Date;
  } & Partial<Omit<BatchCaseInsert, 'productId' | 'batchNo' | 'mechanism' | 'region' | 'openedAt'>>,
): Promise<{ id: string; number: string; investigationDueAt: Date }> => {
  seq += 1;
  const { complaintIds = [], openedAt = deps.clock.now(), ...rest } = input;
  const row = {
    id: newId(openedAt.getTime()),
    number: `PL-1999-${String(seq).padStart(6, '0')}`,
    mechanism: '发霉 mould',
    region: '河南',
    trigger: {
      kind: 'regional_concentration',
      region: input.region ?? '河南',
      complaints: complaintIds.length,
    },
    status: 'open',
    investigationDueAt: computeInvestigationDueAt(openedAt),
    ...rest,
    openedAt,
  } satisfies BatchCaseInsert;
  await deps.db.transaction(async (tx) => {
    await tx.insert(batchCases).values(row);
    if (complaintIds.length > 0)
      await tx
        .insert(batchCaseComplaints)
        .values(complaintIds.map((complaintId) => ({ caseId: row.id, complaintId, linkedAt: openedAt })));
  });
  return { id: row.id, number: row.number, investigationDueAt: row.investigationDueAt };
};
