import type { QualityReportKind } from './decide-batch-signal';

/** The printed prefixes: 异常 YC (abnormality report), 专题 ZT (special report), 批量 PL (batch case). */
export const SIGNAL_NUMBER_PREFIXES = { abnormality: 'YC', special: 'ZT', batch_case: 'PL' } as const;

export type SignalDocument = QualityReportKind | 'batch_case';

/** A gapless document number `YC-2026-0001` / `ZT-…` / `PL-…`: the series' prefix, the year, the order in it. */
export const formatSignalNumber = (document: SignalDocument, year: number, seq: number): string =>
  `${SIGNAL_NUMBER_PREFIXES[document]}-${year}-${String(seq).padStart(4, '0')}`;
