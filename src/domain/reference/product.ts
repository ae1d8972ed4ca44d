import type { ProductId } from './reference-ids';

/** A product: category, unit price (integer fen) and warranty months feed classification, compensation, warranty. */
export type Product = {
  readonly id: ProductId;
  readonly code: string;
  readonly name: string;
  readonly model: string | null;
  readonly category: string | null;
  readonly priceFen: number | null;
  readonly warrantyMonths: number | null;
  readonly medicalDevice: boolean;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};

export type ProductFields = Omit<Product, 'id' | 'createdAt' | 'updatedAt' | 'version'>;
