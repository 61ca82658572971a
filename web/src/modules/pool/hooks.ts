import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const poolKeys = {
  all: ['pool'] as const,
  pools: ['pool', 'pools'] as const,
  status: ['pool', 'status'] as const,
  entries: (id: number, f: Record<string, unknown>) => ['pool', 'entries', id, f] as const,
};

export function usePools() {
  return useQuery({ queryKey: poolKeys.pools, queryFn: ({ signal }) => api.get('/api/pools', undefined, signal) });
}

export function usePoolStatus(enabled: boolean) {
  return useQuery({ queryKey: poolKeys.status, queryFn: ({ signal }) => api.get('/api/pool/status', undefined, signal), enabled });
}

export function usePoolEntries(poolId: number | undefined, f: { q?: string; rule?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: poolKeys.entries(poolId ?? 0, f),
    queryFn: ({ signal }) => api.get(`/api/pools/${poolId!}/customers`, { ...f }, signal),
    enabled: poolId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useClaim(poolId: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (customerId: number) => api.post(`/api/pools/${poolId!}/claims`, { customerId }),
    onSettled: () => qc.invalidateQueries({ queryKey: poolKeys.all }),
  });
}
