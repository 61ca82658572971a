import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApprovalActionKind, ApprovalGroup, ApprovalRequest, Chain, ChainStep } from '../../api/contract/approvals';
import type { ActionBody, GroupInput } from '../../api/contract/approvals';

export type ActionInput = ActionBody & { requestId: number };
export type { GroupInput };

export const approvalKeys = {
  all: ['approvals'] as const,
  queue: ['approvals', 'queue'] as const,
  document: (documentType: string, documentId: number) => ['approvals', 'document', documentType, documentId] as const,
  chains: ['approvals', 'chains'] as const,
  groups: ['approvals', 'groups'] as const,
};

/** The caller's 审批待办: requests waiting for their decision. */
export function useApprovalQueue() {
  return useQuery({
    queryKey: approvalKeys.queue,
    queryFn: async ({ signal }) => (await api.get('/api/approvals/queue', undefined, signal)).items,
  });
}

/** The latest approval request of a document (null until it is submitted), with its whole history. */
export function useApprovalRequest(documentType: string, documentId: number | null | undefined) {
  return useQuery({
    queryKey: approvalKeys.document(documentType, documentId ?? 0),
    queryFn: async ({ signal }) =>
      (await api.get('/api/approvals', { documentType, documentId: documentId ?? undefined }, signal)).request,
    enabled: !!documentId,
  });
}


export function useApprovalAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: ActionInput) => api.post(`/api/approvals/${requestId}/actions`, body),
    // A decision changes the document's own status, the to-do page and the inbox as well as the request:
    // every cached view may be stale, so all active queries reload.
    onSettled: () => qc.invalidateQueries(),
  });
}

/** For document pages: the document's request and the actions on it. */
export function useApproval(documentType: string, documentId: number | null | undefined) {
  const request = useApprovalRequest(documentType, documentId);
  const action = useApprovalAction();
  const req = request.data ?? null;
  return {
    request: req,
    isLoading: request.isLoading,
    error: request.error,
    refetch: request.refetch,
    canAct: req?.canAct ?? [],
    act: (input: Omit<ActionInput, 'requestId' | 'version'>) =>
      req ? action.mutateAsync({ ...input, requestId: req.id, version: req.version }) : Promise.reject(new Error('no approval request')),
    acting: action.isPending,
  };
}

export function useChains() {
  return useQuery({
    queryKey: approvalKeys.chains,
    queryFn: async ({ signal }) => (await api.get('/api/approval-chains', undefined, signal)).items,
  });
}

export function useSaveChain() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ documentType, steps, version }: { documentType: string; steps: ChainStep[]; version: number }) =>
      api.put(`/api/approval-chains/${documentType}`, { steps, version }),
    onSettled: () => qc.invalidateQueries({ queryKey: approvalKeys.chains }),
  });
}

export function useApprovalGroups(enabled = true) {
  return useQuery({
    queryKey: approvalKeys.groups,
    queryFn: async ({ signal }) => (await api.get('/api/approval-groups', undefined, signal)).items,
    enabled,
  });
}


export function useSaveGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: GroupInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/approval-groups/${id}`, { ...body, version }) : api.post('/api/approval-groups', body),
    onSettled: () => qc.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}
