import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { api, setCsrfToken } from './api-client';
import type { Session } from './api-types';
import { computeAccess, type Access } from './access';

type SessionState = {
  readonly session: Session | undefined;
  readonly access: Access;
  readonly loading: boolean;
  readonly refresh: () => Promise<void>;
  readonly logout: () => Promise<void>;
};

const SessionContext = createContext<SessionState | undefined>(undefined);

/** The probe answers 200 either way, so a signed-out browser logs no failed request. */
const fetchSession = async (): Promise<Session | null> => {
  const { session } = await api.get<{ session: Session | null }>('/api/v1/auth/probe');
  setCsrfToken(session?.csrfToken);
  return session;
};

/** The signed-in user (or none), shared by the whole console. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000, retry: false });
  const value = useMemo<SessionState>(
    () => ({
      session: q.data ?? undefined,
      access: computeAccess(q.data ?? undefined),
      loading: q.isPending,
      refresh: async () => {
        await client.invalidateQueries({ queryKey: ['session'] });
      },
      logout: async () => {
        try {
          await api.post('/api/v1/auth/logout');
        } finally {
          setCsrfToken(undefined);
          client.clear();
          client.setQueryData(['session'], null);
        }
      },
    }),
    [q.data, q.isPending, client],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionState => {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
};
