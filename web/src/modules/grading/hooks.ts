import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ConfirmInput } from '../../api/contract/grading';

export interface BoardFilters {
  teamId?: number;
  grade?: string;
  proposedGrade?: string;
  page: number;
  pageSize: number;
}

export const gradingKeys = {
  all: ['grading'] as const,
  board: (f: BoardFilters) => ['grading', 'board', f] as const,
  customer: (id: number) => ['grading', 'customer', id] as const,
};

export function useGradingBoard(filters: BoardFilters) {
  return useQuery({ queryKey: gradingKeys.board(filters), queryFn: ({ signal }) => api.get('/api/grading/board', { ...filters }, signal), placeholderData: keepPreviousData });
}

export function useCustomerGrade(customerId: number) {
  return useQuery({ queryKey: gradingKeys.customer(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/grade`, undefined, signal) });
}

/** Confirming changes the archive's grade too: the customer pages read it again. */
export function useConfirmGrades() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmInput) => api.post('/api/grading/confirm', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: gradingKeys.all });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useProposeGrades() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/grading/propose', {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: gradingKeys.all }),
  });
}
