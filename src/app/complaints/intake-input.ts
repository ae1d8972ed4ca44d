import type { AfterHoursDecision } from '../../domain/classification/decide-after-hours-handling';
import type { ClassificationSuggestion } from '../../domain/classification/suggest-classification';
import type {
  Channel,
  ComplaintKind,
  CustomerTier,
  CustomerType,
  Demand,
  EscalationFlag,
  Injury,
  Scope,
  SpecialGroup,
} from '../../domain/complaint/complaint-vocabulary';
import type { NewComplaintRow } from '../../db/repos/complaint.repo';
import type { IntakeContext } from '../../db/repos/intake-context.repo';
import { AppError } from '../errors/app-error';
import type { CustomFieldDef } from './complaint-settings';

/** What any channel hands to intake (R-INT-1): the hotline form, the portal, an API client, an import. */
export type IntakeInput = {
  readonly kind: ComplaintKind;
  readonly channel: Channel;
  readonly receivedAt?: Date | undefined;
  readonly receivedOutsideCustomerService: boolean;
  readonly urgent?: boolean | undefined;
  readonly customer: {
    readonly id?: string | undefined;
    readonly name: string;
    readonly phone?: string | null | undefined;
    readonly email?: string | null | undefined;
    readonly address?: string | null | undefined;
    readonly type: CustomerType;
    readonly tier?: CustomerTier | undefined;
    readonly specialGroup?: SpecialGroup | null | undefined;
    readonly locale?: 'zh-CN' | 'en' | undefined;
  };
  readonly product: {
    readonly id?: string | undefined;
    readonly name?: string | null | undefined;
    readonly model?: string | null | undefined;
    readonly code?: string | null | undefined;
    readonly batchNo?: string | null | undefined;
    readonly serialNo?: string | null | undefined;
    readonly productionDate?: string | null | undefined;
    readonly shipDate?: string | null | undefined;
    readonly purchaseDate?: string | null | undefined;
    readonly purchasePlace?: string | null | undefined;
    readonly proofOfPurchase?: boolean | undefined;
  };
  readonly problem: {
    readonly description: string;
    readonly occurredAt?: Date | null | undefined;
    readonly symptom?: string | null | undefined;
    readonly affectedPart?: string | null | undefined;
    readonly scope: Scope;
  };
  readonly demands: readonly Demand[];
  readonly claimedAmountFen?: number | null | undefined;
  readonly injury: Injury;
  readonly flags: readonly EscalationFlag[];
  readonly customFields: Readonly<Record<string, string | number | boolean | null>>;
};

/** Checks the preset's custom fields (e.g. VIN 17 characters for cars); every problem is listed. */
export const assertCustomFields = (
  defs: readonly CustomFieldDef[],
  values: Readonly<Record<string, unknown>>,
  requireAll: boolean,
): void => {
  const problems: { key: string; problem: string }[] = [];
  for (const def of defs) {
    const v = values[def.key];
    if (v === undefined || v === null || v === '') {
      if (def.required && requireAll) problems.push({ key: def.key, problem: 'required' });
      continue;
    }
    if (def.type === 'number' && typeof v !== 'number')
      problems.push({ key: def.key, problem: 'must be a number' });
    if (def.type === 'text' && typeof v !== 'string')
      problems.push({ key: def.key, problem: 'must be text' });
    if (def.type === 'date' && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)))
      problems.push({ key: def.key, problem: 'must be YYYY-MM-DD' });
    if (def.pattern && typeof v === 'string' && !new RegExp(def.pattern).test(v))
      problems.push({ key: def.key, problem: `must match ${def.pattern}` });
  }
  const known = new Set(defs.map((d) => d.key));
  for (const key of Object.keys(values))
    if (!known.has(key)) problems.push({ key, problem: 'not a field of the active preset' });
  if (problems.length > 0) throw new AppError('CUSTOM_FIELD_INVALID', { problems });
};

/** What intake decided before it writes: the ids, the lifecycle state, the look-ups and the suggestions. */
export type IntakeDecisions = {
  readonly id: string;
  readonly year: number;
  readonly status: string;
  readonly receivedAt: Date;
  readonly now: Date;
  readonly reporterId: string | null;
  readonly intakeDepartmentId: string | null;
  readonly afterHours: AfterHoursDecision;
  readonly urgent: boolean;
  readonly customer: {
    readonly id: string;
    readonly tier: string;
    readonly specialGroup: string | null;
  } | null;
  readonly product: IntakeContext['product'];
  readonly phoneNorm: string | null;
  readonly productCode: string | null;
  readonly suggestion: ClassificationSuggestion;
  readonly trackingTokenHash: string;
  readonly eventTimes: Record<string, string>;
  readonly defaultLocale: 'zh-CN' | 'en';
};

/**
 * The complaint record 投诉/反馈单 as intake stores it: customer and product snapshotted as received (the archive
 * and the catalogue fill what the form left out), the suggestion, no classification yet (a person confirms it).
 */
export const intakeRow = (
  input: IntakeInput,
  d: IntakeDecisions,
): Omit<NewComplaintRow, 'number' | 'seq' | 'searchVector'> => ({
  id: d.id,
  year: d.year,
  kind: input.kind,
  channel: input.channel,
  status: d.status,
  receivedAt: d.receivedAt,
  registeredAt: d.now,
  reporterId: d.reporterId,
  intakeDepartmentId: d.intakeDepartmentId,
  receivedOutsideCustomerService: input.receivedOutsideCustomerService,
  afterHours: {
    handling: d.afterHours.handling,
    processFrom: d.afterHours.processFrom.toISOString(),
    urgent: d.urgent,
  },
  customerId: d.customer?.id ?? null,
  customerName: input.customer.name,
  customerPhone: input.customer.phone ?? null,
  customerPhoneNorm: d.phoneNorm,
  customerEmail: input.customer.email ?? null,
  customerAddress: input.customer.address ?? null,
  customerType: input.customer.type,
  customerTier: input.customer.tier ?? d.customer?.tier ?? 'standard',
  customerSpecialGroup: input.customer.specialGroup ?? d.customer?.specialGroup ?? null,
  customerLocale: input.customer.locale ?? d.defaultLocale,
  productId: d.product?.id ?? null,
  productName: input.product.name ?? d.product?.name ?? null,
  productModel: input.product.model ?? d.product?.model ?? null,
  productCode: d.productCode,
  batchNo: input.product.batchNo ?? null,
  serialNo: input.product.serialNo ?? null,
  productionDate: input.product.productionDate ?? null,
  shipDate: input.product.shipDate ?? null,
  purchaseDate: input.product.purchaseDate ?? null,
  purchasePlace: input.product.purchasePlace ?? null,
  proofOfPurchase: input.product.proofOfPurchase ?? false,
  description: input.problem.description,
  occurredAt: input.problem.occurredAt ?? null,
  symptom: input.problem.symptom ?? null,
  affectedPart: input.problem.affectedPart ?? null,
  scope: input.problem.scope,
  demands: [...input.demands],
  claimedAmountFen: input.claimedAmountFen ?? null,
  injury: input.injury,
  flags: [...input.flags],
  customFields: { ...input.customFields },
  suggestion: d.suggestion,
  nature: null,
  severity: null,
  major: d.suggestion.major,
  trackingTokenHash: d.trackingTokenHash,
  eventTimes: d.eventTimes,
  createdAt: d.now,
  updatedAt: d.now,
  version: 1,
});
