import type { z } from 'zod';
import type { Actor } from '../../domain/identity/actor';
import type { Batch } from '../../domain/reference/batch';
import type { Customer } from '../../domain/reference/customer';
import type {
  CustomerComplaintEntry,
  CustomerComplaintStats,
  CustomerCompensationEntry,
} from '../../domain/reference/customer-history';
import { maskAddress } from '../../domain/reference/mask-address';
import { normaliseCustomerPhone } from '../../domain/reference/normalise-customer-phone';
import type { Product } from '../../domain/reference/product';
import type { Shipment } from '../../domain/reference/shipment';
import { maskEmail, maskPhone } from '../../domain/shared/mask-personal-data';
import type {
  ZArchiveComplaintView,
  ZCustomerComplaintStats,
  ZCustomerCompensationEntry,
  ZCustomerView,
} from '../../contracts/customer.contract';
import type { ZBatchView, ZProductView, ZShipmentView } from '../../contracts/reference.contract';

const canReveal = (viewer: Actor): boolean =>
  viewer.kind === 'system' || (viewer.kind === 'user' && viewer.grants.has('pii.reveal'));

// Masked numbers are built from the normalised digits, so "+86 138-1234-5678" shows as 138****5678 too.
const maskedPhone = (phone: string): string => maskPhone(normaliseCustomerPhone(phone) ?? phone);

/** A customer as the viewer may see them: phone, e-mail, address and contacts' phones masked without `pii.reveal`. */
export const presentCustomer = (c: Customer, viewer: Actor): z.infer<typeof ZCustomerView> => {
  const reveal = canReveal(viewer);
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    type: c.type,
    tier: c.tier,
    specialGroup: c.specialGroup,
    phone: c.phone && (reveal ? c.phone : maskedPhone(c.phone)),
    email: c.email && (reveal ? c.email : maskEmail(c.email)),
    address: c.address && (reveal ? c.address : maskAddress(c.address)),
    region: c.region,
    company: c.company,
    contacts: c.contacts.map((x) => ({
      name: x.name,
      phone: x.phone && (reveal ? x.phone : maskedPhone(x.phone)),
      role: x.role,
    })),
    notes: c.notes,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
};

export const presentArchiveComplaint = (
  e: CustomerComplaintEntry,
): z.infer<typeof ZArchiveComplaintView> => ({
  id: e.id,
  number: e.number,
  kind: e.kind,
  status: e.status,
  severity: e.severity,
  receivedAt: e.receivedAt.toISOString(),
  productName: e.productName,
  batchNo: e.batchNo,
  demands: [...e.demands],
  claimedAmountFen: e.claimedAmountFen,
  compensationPaidFen: e.compensationPaidFen,
  closure: e.closure && { ...e.closure },
});

export const presentCompensationEntry = (
  e: CustomerCompensationEntry,
): z.infer<typeof ZCustomerCompensationEntry> => ({
  complaintId: e.complaintId,
  number: e.number,
  receivedAt: e.receivedAt.toISOString(),
  agreedFen: e.agreedFen,
  paidFen: e.paidFen,
  lastPaidAt: e.lastPaidAt ? e.lastPaidAt.toISOString() : null,
});

export const presentComplaintStats = (
  s: CustomerComplaintStats,
): z.infer<typeof ZCustomerComplaintStats> => ({
  complaints: s.complaints,
  open: s.open,
  compensationPaidFen: s.compensationPaidFen,
  claimedAmountFen: s.claimedAmountFen,
  byStatus: { ...s.byStatus },
});

export const presentProduct = (p: Product): z.infer<typeof ZProductView> => ({
  id: p.id,
  code: p.code,
  name: p.name,
  model: p.model,
  category: p.category,
  priceFen: p.priceFen,
  warrantyMonths: p.warrantyMonths,
  medicalDevice: p.medicalDevice,
  active: p.active,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  version: p.version,
});

export const presentBatch = (b: Batch): z.infer<typeof ZBatchView> => ({
  id: b.id,
  productId: b.productId,
  productCode: b.productCode,
  productName: b.productName,
  batchNo: b.batchNo,
  productionDate: b.productionDate,
  quantity: b.quantity,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
  version: b.version,
});

export const presentShipment = (s: Shipment): z.infer<typeof ZShipmentView> => ({
  id: s.id,
  batchId: s.batchId,
  productId: s.productId,
  productCode: s.productCode,
  batchNo: s.batchNo,
  region: s.region,
  quantity: s.quantity,
  shippedOn: s.shippedOn,
  customerId: s.customerId,
  reference: s.reference,
  createdAt: s.createdAt.toISOString(),
});
