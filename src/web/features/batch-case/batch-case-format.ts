import type { BatchCaseSummary } from '../../app/api-types';

export const CASE_STATUS_COLOR: Record<BatchCaseSummary['status'], string> = {
  open: 'orange',
  investigating: 'processing',
  decided: 'purple',
  closed: 'success',
};

const NUMBER = new Intl.NumberFormat('zh-CN');

/** A unit count with thousands separators; "—" when unknown. */
export const formatUnits = (n: number | null | undefined): string => (n == null ? '—' : NUMBER.format(n));
