import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQuery } from '../../app/api-client';
import type { CostAllocationView } from '../../app/api-types';
import type { CostCause } from '../../../domain/compensation/allocate-cost';

/** Every cached cost allocation of a complaint (one per cause asked about). */
export const costAllocationsKey = (complaintId: string) => ['cost-allocation', complaintId] as const;
export const costAllocationKey = (complaintId: string, cause: CostCause | undefined) =>
  [...costAllocationsKey(complaintId), cause ?? null] as const;
/** Every cached ledger query; a saved allocation moves amounts between parties. */
export const LEDGER_KEY = ['compensation-ledger'] as const;

/**
 * A complaint's cost allocation with its form numbers, the suggested party and its rules (R-RES-8), and the
 * complaint's ledger amounts. An established cause sharpens the suggestion; the previous answer stays on screen
 * while the new one loads.
 */
export const useCostAllocation = (complaintId: string, cause: CostCause | undefined) =>
  useQuery({
    queryKey: costAllocationKey(complaintId, cause),
    queryFn: () =>
      api.get<CostAllocationView>(`/api/v1/complaints/${complaintId}/cost-allocation${toQuery({ cause })}`),
    placeholderData: keepPreviousData,
  });
