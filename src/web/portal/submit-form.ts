import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PortalSubmitBody } from '../app/api-types';
import type { Demand, Injury } from '../../domain/complaint/complaint-vocabulary';

/** The submit form's fields as Ant Design holds them. */
export type SubmitFormValues = {
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly productName?: string;
  readonly productCode?: string;
  readonly batchNo?: string;
  readonly purchaseDate?: Dayjs | null;
  readonly purchasePlace?: string;
  readonly description: string;
  readonly injury: Injury;
  readonly demands?: Demand[];
  readonly photos?: UploadFile[];
};

const clip = (v: string | null, max: number): string | undefined => {
  const s = v?.trim();
  return s ? s.slice(0, max) : undefined;
};

/** What a QR code on the package puts in the URL: `?product=<code>&batch=<batchNo>&name=<product name>`. */
export const prefillFromQuery = (params: URLSearchParams): Partial<SubmitFormValues> => {
  const prefill = {
    productCode: clip(params.get('product'), 64),
    batchNo: clip(params.get('batch'), 64),
    productName: clip(params.get('name'), 200),
  };
  return Object.fromEntries(Object.entries(prefill).filter(([, v]) => v !== undefined));
};

const orNull = (v: string | undefined): string | null => (v?.trim() ? v.trim() : null);

export const toSubmitBody = (v: SubmitFormValues, locale: 'zh-CN' | 'en'): PortalSubmitBody => ({
  customer: { name: v.name.trim(), phone: v.phone.trim(), email: orNull(v.email), locale },
  product: {
    name: orNull(v.productName),
    code: orNull(v.productCode),
    batchNo: orNull(v.batchNo),
    purchaseDate: v.purchaseDate ? v.purchaseDate.format('YYYY-MM-DD') : null,
    purchasePlace: orNull(v.purchasePlace),
  },
  problem: { description: v.description.trim() },
  demands: v.demands ?? [],
  injury: v.injury,
});

/** The files picked in the form, in the order they were chosen. */
export const photoFiles = (list: readonly UploadFile[] | undefined): File[] =>
  (list ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
