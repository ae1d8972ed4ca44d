import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import type { Investigation, ReopenInvestigationBody, SaveInvestigationBody } from '../../app/api-types';

export const investigationKey = (complaintId: string) => ['investigation', complaintId] as const;

/** A complaint's investigation record with what still keeps it from being filed (`problems`). */
export const useInvestigation = (complaintId: string) =>
  useQuery({
    queryKey: investigationKey(complaintId),
    queryFn: () => api.get<Investigation>(`/api/v1/complaints/${complaintId}/investigation`),
  });

const url = (complaintId: string) => `/api/v1/complaints/${complaintId}/investigation`;

/** The three writes; each answers the record, which goes into the cache at once. */
export const useInvestigationWrites = (complaintId: string) => {
  const client = useQueryClient();
  const keep = (view: Investigation) => {
    client.setQueryData(investigationKey(complaintId), view);
    void client.invalidateQueries({ queryKey: ['timeline', complaintId] });
    void client.invalidateQueries({ queryKey: ['complaint', complaintId] });
    return view;
  };
  return {
    save: async (body: SaveInvestigationBody) => keep(await api.put<Investigation>(url(complaintId), body)),
    file: async (version: number) =>
      keep(await api.post<Investigation>(`${url(complaintId)}/file`, { version })),
    reopen: async (body: ReopenInvestigationBody) =>
      keep(await api.post<Investigation>(`${url(complaintId)}/reopen`, body)),
    refetch: () => client.invalidateQueries({ queryKey: investigationKey(complaintId) }),
  };
};
