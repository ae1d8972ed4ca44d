import { and, eq } from 'drizzle-orm';
import type {
  ChecklistItem,
  FiveWhyStep,
  FishboneCause,
  Investigation,
  InvestigationRecord,
  ProductOutcome,
  Verdict,
} from '../../domain/investigation/investigation-record';
import type { Executor } from '../client';
import { investigations } from '../schema/quality.table';

type InvestigationRow = typeof investigations.$inferSelect;

const toInvestigation = (r: InvestigationRow): Investigation => ({
  complaintId: r.complaintId,
  checklist: (r.checklist ?? {}) as Record<string, ChecklistItem>,
  methods: r.methods,
  fiveWhy: (r.fiveWhy ?? []) as FiveWhyStep[],
  fishbone: (r.fishbone ?? {}) as Record<string, FishboneCause[]>,
  occurrenceCause: r.occurrenceCause,
  escapeCause: r.escapeCause,
  failureMechanism: r.failureMechanism,
  verdict: r.verdict as Verdict | null,
  recallAnalysisNeeded: r.recallAnalysisNeeded,
  productOutcome: r.productOutcome as ProductOutcome | null,
  filedAt: r.filedAt,
  filedBy: r.filedBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  version: r.version,
});

const columnsOf = (record: InvestigationRecord) => ({
  checklist: record.checklist,
  methods: [...record.methods],
  fiveWhy: record.fiveWhy,
  fishbone: record.fishbone,
  occurrenceCause: record.occurrenceCause,
  escapeCause: record.escapeCause,
  failureMechanism: record.failureMechanism,
  verdict: record.verdict,
  recallAnalysisNeeded: record.recallAnalysisNeeded,
  productOutcome: record.productOutcome,
});

/** The investigation record of a complaint (DOMAIN §6), one row per complaint, optimistic `version`. */
export const investigationRepo = {
  async findByComplaint(ex: Executor, complaintId: string): Promise<Investigation | undefined> {
    const [row] = await ex.select().from(investigations).where(eq(investigations.complaintId, complaintId));
    return row && toInvestigation(row);
  },

  /** Version 1. Undefined when a row exists already (someone else started it: a version conflict). */
  async insert(
    ex: Executor,
    complaintId: string,
    record: InvestigationRecord,
    now: Date,
  ): Promise<Investigation | undefined> {
    const [row] = await ex
      .insert(investigations)
      .values({ complaintId, ...columnsOf(record), createdAt: now, updatedAt: now, version: 1 })
      .onConflictDoNothing()
      .returning();
    return row && toInvestigation(row);
  },

  /**
   * Writes the record and its filing state if the stored version is still `expectedVersion`, bumping it.
   * Undefined when it is not (a version conflict).
   */
  async update(
    ex: Executor,
    complaintId: string,
    expectedVersion: number,
    record: InvestigationRecord,
    filing: { readonly filedAt: Date | null; readonly filedBy: string | null },
    now: Date,
  ): Promise<Investigation | undefined> {
    const [row] = await ex
      .update(investigations)
      .set({ ...columnsOf(record), ...filing, updatedAt: now, version: expectedVersion + 1 })
      .where(and(eq(investigations.complaintId, complaintId), eq(investigations.version, expectedVersion)))
      .returning();
    return row && toInvestigation(row);
  },
};
