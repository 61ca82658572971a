import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchFile } from '../../api/client';
import type { NewReturn, NewTransaction, TransactionImportPreview, TransactionImportResult, TransactionImportStatus } from '../../api/contract/transactions';
import { createImportHooks } from '../../components/import/importHooks';
import type { Page } from '../../api/contract/platform';

export interface TransactionFilters {
  q?: string;
  customerId?: number;
  from?: string;
  to?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export const transactionKeys = {
  all: ['transactions'] as const,
  list: (filters: TransactionFilters) => ['transactions', 'list', filters] as const,
  returns: (customerId: number, page: number) => ['transactions', 'returns', customerId, page] as const,
  summary: (customerId: number) => ['transactions', 'summary', customerId] as const,
};

export function useTransactions(filters: TransactionFilters) {
  return useQuery({
    queryKey: transactionKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/transactions', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerReturns(customerId: number, page: number) {
  return useQuery({
    queryKey: transactionKeys.returns(customerId, page),
    queryFn: ({ signal }) => api.get('/api/transaction-returns', { customerId, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Class by amount, yearly totals and class history of one customer. */
export function useTransactionSummary(customerId: number) {
  return useQuery({
    queryKey: transactionKeys.summary(customerId),
    queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/transaction-summary`, undefined, signal),
  });
}

/** A new transaction or return changes the class and the totals: every transactions query and the customer's history reload. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: transactionKeys.all }), qc.invalidateQueries({ queryKey: ['customers'] })]);
}

export function useCreateTransaction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewTransaction) => api.post('/api/transactions', body),
    onSettled: invalidate,
  });
}

export function useCreateReturn() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewReturn) => api.post('/api/transaction-returns', body),
    onSettled: invalidate,
  });
}

/** The import of transactions and returns through the shared wizard's hooks (components/import). */
export const transactionImport = createImportHooks<TransactionImportPreview, TransactionImportResult, TransactionImportStatus, Record<string, never>>({
  base: '/api/transaction-imports',
  afterCommit: (qc) => Promise.all([qc.invalidateQueries({ queryKey: transactionKeys.all }), qc.invalidateQueries({ queryKey: ['customers'] })]),
});

/** The filtered list as .xlsx (the same filters as the list, without paging). */
export function useExportTransactions() {
  return useMutation({
    mutationFn: (f: Omit<TransactionFilters, 'page' | 'pageSize'>) => fetchFile('/api/transactions/export.xlsx', { ...f }),
  });
}
