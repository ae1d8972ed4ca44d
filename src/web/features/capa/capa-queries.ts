import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from '../../app/api-client';
import type { CapaAction, Disposal, EightDReport, UserPage } from '../../app/api-types';
import { useSession } from '../../app/session';

export const CAPA_ACTIONS_KEY = ['capa-actions'] as const;
export const capaActionKey = (id: string) => ['capa-action', id] as const;
export const EIGHT_D_KEY = ['eight-d-reports'] as const;
export const eightDKey = (id: string) => ['eight-d-report', id] as const;
export const DISPOSALS_KEY = ['disposals'] as const;
export const disposalKey = (id: string) => ['disposal', id] as const;

export const useCapaAction = (id: string) =>
  useQuery({ queryKey: capaActionKey(id), queryFn: () => api.get<CapaAction>(`/api/v1/capa-actions/${id}`) });

export const useEightD = (id: string) =>
  useQuery({
    queryKey: eightDKey(id),
    queryFn: () => api.get<EightDReport>(`/api/v1/eight-d-reports/${id}`),
  });

export const useDisposal = (id: string) =>
  useQuery({ queryKey: disposalKey(id), queryFn: () => api.get<Disposal>(`/api/v1/disposals/${id}`) });

/** Puts what the server answered into the cache at once and refreshes the lists that show it. */
export const useRefreshCapa = () => {
  const client = useQueryClient();
  return {
    action: (a: CapaAction) => {
      client.setQueryData(capaActionKey(a.id), a);
      return client.invalidateQueries({ queryKey: CAPA_ACTIONS_KEY });
    },
    eightD: (r: EightDReport) => {
      client.setQueryData(eightDKey(r.id), r);
      return client.invalidateQueries({ queryKey: EIGHT_D_KEY });
    },
    disposal: (d: Disposal) => {
      client.setQueryData(disposalKey(d.id), d);
      return client.invalidateQueries({ queryKey: DISPOSALS_KEY });
    },
  };
};

/** Active users to choose an owner from (first 200). */
export const useActiveUsers = (enabled = true) => {
  const { access } = useSession();
  return useQuery({
    queryKey: ['users', 'active'],
    queryFn: () => api.get<UserPage>(`/api/v1/users${toQuery({ limit: 200, status: 'active' })}`),
    enabled: enabled && access.has('user.read'),
    staleTime: 300_000,
  });
};
