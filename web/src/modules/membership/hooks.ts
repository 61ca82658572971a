import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const membershipKeys = {
  all: ['membership'] as const,
  list: (f: Record<string, unknown>) => ['membership', 'list', f] as const,
  member: (id: number) => ['membership', 'member', id] as const,
  customer: (id: number) => ['membership', 'customer', id] as const,
  distribution: ['membership', 'distribution'] as const,
  rules: ['membership', 'rules'] as const,
};

export interface MemberFilters {
  q?: string;
  tier?: string;
  holder?: 'customer' | 'individual';
  sort?: string;
  page: number;
  pageSize: number;
}

export function useMembers(filters: MemberFilters) {
  return useQuery({ queryKey: membershipKeys.list({ ...filters }), queryFn: ({ signal }) => api.get('/api/members', { ...filters }, signal), placeholderData: keepPreviousData });
}

export function useMember(id: number) {
  return useQuery({
    queryKey: membershipKeys.member(id),
    queryFn: ({ signal }) => api.get(`/api/members/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

export function useCustomerMembership(customerId: number) {
  return useQuery({ queryKey: membershipKeys.customer(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/membership`, undefined, signal) });
}

export function useDistribution() {
  return useQuery({ queryKey: membershipKeys.distribution, queryFn: ({ signal }) => api.get('/api/members/distribution', undefined, signal) });
}

export function useMembershipRules() {
  return useQuery({ queryKey: membershipKeys.rules, queryFn: ({ signal }) => api.get('/api/membership/rules', undefined, signal), staleTime: 60_000 });
}

function useMembershipMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: membershipKeys.all }) });
}

export const useEnrol = () => useMembershipMutation((v: { customerId?: number; individualId?: number; joinedOn?: string }) => api.post('/api/members', v));
export const useAdjust = (id: number) => useMembershipMutation((v: { points: number; reason: string }) => api.post(`/api/members/${id}/adjust`, v));
export const useRedeem = (id: number) => useMembershipMutation((v: { giftKey: string; quantity: number }) => api.post(`/api/members/${id}/redeem`, v));
export const useProcess = (id: number) => useMembershipMutation(() => api.post(`/api/members/${id}/process`, {}));
