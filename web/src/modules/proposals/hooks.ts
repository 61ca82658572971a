import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { CustomerAttachment } from '../../api/contract/customers';
import type { ProposalScores, ProposalStatus } from '../../api/contract/proposals';

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (f: Record<string, unknown>) => ['proposals', 'list', f] as const,
  one: (id: number) => ['proposals', 'one', id] as const,
  weights: ['proposals', 'weights'] as const,
  attachments: (id: number) => ['proposals', 'attachments', id] as const,
};

export function useProposals(filters: { status?: ProposalStatus; source?: 'staff' | 'customer'; q?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: proposalKeys.list(filters), queryFn: ({ signal }) => api.get('/api/proposals', filters, signal), placeholderData: keepPreviousData });
}

export function useProposal(id: number) {
  return useQuery({
    queryKey: proposalKeys.one(id),
    queryFn: ({ signal }) => api.get(`/api/proposals/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

export function useWeights() {
  return useQuery({ queryKey: proposalKeys.weights, queryFn: ({ signal }) => api.get('/api/proposals/weights', undefined, signal) });
}

export interface ProposalValues {
  title: string;
  proposedOn: string;
  source: 'staff' | 'customer';
  proposerId?: number | null;
  customerId?: number | null;
  contactName?: string | null;
  problem: string;
  proposal: string;
  expectedBenefit: string;
  patent: boolean;
  patentNote?: string | null;
}

function useProposalMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: proposalKeys.all }) });
}

export const useCreateProposal = () => useProposalMutation((v: ProposalValues) => api.post('/api/proposals', v));
export const useUpdateProposal = (id: number) => useProposalMutation((v: ProposalValues & { version: number }) => api.put(`/api/proposals/${id}`, v));
export const useSubmitProposal = (id: number) => useProposalMutation((v: { version: number }) => api.post(`/api/proposals/${id}/submit`, v));
export const useScoreProposal = (id: number) => useProposalMutation((v: { scores: ProposalScores; comment?: string | null }) => api.post(`/api/proposals/${id}/reviews`, v));
export const useSendForApproval = (id: number) => useProposalMutation((v: { comment?: string | null }) => api.post(`/api/proposals/${id}/approval`, v));
export const useImplementProposal = (id: number) => useProposalMutation((v: { departmentId: number; due: string; version: number }) => api.post(`/api/proposals/${id}/implementation`, v));
export const useReportProposal = (id: number) =>
  useProposalMutation((v: { doneOn: string; motivation: string; before: string; after: string; method: string; benefit: string; conclusion: string; version: number }) => api.post(`/api/proposals/${id}/report`, v));
export const useRewardProposal = (id: number) => useProposalMutation((v: { amountCents: number; form: string; decidedBy: number; on?: string | null; version: number }) => api.post(`/api/proposals/${id}/reward`, v));

export function useProposalAttachments(id: number) {
  return useQuery({ queryKey: proposalKeys.attachments(id), queryFn: ({ signal }) => api.get(`/api/proposals/${id}/attachments`, undefined, signal).then((a) => a.items) });
}

export const proposalAttachmentUrl = (id: number, attachmentId: number) => `/api/proposals/${id}/attachments/${attachmentId}` as const;

export function useUploadProposalAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; filename: string; onProgress?: (percent: number) => void; signal?: AbortSignal }) =>
      uploadFile<CustomerAttachment>(`/api/proposals/${id}/attachments`, v.file, { query: { filename: v.filename }, onProgress: v.onProgress, signal: v.signal }),
    onSettled: () => void qc.invalidateQueries({ queryKey: proposalKeys.attachments(id) }),
  });
}

export function useDeleteProposalAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete(proposalAttachmentUrl(id, attachmentId)),
    onSettled: () => void qc.invalidateQueries({ queryKey: proposalKeys.attachments(id) }),
  });
}

/** Proposals from or about the customer (the customer page's tab). */
export function useCustomerProposals(customerId: number, page: number) {
  const f = { customerId, page, pageSize: 20 };
  return useQuery({ queryKey: proposalKeys.list(f), queryFn: ({ signal }) => api.get('/api/proposals', f, signal), placeholderData: keepPreviousData });
}
