import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from '../../app/api-client';
import type {
  AdverseEvent,
  AdverseEventList,
  DecideAdverseEventBody,
  ReportFacts,
} from '../../app/api-types';
import { useSession } from '../../app/session';

export const ADVERSE_EVENTS_KEY = ['adverse-events'] as const;
export const complaintAdverseEventKey = (complaintId: string) =>
  [...ADVERSE_EVENTS_KEY, 'complaint', complaintId] as const;

/** The evaluation of one complaint (there is at most one), or null when it has none. */
export const useComplaintAdverseEvent = (complaintId: string) => {
  const { access } = useSession();
  return useQuery({
    queryKey: complaintAdverseEventKey(complaintId),
    enabled: access.canManageAdverseEvents,
    queryFn: async (): Promise<AdverseEvent | null> => {
      const page = await api.get<AdverseEventList>(
        `/api/v1/adverse-events${toQuery({ complaintId, limit: 1 })}`,
      );
      return page.items[0] ?? null;
    },
  });
};

/** The evaluations list: `open` true = still evaluating, false = decided, undefined = all; cursor paging. */
export const useAdverseEvents = (open: boolean | undefined) =>
  useInfiniteQuery({
    queryKey: [...ADVERSE_EVENTS_KEY, 'list', open ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<AdverseEventList>(
        `/api/v1/adverse-events${toQuery({ open: open === undefined ? undefined : String(open), limit: 50, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Decisions and report facts; each answers the evaluation, which replaces the cached one of its complaint. */
export const useAdverseEventWrites = () => {
  const client = useQueryClient();
  const keep = (view: AdverseEvent) => {
    client.setQueryData(complaintAdverseEventKey(view.complaintId), view);
    void client.invalidateQueries({ queryKey: [...ADVERSE_EVENTS_KEY, 'list'] });
    void client.invalidateQueries({ queryKey: ['timeline', view.complaintId] });
    void client.invalidateQueries({ queryKey: ['complaint', view.complaintId] });
    return view;
  };
  return {
    decide: async (id: string, decisionId: string, body: DecideAdverseEventBody) =>
      keep(await api.post<AdverseEvent>(`/api/v1/adverse-events/${id}/decisions/${decisionId}`, body)),
    saveFacts: async (id: string, body: ReportFacts) =>
      keep(await api.put<AdverseEvent>(`/api/v1/adverse-events/${id}/report-facts`, body)),
  };
};
