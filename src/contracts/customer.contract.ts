import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/complaint/complaint-status';
import {
  COMPLAINT_KINDS,
  CUSTOMER_TIERS,
  CUSTOMER_TYPES,
  SPECIAL_GROUPS,
} from '../domain/complaint/complaint-vocabulary';
import {
  ZEmail,
  ZId,
  ZIsoDateTime,
  ZPageQuery,
  ZPhone,
  ZReason,
  ZVersion,
  zPage,
  zText,
} from './common.contract';

export const CUSTOMER_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;

/** Codes from other systems (ERP, CRM): 1–64 letters, digits, `.` `_` `-`. */
export const ZReferenceCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '1–64 letters, digits, . _ -');

const MASKED = 'Masked for viewers without pii.reveal';

export const ZCustomerContactView = z.object({
  name: z.string(),
  phone: z.string().nullable().describe(`${MASKED} (138****5678)`),
  role: z.string().nullable(),
});

export const ZCustomerView = z
  .object({
    id: ZId,
    code: z.string().nullable(),
    name: z.string(),
    type: z.enum(CUSTOMER_TYPES),
    tier: z.enum(CUSTOMER_TIERS).describe('R-RES-6'),
    specialGroup: z.enum(SPECIAL_GROUPS).nullable().describe('R-RES-6: home service, dedicated follow-up'),
    phone: z.string().nullable().describe(`${MASKED} (138****5678)`),
    email: z.string().nullable().describe(`${MASKED} (a***@x.com)`),
    address: z.string().nullable().describe(`${MASKED} (浙江省杭州市****)`),
    region: z.string().nullable(),
    company: z.string().nullable(),
    contacts: z.array(ZCustomerContactView),
    notes: z.string().nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    version: z.number().int(),
  })
  .meta({ id: 'Customer' });

export const ZCustomerPage = zPage(ZCustomerView).meta({ id: 'CustomerPage' });

export const ZCustomerListQuery = ZPageQuery.extend({
  q: zText(64).optional().describe('Part of the name'),
  phone: ZPhone.optional().describe('Any way of writing the number: +86 138-1234-5678 = 13812345678'),
  type: z.enum(CUSTOMER_TYPES).optional(),
  tier: z.enum(CUSTOMER_TIERS).optional(),
  specialGroup: z.enum(SPECIAL_GROUPS).optional(),
  sort: z.enum(CUSTOMER_SORTS).default('name'),
});

const ZContactInput = z.strictObject({
  name: zText(64),
  phone: ZPhone.nullable().optional(),
  role: zText(64).nullable().optional(),
});

const customerFields = {
  code: ZReferenceCode.nullable().optional().describe('Unique when given (ERP/CRM customer number)'),
  name: zText(100),
  type: z.enum(CUSTOMER_TYPES).optional().describe('Default consumer'),
  tier: z.enum(CUSTOMER_TIERS).optional().describe('Default standard'),
  specialGroup: z.enum(SPECIAL_GROUPS).nullable().optional(),
  phone: ZPhone.nullable().optional(),
  email: ZEmail.nullable().optional(),
  address: zText(300).nullable().optional(),
  region: zText(64).nullable().optional(),
  company: zText(100).nullable().optional(),
  contacts: z.array(ZContactInput).max(20).optional(),
  notes: zText(2000).nullable().optional(),
};

export const ZCreateCustomerBody = z.strictObject(customerFields).meta({ id: 'CreateCustomerRequest' });

export const ZUpdateCustomerBody = z
  .strictObject({
    version: ZVersion.optional().describe('Or send If-Match: "<version>"'),
    ...customerFields,
    name: customerFields.name.optional(),
    reason: ZReason,
  })
  .meta({ id: 'UpdateCustomerRequest' });

export const ZCustomerBulkBody = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          ...customerFields,
          code: ZReferenceCode.optional(),
          specialGroup: z.enum(SPECIAL_GROUPS).optional(),
          phone: ZPhone.optional(),
          email: ZEmail.optional(),
          address: zText(300).optional(),
          region: zText(64).optional(),
          company: zText(100).optional(),
          notes: zText(2000).optional(),
        }),
      )
      .min(1)
      .max(5000),
  })
  .meta({ id: 'CustomerBulkUpsertRequest' });

/** The answer of every reference-data bulk upsert. */
export const ZReferenceBulkResult = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .meta({ id: 'ReferenceBulkUpsertResult' });

export const ZArchiveComplaintView = z
  .object({
    id: ZId,
    number: z.string(),
    kind: z.enum(COMPLAINT_KINDS),
    status: z.enum(COMPLAINT_STATUSES),
    severity: z.string().nullable(),
    receivedAt: ZIsoDateTime,
    productName: z.string().nullable(),
    batchNo: z.string().nullable(),
    demands: z.array(z.string()),
    claimedAmountFen: z.number().int().nullable(),
    compensationPaidFen: z.number().int().describe('Paid on this complaint, integer fen; 0 when none'),
    closure: z
      .object({ kind: z.string().nullable(), reason: z.string().nullable(), at: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'CustomerArchiveComplaint' });

export const ZCustomerComplaintStats = z
  .object({
    complaints: z.number().int(),
    open: z.number().int(),
    compensationPaidFen: z.number().int().describe('Total paid so far, integer fen'),
    claimedAmountFen: z.number().int(),
    byStatus: z.record(z.enum(COMPLAINT_STATUSES), z.number().int()),
  })
  .meta({ id: 'CustomerComplaintStats' });

export const ZCustomerArchiveQuery = ZPageQuery;

/** One complaint's compensation from the compensation ledger (net of reversals). */
export const ZCustomerCompensationEntry = z
  .object({
    complaintId: ZId,
    number: z.string(),
    receivedAt: ZIsoDateTime,
    agreedFen: z.number().int().describe('Agreed with the customer, integer fen'),
    paidFen: z.number().int().describe('Paid out, integer fen'),
    lastPaidAt: ZIsoDateTime.nullable().describe('When the last payment was booked'),
  })
  .meta({ id: 'CustomerCompensationEntry' });

export const ZCustomerArchiveView = z
  .object({
    customer: ZCustomerView,
    stats: ZCustomerComplaintStats,
    complaints: zPage(ZArchiveComplaintView),
    compensationHistory: z
      .array(ZCustomerCompensationEntry)
      .describe('R-RES-6: every complaint with compensation in the ledger, newest first'),
  })
  .meta({ id: 'CustomerArchive' });

export const ZCustomerLookupQuery = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,24}$/, 'phone number: digits, spaces, dashes, brackets, optional +')
    .describe('Any way of writing the number; URL-encode the + as %2B'),
  recent: z.coerce.number().int().min(1).max(20).default(5).describe('Complaints listed per customer'),
});

export const ZCustomerLookupView = z
  .object({
    phone: z.string().nullable().describe('The normalised number searched for'),
    matches: z.array(
      z.object({
        customer: ZCustomerView,
        stats: ZCustomerComplaintStats,
        recentComplaints: z.array(
          ZArchiveComplaintView.pick({
            id: true,
            number: true,
            kind: true,
            status: true,
            receivedAt: true,
            productName: true,
            compensationPaidFen: true,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CustomerLookup' });
