import { fetchReferenceLabels, labelsOf } from '../../components/referenceLabels';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchFile, listOf, uploadFile } from '../../api/client';
import type { AttachmentKind, CustomerEditable, Customer, CustomerAttachment, CustomerContact, CustomerHistoryEntry, CustomerListItem, CustomerOptions, CustomerStatus, DuplicateHit, ImportDuplicateMode, ImportPreview, ImportResult, ImportStatus } from '../../api/contract/customers';
import { createImportHooks } from '../../components/import/importHooks';
import type { Page } from '../../api/contract/platform';
import { type CustomerOptionsWithLabels, DEFAULT_OPTIONS } from './labels';

export interface CustomerFilters {
  q?: string;
  status?: CustomerStatus;
  ownerId?: number;
  teamId?: number;
  province?: string;
  city?: string;
  industry?: string;
  grade?: string;
  incomplete?: boolean;
  createdFrom?: string;
  createdTo?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (filters: CustomerFilters) => ['customers', 'list', filters] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  history: (id: number) => ['customers', 'detail', id, 'history'] as const,
  contacts: (id: number) => ['customers', 'detail', id, 'contacts'] as const,
  attachments: (id: number) => ['customers', 'detail', id, 'attachments'] as const,
  options: ['customer-options'] as const,
};

export function useCustomers(filters: CustomerFilters) {
  return useQuery({
    queryKey: customerKeys.list(filters),
    // `incomplete` is a flag: the server knows only `incomplete=true`.
    queryFn: ({ signal }) => api.get('/api/customers', { ...filters, incomplete: filters.incomplete ? true : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: () => api.get(`/api/customers/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCustomerHistory(id: number, enabled = true) {
  return useQuery({
    queryKey: customerKeys.history(id),
    queryFn: async () => listOf<CustomerHistoryEntry>(await api.get(`/api/customers/${id}/history`)),
    enabled,
  });
}

export function useContacts(id: number, enabled = true) {
  return useQuery({
    queryKey: customerKeys.contacts(id),
    queryFn: async () => listOf<CustomerContact>(await api.get(`/api/customers/${id}/contacts`)),
    enabled,
  });
}

/** Value lists for the selects; they change rarely. */
export function useCustomerOptions() {
  return useQuery({
    queryKey: customerKeys.options,
    queryFn: async (): Promise<CustomerOptionsWithLabels> => {
      const [options, labels] = await Promise.all([api.get('/api/customer-options'), fetchReferenceLabels('industries').catch(() => undefined)]);
      return { ...DEFAULT_OPTIONS, ...options, industryLabels: labelsOf(labels, 'industries') };
    },
    staleTime: 10 * 60_000,
  });
}

function useCustomerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Also after a failure: a 409 means our copy is stale and must be reloaded.
    onSettled: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export type CustomerInput = Partial<CustomerEditable> & { name: string; confirmDuplicate?: boolean };

export const useCreateCustomer = () => useCustomerMutation((body: CustomerInput) => api.post('/api/customers', body));

export const useUpdateCustomer = () =>
  useCustomerMutation(({ id, ...body }: Partial<CustomerEditable> & { id: number; version: number }) => api.put(`/api/customers/${id}`, body));

export const useTransferCustomers = () =>
  useCustomerMutation((body: { customerIds: number[]; ownerId: number; reason: string }) => api.post('/api/customers/transfer', body));

/** Suspected duplicates for the values typed so far (no cache: each blur asks again). */
export function useDuplicateCheck() {
  return useMutation({
    mutationFn: async (body: { name?: string; creditCode?: string; phone?: string }) =>
      listOf<DuplicateHit>(await api.post('/api/customers/duplicate-check', body), 'duplicates'),
  });
}

/**
 * docs/api.md names `contactPhone` only; the server reveals the contact's landline for it and the mobile
 * for `contactMobile`.
 */
export type RevealField = 'phone' | 'fixedPhone' | 'bankAccount' | 'contactPhone' | 'contactMobile';

/** The unmasked value of one field (audit-logged on the server); not cached. */
export function useReveal(customerId: number) {
  return useMutation({
    mutationFn: (body: { field: RevealField; contactId?: number }) => api.post(`/api/customers/${customerId}/reveal`, body),
  });
}

export type ContactInput = Partial<Omit<CustomerContact, 'id' | 'version'>>;

export function useSaveContact(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, ...body }: ContactInput & { contactId?: number; version?: number }) =>
      contactId
        ? api.put(`/api/customers/${customerId}/contacts/${contactId}`, body)
        : api.post(`/api/customers/${customerId}/contacts`, body),
    // Contacts count in search and history: reload the whole customer.
    onSettled: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useDeleteContact(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (contactId: number) => api.delete(`/api/customers/${customerId}/contacts/${contactId}`),
    onSettled: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

// ── Attachments 附件 ─────────────────────────────────────────────────────────────────────────────
export function useAttachments(id: number, enabled = true) {
  return useQuery({
    queryKey: customerKeys.attachments(id),
    queryFn: async () => listOf<CustomerAttachment>(await api.get(`/api/customers/${id}/attachments`)),
    enabled,
  });
}

/** Where the browser downloads an attachment (same origin: the session cookie goes along). */
export const attachmentUrl = (customerId: number, attachmentId: number) => `/api/customers/${customerId}/attachments/${attachmentId}` as const;

export interface AttachmentUpload {
  file: Blob;
  filename: string;
  kind: AttachmentKind;
  description?: string;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** The file goes as the raw body; its type is judged by content on the server (415 otherwise, 413 when too large). */
export function useUploadAttachment(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, filename, kind, description, onProgress, signal }: AttachmentUpload) =>
      uploadFile<CustomerAttachment>(`/api/customers/${customerId}/attachments`, file, {
        query: { filename, kind, description: description?.trim() || undefined },
        onProgress,
        signal,
      }),
    // The history gains an entry too.
    onSettled: () => qc.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}

export function useDeleteAttachment(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api.delete(`/api/customers/${customerId}/attachments/${attachmentId}`),
    onSettled: () => qc.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
  });
}

// ── Merge 合并客户 ───────────────────────────────────────────────────────────────────────────────
/** Merges `mergedId` into `survivorId`: contacts, attachments and history move; the merged record disappears. */
export function useMergeCustomer(survivorId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { mergedId: number; reason: string }) => api.post(`/api/customers/${survivorId}/merge`, body),
    onSuccess: (_answer, { mergedId }) => qc.removeQueries({ queryKey: customerKeys.detail(mergedId) }),
    // The survivor's record, contacts, attachments and history all change; lists lose a row.
    onSettled: () => qc.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

// ── Import 导入 / export 导出 ────────────────────────────────────────────────────────────────────
/** The customer import's endpoints, through the shared wizard's hooks (components/import). */
export const customerImport = createImportHooks<ImportPreview, ImportResult, ImportStatus, { duplicates: ImportDuplicateMode; rows?: { row: number; action: ImportDuplicateMode }[] }>({
  base: '/api/customer-imports',
  afterCommit: (qc) => qc.invalidateQueries({ queryKey: customerKeys.all }),
});

/** The list's filters and sort, without paging: what GET /api/customers/export.xlsx accepts. */
export function exportQuery(filters: CustomerFilters, unmasked = false) {
  const { page: _page, pageSize: _pageSize, incomplete, ...rest } = filters;
  return { ...rest, incomplete: incomplete ? true : undefined, unmasked: unmasked ? true : undefined };
}

/** Downloads the filtered list as .xlsx (fetch → Blob, so a refusal shows the server's message). */
export function useExportCustomers() {
  return useMutation({
    mutationFn: ({ filters, unmasked }: { filters: CustomerFilters; unmasked?: boolean }) =>
      fetchFile('/api/customers/export.xlsx', exportQuery(filters, unmasked)),
  });
}
