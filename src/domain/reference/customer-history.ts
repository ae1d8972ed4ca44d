import type { ComplaintStatus } from '../complaint/complaint-status';
import type { ComplaintKind } from '../complaint/complaint-vocabulary';

/** How a complaint ended, as far as the archive shows it (read defensively from the complaint's closure). */
export type ArchiveClosure = {
  readonly kind: string | null;
  readonly reason: string | null;
  readonly at: string | null;
};

/** One complaint of a customer, as the archive (R-RES-6) and the hotline look-up (R-INT-6) show it. */
export type CustomerComplaintEntry = {
  readonly id: string;
  readonly number: string;
  readonly kind: ComplaintKind;
  readonly status: ComplaintStatus;
  readonly severity: string | null;
  readonly receivedAt: Date;
  readonly productName: string | null;
  readonly batchNo: string | null;
  readonly demands: readonly string[];
  readonly claimedAmountFen: number | null;
  /** Compensation paid on this complaint, in fen; 0 when none is recorded. */
  readonly compensationPaidFen: number;
  readonly closure: ArchiveClosure | null;
};

/** Totals over every complaint of a customer. */
export type CustomerComplaintStats = {
  readonly complaints: number;
  readonly open: number;
  readonly compensationPaidFen: number;
  readonly claimedAmountFen: number;
  readonly byStatus: Readonly<Record<ComplaintStatus, number>>;
};

/** One complaint's compensation as the compensation ledger records it (R-RES-6): agreed and paid, net of reversals. */
export type CustomerCompensationEntry = {
  readonly complaintId: string;
  readonly number: string;
  readonly receivedAt: Date;
  readonly agreedFen: number;
  readonly paidFen: number;
  /** When the last payment was booked; null while nothing is paid. */
  readonly lastPaidAt: Date | null;
};
