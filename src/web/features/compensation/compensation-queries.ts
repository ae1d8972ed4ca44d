import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from '../../app/api-client';
import type { CompensationView, PendingApprovals, UserPage } from '../../app/api-types';
import { useSession } from '../../app/session';

export const compensationKey = (complaintId: string) => ['compensation', complaintId] as const;
export const PENDING_APPROVALS_KEY = ['approvals', 'pending'] as const;
export const TASKS_KEY = ['compensation-tasks'] as const;

/** A complaint's proposals (every version), signatures and execution tasks. */
export const useCompensation = (complaintId: string) =>
  useQuery({
    queryKey: compensationKey(complaintId),
    queryFn: () => api.get<CompensationView>(`/api/v1/complaints/${complaintId}/compensation`),
  });

/** Proposals whose open step the signed-in user may sign (own roles or a delegation in force). */
export const usePendingApprovals = () => {
  const { access } = useSession();
  return useQuery({
    queryKey: PENDING_APPROVALS_KEY,
    queryFn: () => api.get<PendingApprovals>('/api/v1/approvals/pending'),
    enabled: access.canSign,
  });
};

/**
 * Everything a signature, a proposal or a completed task changes on screen. A write that answers the complaint's
 * compensation view puts it in the cache at once, so the tab never shows the version before the write.
 */
export const useRefreshCompensation = () => {
  const client = useQueryClient();
  return (complaintId?: string, view?: CompensationView) => {
    if (complaintId && view) client.setQueryData(compensationKey(complaintId), view);
    return Promise.all([
      ...(complaintId
        ? [
            client.invalidateQueries({ queryKey: compensationKey(complaintId) }),
            client.invalidateQueries({ queryKey: ['complaint', complaintId] }),
            client.invalidateQueries({ queryKey: ['timeline', complaintId] }),
          ]
        : [client.invalidateQueries({ queryKey: ['compensation'] })]),
      client.invalidateQueries({ queryKey: PENDING_APPROVALS_KEY }),
      client.invalidateQueries({ queryKey: TASKS_KEY }),
      client.invalidateQueries({ queryKey: ['queue'] }),
    ]);
  };
};

/** Display names of users by id (first 200 active users), for "on behalf of" before a signature exists. */
export const useUserNames = () => {
  const { access } = useSession();
  const q = useQuery({
    queryKey: ['users', 'names'],
    queryFn: () => api.get<UserPage>(`/api/v1/users${toQuery({ limit: 200 })}`),
    enabled: access.has('user.read'),
    staleTime: 300_000,
  });
  const names = new Map((q.data?.items ?? []).map((u) => [u.id, u.displayName]));
  return (id: string | null | undefined): string => (id ? (names.get(id) ?? id) : '—');
};
