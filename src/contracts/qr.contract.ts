import { z } from 'zod';
import { zText } from './common.contract';

/** The image formats a product or batch QR code is drawn in. */
export const QR_FORMATS = ['svg', 'png'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

export const QR_MIME_TYPES: Readonly<Record<QrFormat, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
};

const qrFields = {
  format: z.enum(QR_FORMATS).default('svg').describe('svg (print, scales without loss) or png'),
  size: z.coerce
    .number()
    .int()
    .min(64)
    .max(2048)
    .default(512)
    .describe('Width and height in pixels, quiet zone included (default 512)'),
};

/** `GET /api/v1/batches/:id/qr`: the batch fixes the product and the batch number. */
export const ZQrQuery = z.strictObject(qrFields);

/** `GET /api/v1/products/:id/qr`: optionally for one batch number, as printed on the package. */
export const ZProductQrQuery = z.strictObject({
  ...qrFields,
  batch: zText(64)
    .optional()
    .describe('批号 to pre-fill in the portal; taken as given (it need not be registered yet)'),
});
