import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs, DISPLAY_TIME_ZONE } from '../../app/time';
import {
  APPROVER_ROLE_LABELS,
  COMPENSATION_KIND_LABELS,
} from '../../../domain/compensation/compensation-labels';
import type { ApproverRole, CompensationKind } from '../../../domain/compensation/compensation-policy';
import { ROLE_LABELS, isRole } from '../../../domain/identity/roles';

const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer fen from the API as "¥1,234.50" (yuan, two decimals). */
export const formatYuan = (fen: number): string => `¥${YUAN.format(fen / 100)}`;

/**
 * Yuan typed in a form as integer fen, half up. The decimal point is shifted in the number's digits, not by a binary
 * multiply (1.005 × 100 is 100.4999… in floating point, but 1.005 yuan is 101 fen).
 */
export const yuanToFen = (yuan: number): number => {
  const digits = String(yuan);
  return Math.round(digits.includes('e') ? yuan * 100 : Number(`${digits}e2`));
};

/** A signature's time to the second, in the display zone (21 CFR 11.50: date and time of signing). */
export const formatSignedAt = (iso: string): string =>
  dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');

/** The first 12 hex digits of a SHA-256: enough to tell versions apart on screen. */
export const shortHash = (hash: string): string => hash.slice(0, 12);

/** Labels of compensation kinds, approver roles and system roles in the UI language (pure domain tables). */
export const useCompensationLabels = () => {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    lang,
    kind: (k: string): string => COMPENSATION_KIND_LABELS[k as CompensationKind]?.[lang] ?? k,
    approver: (r: string): string => APPROVER_ROLE_LABELS[r as ApproverRole]?.[lang] ?? r,
    role: (r: string): string => (isRole(r) ? ROLE_LABELS[r][lang] : r),
  } as const;
};

/** Table `onRow` props that carry only a test id (antd's row props type has no `data-*` keys). */
export const rowTestId = (id: string): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': id }) as HTMLAttributes<HTMLElement>;
