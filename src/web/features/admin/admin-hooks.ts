import type { HTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, toQuery } from '../../app/api-client';
import type { DepartmentList, RoleList, UserPage } from '../../app/api-types';
import { useSession } from '../../app/session';

/** The UI language as the API's label objects key it. */
export const useLang = (): 'zh-CN' | 'en' => {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
};

/** The server's localised message of a failed call (the contract's `error.message`). */
export const errorText = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));

/** The `{ path, message }` problems a 422 lists in `details.problems` (policies, calendar, holiday data). */
export const problemsOf = (e: unknown): { path: string; message: string }[] => {
  if (!(e instanceof ApiError)) return [];
  const list = e.details.problems;
  return Array.isArray(list)
    ? list.map((p: { path?: unknown; message?: unknown }) => ({
        path: String(p.path ?? ''),
        message: String(p.message ?? ''),
      }))
    : [];
};

/** Roles with their zh/en labels (GET /api/v1/roles), and a label lookup that falls back to the code. */
export const useRoles = () => {
  const lang = useLang();
  const { access } = useSession();
  const q = useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<RoleList>('/api/v1/roles'),
    staleTime: 600_000,
    enabled: access.canSeeRoles,
  });
  const items = q.data?.items ?? [];
  return {
    query: q,
    items,
    options: items.map((r) => ({ value: r.role, label: r.label[lang] })),
    labelOf: (role: string) => items.find((r) => r.role === role)?.label[lang] ?? role,
  };
};

export const useDepartments = (enabled = true) =>
  useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<DepartmentList>('/api/v1/departments'),
    enabled,
  });

/** Display names of users by id, to show who changed a policy or owns a token (first 200 users). */
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

/** Table `onRow` props that carry only a test id (antd's row props type has no `data-*` keys). */
export const rowTestId = (id: string): HTMLAttributes<HTMLElement> =>
  ({ 'data-testid': id }) as HTMLAttributes<HTMLElement>;
