import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RfmSegment } from '../../api/contract/loyalty';

export const loyaltyKeys = {
  all: ['loyalty'] as const,
  churn: ['loyalty', 'churn'] as const,
  lost: ['loyalty', 'lost'] as const,
  rfm: (segment: RfmSegment | undefined) => ['loyalty', 'rfm', segment ?? null] as const,
  customer: (id: number) => ['loyalty', 'customer', id] as const,
};

export function useChurnRisks() {
  return useQuery({ queryKey: loyaltyKeys.churn, queryFn: ({ signal }) => api.get('/api/loyalty/churn-risks', undefined, signal) });
}
export function useLostProposals() {
  return useQuery({ queryKey: loyaltyKeys.lost, queryFn: ({ signal }) => api.get('/api/loyalty/lost', undefined, signal) });
}
export function useRfm(segment: RfmSegment | undefined) {
  return useQuery({ queryKey: loyaltyKeys.rfm(segment), queryFn: ({ signal }) => api.get('/api/loyalty/rfm', segment ? { segment } : undefined, signal), placeholderData: keepPreviousData });
}
export function useCustomerLoyalty(customerId: number) {
  return useQuery({ queryKey: loyaltyKeys.customer(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/loyalty`, undefined, signal) });
}

export function useChurnReason() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { customerId: number; reason: string }) => api.put(`/api/customers/${v.customerId}/loyalty/churn-reason`, { reason: v.reason }),
    onSettled: () => void qc.invalidateQueries({ queryKey: loyaltyKeys.all }),
  });
}

/** Recording a loss changes the customer's status and history too. */
export function useMarkLost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { customerId: number; reason: string }) => api.post(`/api/customers/${v.customerId}/loyalty/lost`, { reason: v.reason }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: loyaltyKeys.all });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useRunLoyalty() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/loyalty/run', {}),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: loyaltyKeys.all });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** 分 → 元 with two decimals. */
export const yuan = (cents: number) => (cents / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
