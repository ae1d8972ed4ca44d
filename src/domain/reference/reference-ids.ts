import type { Brand } from '../shared/brand';

export type CustomerId = Brand<string, 'CustomerId'>;
export type ProductId = Brand<string, 'ProductId'>;
export type BatchId = Brand<string, 'BatchId'>;
export type ShipmentId = Brand<string, 'ShipmentId'>;
