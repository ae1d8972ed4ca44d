import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { ts } from './columns';

/**
 * Customer archive 顾客档案 (R-RES-6, seed 000): who complains, their tier and special group. The complaint and
 * compensation history is read from complaints by customer id. Phone is also kept normalised for look-ups.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    code: text('code'),
    name: text('name').notNull(),
    type: text('type').notNull(),
    tier: text('tier').notNull().default('standard'),
    specialGroup: text('special_group'),
    phone: text('phone'),
    phoneNorm: text('phone_norm'),
    email: text('email'),
    address: text('address'),
    region: text('region'),
    company: text('company'),
    contacts: jsonb('contacts').notNull().default([]),
    notes: text('notes'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('customers_code_uq').on(t.code),
    index('customers_phone_norm_idx').on(t.phoneNorm),
    index('customers_name_idx').on(t.name),
  ],
);

/** Products: category, unit price (fen) and warranty months drive classification, compensation and warranty. */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    model: text('model'),
    category: text('category'),
    priceFen: bigint('price_fen', { mode: 'number' }),
    warrantyMonths: integer('warranty_months'),
    medicalDevice: boolean('medical_device').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('products_code_uq').on(t.code)],
);

/** Production batches (批号): the unit of batch signals and recalls. */
export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    batchNo: text('batch_no').notNull(),
    productionDate: date('production_date', { mode: 'string' }),
    quantity: integer('quantity'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('batches_product_batch_uq').on(t.productId, t.batchNo),
    index('batches_batch_no_idx').on(t.batchNo),
  ],
);

/** Shipments of a batch to a region: the denominator of defect rates (R-BAT-1) and the map of a recall. */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    region: text('region').notNull(),
    quantity: integer('quantity').notNull(),
    shippedOn: date('shipped_on', { mode: 'string' }).notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    reference: text('reference'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('shipments_batch_idx').on(t.batchId, t.region),
    uniqueIndex('shipments_reference_uq')
      .on(t.reference)
      .where(sql`reference is not null`),
  ],
);
