import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/contract/platform';
import type { Analysis, Complaint, ComplaintOptions, ComplaintStatus, ComplaintSummary, IntakeInput, PublicComplaint, Rectification, Severity } from '../../api/contract/complaints';

export interface ComplaintFilters {
  q?: string;
  status?: ComplaintStatus;
  severity?: Severity;
  category?: string;
  mine?: boolean;
  unassigned?: boolean;
  overdue?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
}

export const complaintKeys = {
  all: ['complaints'] as const,
  options: ['complaints', 'options'] as const,
  list: (f: ComplaintFilters) => ['complaints', 'list', f] as const,
  detail: (id: number) => ['complaints', 'detail', id] as const,
  analysis: (from?: string, to?: string) => ['complaints', 'analysis', from ?? null, to ?? null] as const,
  rectifications: (f: object) => ['complaints', 'rectifications', f] as const,
  publicOptions: ['public-complaint', 'options'] as const,
};

export function useComplaintOptions() {
  return useQuery({ queryKey: complaintKeys.options, queryFn: ({ signal }) => api.get('/api/complaint-options', undefined, signal), staleTime: 60_000 });
}

export function useComplaints(f: ComplaintFilters) {
  return useQuery({
    queryKey: complaintKeys.list(f),
    queryFn: ({ signal }) => api.get('/api/complaints', { ...f, mine: f.mine || undefined, unassigned: f.unassigned || undefined, overdue: f.overdue || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useComplaint(id: number) {
  return useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/complaints/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => !(err && 'status' in err && (err as { status: number }).status === 404) && n < 2,
  });
}

/** A write changes the complaint, the lists, the approvals and the to-do page: reload them all. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: complaintKeys.all }),
      qc.invalidateQueries({ queryKey: ['approvals'] }),
      qc.invalidateQueries({ queryKey: ['home'] }),
    ]);
}

export function useCreateComplaint() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: IntakeInput) => api.post('/api/complaints', body), onSettled: invalidate });
}

/** One action on a complaint: PUT /api/complaints/:id or POST/PUT …/:id/<action>; answers the complaint. */
export function useComplaintAction(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ path, body, method = 'post' }: { path: string | null; body: object; method?: 'post' | 'put' }) =>
      path === null ? api.put(`/api/complaints/${id}`, body) : method === 'put' ? api.put(`/api/complaints/${id}/${path}`, body) : api.post(`/api/complaints/${id}/${path}`, body),
    onSettled: invalidate,
  });
}

export function useAnalysis(from?: string, to?: string) {
  return useQuery({
    queryKey: complaintKeys.analysis(from, to),
    queryFn: ({ signal }) => api.get('/api/complaints/analysis', { from, to }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRectifications(f: { status?: 'open' | 'replied'; mine?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: complaintKeys.rectifications(f),
    queryFn: ({ signal }) => api.get('/api/complaint-rectifications', { ...f, mine: f.mine || undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReplyRectification() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; reply: string; version: number }) => api.post(`/api/complaint-rectifications/${id}/reply`, body),
    onSettled: invalidate,
  });
}

// ── The public page (no sign-in) ──

export function usePublicOptions() {
  return useQuery({
    queryKey: complaintKeys.publicOptions,
    queryFn: ({ signal }) => api.get('/api/public/complaint-options', undefined, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function usePublicFile() {
  return useMutation({
    mutationFn: (body: { name: string; phone: string; company?: string | null; email?: string | null; category: string; content: string }) => api.post('/api/public/complaints', body),
  });
}

export function usePublicLookup() {
  return useMutation({ mutationFn: (body: { number: string; phone: string }) => api.post('/api/public/complaints/lookup', body) });
}

export function usePublicConfirm() {
  return useMutation({
    mutationFn: (body: { number: string; phone: string; satisfied: boolean; score?: number; comment?: string | null }) => api.post('/api/public/complaints/confirm', body),
  });
}

/** The complainant's phone in full (the server writes the audit entry). */
export function useRevealComplaintPhone(id: number) {
  return useMutation({
    // The generic /:id/:action route answers a complaint; this one answers the value only.
    mutationFn: async () => (await api.post(`/api/complaints/${id}/reveal`, { field: 'phone' })) as { value: string | null },
  });
}

/** The customer's complaints, newest first (the customer page's tab). */
export function useCustomerComplaints(customerId: number, page: number) {
  const f = { customerId, page, pageSize: 20 };
  return useQuery({ queryKey: ['complaints', 'customer', f] as const, queryFn: ({ signal }) => api.get('/api/complaints', f, signal), placeholderData: keepPreviousData });
}
