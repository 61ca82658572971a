import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface ComplianceFilters {
  ownerId?: number;
  teamId?: number;
  grade?: string;
}

export const cadenceKeys = {
  all: ['cadence'] as const,
  compliance: (f: ComplianceFilters) => ['cadence', 'compliance', f] as const,
  customer: (id: number) => ['cadence', 'customer', id] as const,
};

export function useCompliance(filters: ComplianceFilters) {
  return useQuery({ queryKey: cadenceKeys.compliance(filters), queryFn: ({ signal }) => api.get('/api/cadence/compliance', { ...filters }, signal), placeholderData: keepPreviousData });
}

export function useCustomerCadence(customerId: number) {
  return useQuery({ queryKey: cadenceKeys.customer(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/cadence`, undefined, signal) });
}

/** Checking now closes the overdue task once a new visit meets the cadence; the task lists change too. */
export function useRefreshCadence(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/customers/${customerId}/cadence/refresh`, {}),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: cadenceKeys.all });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useSetExemption(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | null) =>
      reason === null ? api.delete(`/api/customers/${customerId}/cadence/exemption`) : api.put(`/api/customers/${customerId}/cadence/exemption`, { reason }),
    onSettled: () => void qc.invalidateQueries({ queryKey: cadenceKeys.all }),
  });
}

export function useRunCadence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/cadence/run', {}),
    onSettled: () => void qc.invalidateQueries({ queryKey: cadenceKeys.all }),
  });
}
