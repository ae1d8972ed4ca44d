import type { RuleHit } from '../shared/rule-hit';
import type { ComplaintStatus } from './complaint-status';
import type {
  Channel,
  ComplaintKind,
  CustomerTier,
  CustomerType,
  Demand,
  EscalationFlag,
  Injury,
  Nature,
  Scope,
  SpecialGroup,
  Validity,
} from './complaint-vocabulary';

/** The customer as they were when the complaint came in (the archive may change later). */
export type ComplaintCustomer = {
  readonly id: string | null;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly type: CustomerType;
  readonly tier: CustomerTier;
  readonly specialGroup: SpecialGroup | null;
  readonly locale: 'zh-CN' | 'en';
};

/** The product as reported (DOMAIN §2): identity, batch, serial, dates, where and whether proof of purchase. */
export type ComplaintProduct = {
  readonly id: string | null;
  readonly name: string | null;
  readonly model: string | null;
  readonly code: string | null;
  readonly batchNo: string | null;
  readonly serialNo: string | null;
  readonly productionDate: string | null;
  readonly shipDate: string | null;
  readonly purchaseDate: string | null;
  readonly purchasePlace: string | null;
  readonly proofOfPurchase: boolean;
};

export type ComplaintProblem = {
  readonly description: string;
  readonly occurredAt: Date | null;
  readonly symptom: string | null;
  readonly affectedPart: string | null;
  readonly scope: Scope;
};

/** A solution proposal: options with amounts in fen (the compensation engine and e-signatures come later). */
export type Proposal = {
  readonly options: readonly {
    readonly kind: string;
    readonly description: string;
    readonly amountFen: number;
  }[];
  readonly note: string | null;
  readonly requiresApproval: boolean;
  /** Working days to carry the solution out once the customer accepts (R-RES-7: the agreed execution date). */
  readonly executionWorkingDays: number;
  readonly approved: boolean;
  readonly approvedBy: string | null;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reviewLevel: number;
};

/** R-RES-7: the agreement in writing, with the execution deadline. */
export type Agreement = {
  readonly acceptedAt: string;
  readonly executionDueAt: string;
  readonly terms: string;
  /** The proposal option the customer chose (index); null when they accepted the proposal as a whole. */
  readonly chosenOption?: number | null;
  readonly recordedBy: string | null;
};

export type FollowUp = {
  readonly satisfied: boolean;
  readonly csat: number | null;
  readonly comment: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string | null;
};

export type Closure = {
  readonly kind: 'closed' | 'explained' | 'not_valid' | 'withdrawn' | 'reopened';
  readonly reason: string | null;
  readonly at: string;
  readonly by: string | null;
  readonly reopenedAs?: string;
};

/** One complaint record 投诉/反馈单 (DOMAIN §2, R-INT-3: one record ↔ one feedback form). */
export type Complaint = {
  readonly id: string;
  readonly number: string;
  readonly kind: ComplaintKind;
  readonly channel: Channel;
  readonly status: ComplaintStatus;
  readonly receivedAt: Date;
  readonly registeredAt: Date | null;
  readonly reporterId: string | null;
  readonly intakeDepartmentId: string | null;
  readonly receivedOutsideCustomerService: boolean;
  readonly customer: ComplaintCustomer;
  readonly product: ComplaintProduct;
  readonly problem: ComplaintProblem;
  readonly demands: readonly Demand[];
  readonly claimedAmountFen: number | null;
  readonly injury: Injury;
  readonly flags: readonly EscalationFlag[];
  readonly customFields: Readonly<Record<string, unknown>>;
  readonly suggestion: unknown;
  readonly classification: ({ readonly rules: readonly RuleHit[] } & Record<string, unknown>) | null;
  readonly nature: Nature | null;
  readonly severity: string | null;
  readonly major: boolean;
  readonly validity: Validity;
  readonly departmentId: string | null;
  readonly assigneeId: string | null;
  readonly reviewLevel: number;
  readonly proposers: readonly string[];
  readonly waitingOnCustomer: boolean;
  readonly escalationLevel: number;
  readonly proposal: Proposal | null;
  readonly agreement: Agreement | null;
  readonly resolution: {
    readonly summary: string;
    readonly resolvedAt: string;
    readonly resolvedBy: string | null;
  } | null;
  readonly followUp: FollowUp | null;
  readonly closure: Closure | null;
  readonly linkedFromId: string | null;
  readonly duplicateOfId: string | null;
  readonly nextDueAt: Date | null;
  readonly breached: boolean;
  /** When each lifecycle event first happened (ISO times by event type). */
  readonly eventTimes: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};

/** KS-YYYY-NNNNNN (R-INT-3): the year the complaint was received in (Asia/Shanghai by default) and its order. */
export const formatComplaintNumber = (year: number, seq: number): string =>
  `KS-${year}-${String(seq).padStart(6, '0')}`;

export const COMPLAINT_NUMBER_PATTERN = /^KS-\d{4}-\d{6,}$/;
