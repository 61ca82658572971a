import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Gender, IndividualCustomer, IndividualPage } from '../../api/contract/customers';
import type { IndividualEditable as IndividualInput } from '../../api/contract/customers';
import type { StayInput } from '../../api/contract/stays';

export type { IndividualInput };

export interface IndividualFilters {
  q?: string;
  /** A–Z or # */
  initial?: string;
  page: number;
  pageSize: number;
}

export const individualKeys = {
  all: ['individual-customers'] as const,
  list: (filters: IndividualFilters) => ['individual-customers', 'list', filters] as const,
  detail: (id: number) => ['individual-customers', 'detail', id] as const,
  stays: (id: number) => ['individual-customers', 'stays', id] as const,
};

export function useIndividuals(filters: IndividualFilters) {
  return useQuery({
    queryKey: individualKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/individual-customers', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}


export function useSaveIndividual() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: IndividualInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/individual-customers/${id}`, body) : api.post('/api/individual-customers', body),
    // Also after a failure: a 409 means our copy is stale and must be reloaded.
    onSettled: () => qc.invalidateQueries({ queryKey: individualKeys.all }),
  });
}

export type IndividualRevealField = 'mobile' | 'idNumber';

/** The unmasked value of one field (audit-logged on the server); not cached. */
export function useRevealIndividual(id: number) {
  return useMutation({
    mutationFn: (field: IndividualRevealField) => api.post(`/api/individual-customers/${id}/reveal`, { field }),
  });
}

export function useIndividual(id: number) {
  return useQuery({
    queryKey: individualKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/individual-customers/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The guest's stays with the meeting state (docs/regulations.md §9). */
export function useStays(individualId: number) {
  return useQuery({
    queryKey: individualKeys.stays(individualId),
    queryFn: ({ signal }) => api.get(`/api/individual-customers/${individualId}/stays`, undefined, signal),
  });
}

export function useRecordStay(individualId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StayInput) => api.post(`/api/individual-customers/${individualId}/stays`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: individualKeys.stays(individualId) }),
  });
}

export function useMeetGuest(individualId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stayId, note }: { stayId: number; note: string | null }) => api.post(`/api/individual-customers/${individualId}/stays/${stayId}/meeting`, { note }),
    onSettled: () => qc.invalidateQueries({ queryKey: individualKeys.stays(individualId) }),
  });
}
