import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const archiveKeys = {
  all: ['archives'] as const,
  levels: ['archives', 'levels'] as const,
  material: (id: number) => ['archives', 'material', id] as const,
  correspondence: (id: number) => ['archives', 'correspondence', id] as const,
  loans: (f: Record<string, unknown>) => ['archives', 'loans', f] as const,
  requests: ['archives', 'requests'] as const,
};

export const useArchiveLevels = () => useQuery({ queryKey: archiveKeys.levels, queryFn: ({ signal }) => api.get('/api/archives/levels', undefined, signal), staleTime: 60_000 });
export const useMaterial = (customerId: number) =>
  useQuery({ queryKey: archiveKeys.material(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/archive`, undefined, signal) });
export const useCorrespondence = (customerId: number) =>
  useQuery({ queryKey: archiveKeys.correspondence(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/correspondence`, undefined, signal) });
export const useLoans = (f: { state: 'all' | 'open' | 'overdue'; customerId?: number }) =>
  useQuery({ queryKey: archiveKeys.loans(f), queryFn: ({ signal }) => api.get('/api/archives/loans', f, signal) });
export const useMyRequests = () => useQuery({ queryKey: archiveKeys.requests, queryFn: ({ signal }) => api.get('/api/archives/download-requests', undefined, signal) });

function useArchiveMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: archiveKeys.all }) });
}

export const useSetLevel = (customerId: number) => useArchiveMutation((v: { attachmentId: number; level: string }) => api.put(`/api/customers/${customerId}/archive/${v.attachmentId}/level`, { level: v.level }));
export interface CorrespondenceValues {
  kind: 'fax' | 'letter' | 'contract' | 'email';
  direction: 'in' | 'out';
  subject: string;
  counterpart?: string | null;
  datedOn: string;
  attachmentId: number;
}
export const useFileCorrespondence = (customerId: number) => useArchiveMutation((v: CorrespondenceValues) => api.post(`/api/customers/${customerId}/correspondence`, v));
export interface LoanValues {
  customerId: number;
  material?: string | null;
  attachmentId?: number | null;
  borrowerId: number;
  dueOn?: string | null;
  note?: string | null;
}
export const useLend = () => useArchiveMutation((v: LoanValues) => api.post('/api/archives/loans', v));
export const useReturnLoan = () => useArchiveMutation((id: number) => api.post(`/api/archives/loans/${id}/return`, {}));
export const useRequestDownload = () => useArchiveMutation((v: { customerId: number; attachmentId: number; reason: string }) => api.post('/api/archives/download-requests', v));
