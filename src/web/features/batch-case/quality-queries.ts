import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { api, ApiError, toQuery } from '../../app/api-client';
import type { BatchCase, ProductPage, Recall } from '../../app/api-types';

export const batchCaseKey = (id: string) => ['batch-case', id] as const;
export const BATCH_CASES_KEY = ['batch-cases'] as const;
export const recallKey = (id: string) => ['recall', id] as const;
export const RECALLS_KEY = ['recalls'] as const;
export const SAMPLINGS_KEY = ['regulator-samplings'] as const;

export const useBatchCase = (id: string) =>
  useQuery({
    queryKey: batchCaseKey(id),
    queryFn: () => api.get<BatchCase>(`/api/v1/batch-cases/${id}`),
  });

export const useRecall = (id: string) =>
  useQuery({ queryKey: recallKey(id), queryFn: () => api.get<Recall>(`/api/v1/recalls/${id}`) });

/** Puts a case the server answered into the cache at once and refreshes the lists that show it. */
export const useRefreshQuality = () => {
  const client = useQueryClient();
  return {
    batchCase: (view: BatchCase) => {
      client.setQueryData(batchCaseKey(view.id), view);
      return client.invalidateQueries({ queryKey: BATCH_CASES_KEY });
    },
    recall: (view: Recall) => {
      client.setQueryData(recallKey(view.id), view);
      return Promise.all([
        client.invalidateQueries({ queryKey: RECALLS_KEY }),
        ...(view.caseId ? [client.invalidateQueries({ queryKey: batchCaseKey(view.caseId) })] : []),
      ]);
    },
  };
};

/** Product names by id (first 200 products), for lists that carry only the id. */
export const useProductNames = () => {
  const q = useQuery({
    queryKey: ['products', 'names'],
    queryFn: () => api.get<ProductPage>(`/api/v1/products${toQuery({ limit: 200 })}`),
    staleTime: 300_000,
  });
  const names = new Map((q.data?.items ?? []).map((p) => [p.id, `${p.name}（${p.code}）`]));
  return (id: string | null | undefined): string => (id ? (names.get(id) ?? id) : '—');
};

/**
 * Runs one write: a busy flag for the button, the server's localised message when it refuses, and a success
 * toast. Answers the result, or undefined when the write failed.
 */
export const useWrite = () => {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async <T>(write: () => Promise<T>, success?: string): Promise<T | undefined> => {
    setBusy(true);
    try {
      const result = await write();
      if (success) void message.success(success);
      return result;
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
};
