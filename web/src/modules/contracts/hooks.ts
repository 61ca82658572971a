import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client';
import type { Contract, ContractDetail, ContractSigner, ContractStatus, Currency } from '../../api/contract/contracts';
import type { CustomerAttachment } from '../../api/contract/customers';
import type { Page } from '../../api/contract/platform';
import type { BookingInput, ContractInput } from '../../api/contract/contracts';

export type { ContractInput };

export interface ContractFilters {
  q?: string;
  status?: ContractStatus;
  customerId?: number;
  signerId?: number;
  expiringWithinDays?: number;
  sort?: string;
  page: number;
  pageSize: number;
}

export const contractKeys = {
  all: ['contracts'] as const,
  list: (filters: ContractFilters) => ['contracts', 'list', filters] as const,
  detail: (id: number) => ['contracts', 'detail', id] as const,
  attachments: (id: number) => ['contracts', 'detail', id, 'attachments'] as const,
  ofCustomer: (customerId: number) => ['contracts', 'customer', customerId] as const,
  signers: (customerId: number) => ['contracts', 'signers', customerId] as const,
};

export function useContracts(filters: ContractFilters) {
  return useQuery({
    queryKey: contractKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/contracts', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: number) {
  return useQuery({
    queryKey: contractKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/contracts/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

/** The 合同 tab of a customer's archive page. */
export function useCustomerContracts(customerId: number, page: number) {
  return useQuery({
    queryKey: [...contractKeys.ofCustomer(customerId), page],
    queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/contracts`, { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Who may sign for the customer (server: active signer roles who handle it). */
export function useContractSigners(customerId: number | undefined) {
  return useQuery({
    queryKey: contractKeys.signers(customerId ?? 0),
    queryFn: ({ signal }) => api.get('/api/contract-signers', { customerId }, signal).then((a) => a.items),
    enabled: !!customerId,
    staleTime: 60_000,
  });
}


export function useSaveContract() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ContractInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/contracts/${id}`, body) : api.post('/api/contracts', body),
    // Also after a failure: a 409 means our copy is stale and must be reloaded.
    onSettled: () => qc.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

export function useSignContract(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post(`/api/contracts/${id}/sign`, { version }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: contractKeys.all });
      // The approval panel shows the request the signing may have started.
      void qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export function useTerminateContract(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) => api.post(`/api/contracts/${id}/terminate`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

export function useContractAttachments(id: number) {
  return useQuery({
    queryKey: contractKeys.attachments(id),
    queryFn: ({ signal }) => api.get(`/api/contracts/${id}/attachments`, undefined, signal).then((a) => a.items),
  });
}

export const contractAttachmentUrl = (id: number, attachmentId: number) => `/api/contracts/${id}/attachments/${attachmentId}` as const;

export function useUploadContractAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; filename: string; description?: string; onProgress?: (percent: number) => void; signal?: AbortSignal }) =>
      uploadFile<CustomerAttachment>(`/api/contracts/${id}/attachments`, v.file, { query: { filename: v.filename, description: v.description }, onProgress: v.onProgress, signal: v.signal }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: contractKeys.attachments(id) });
      // Filed in the customer's archive too.
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useDeleteContractAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete(contractAttachmentUrl(id, attachmentId)),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: contractKeys.attachments(id) });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

/** Where the signed original is filed (any state). */
export function useSetFiling(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { filingLocation: string | null; version: number }) => api.put(`/api/contracts/${id}/filing`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: contractKeys.all }),
  });
}

/** The A4 summary: the contract with its whole approval trail. */
export function useContractPrint(id: number) {
  return useQuery({
    queryKey: [...contractKeys.detail(id), 'print'],
    queryFn: ({ signal }) => api.get(`/api/contracts/${id}/print`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

/** The customer's group stays and orders (the 团队/订单 tab). */
export function useCustomerBookings(customerId: number) {
  return useQuery({
    queryKey: [...contractKeys.ofCustomer(customerId), 'bookings'],
    queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/contract-bookings`, undefined, signal),
  });
}

export function useRecordBooking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BookingInput) => api.post('/api/contract-bookings', body),
    onSettled: () => qc.invalidateQueries({ queryKey: contractKeys.all }),
  });
}
