import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type {
  BatchBoard,
  IssueQualityReportBody,
  ProductPage,
  QualityReports,
  QualityReportView,
} from '../../app/api-types';

export const BATCH_BOARD_KEY = ['batch-board'] as const;
export const QUALITY_REPORTS_KEY = ['quality-reports'] as const;
export const qualityReportKey = (id: string) => [...QUALITY_REPORTS_KEY, 'detail', id] as const;

/** The batch board, optionally for one product and batch. */
export const useBatchBoard = (filter: { productId?: string; batchNo?: string }) =>
  useQuery({
    queryKey: [...BATCH_BOARD_KEY, filter],
    queryFn: () => api.get<BatchBoard>(`/api/v1/batch-board${toQuery({ ...filter, limit: 200 })}`),
  });

/** Quality reports: open (earliest due first), issued, or all. */
export const useQualityReports = (status: 'open' | 'issued' | undefined) =>
  useQuery({
    queryKey: [...QUALITY_REPORTS_KEY, 'list', status ?? 'all'],
    queryFn: () => api.get<QualityReports>(`/api/v1/quality-reports${toQuery({ status, limit: 500 })}`),
  });

export const useQualityReport = (id: string) =>
  useQuery({
    queryKey: qualityReportKey(id),
    queryFn: () => api.get<QualityReportView>(`/api/v1/quality-reports/${id}`),
  });

/** The product catalogue (first 200), for the board's filter and names. */
export const useProducts = () =>
  useQuery({
    queryKey: ['products', 'names'],
    queryFn: () => api.get<ProductPage>(`/api/v1/products${toQuery({ limit: 200 })}`),
    staleTime: 300_000,
  });

/** Issues a report; the answer replaces the cached detail and the lists and board refresh. */
export const useIssueQualityReport = () => {
  const client = useQueryClient();
  return async (id: string, body: IssueQualityReportBody) => {
    const view = await api.post<QualityReportView>(`/api/v1/quality-reports/${id}/issue`, body);
    client.setQueryData(qualityReportKey(id), view);
    await Promise.all([
      client.invalidateQueries({ queryKey: [...QUALITY_REPORTS_KEY, 'list'] }),
      client.invalidateQueries({ queryKey: BATCH_BOARD_KEY }),
    ]);
    return view;
  };
};

/**
 * A failure mechanism as shown: free text from an investigation as it is, a nature code (counted before any
 * investigation named the mechanism, R-BAT-1) in the UI language.
 */
export const useMechanismLabel = () => {
  const { t } = useTranslation('vocab');
  return (m: string): string => (/^[a-z_]+$/.test(m) ? t(`nature.${m}`, { defaultValue: m }) : m);
};
