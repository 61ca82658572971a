import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { EvaluationCreate, EvaluationStatus, EvaluationUpdate, Recommendation, TemplateInput } from './types';

export interface EvaluationFilters {
  status?: EvaluationStatus;
  recommendation?: Recommendation;
  page: number;
  pageSize: number;
}

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (f: EvaluationFilters) => ['evaluations', 'list', f] as const,
  detail: (id: number) => ['evaluations', 'detail', id] as const,
  ofCustomer: (customerId: number, page: number) => ['evaluations', 'customer', customerId, page] as const,
  templates: ['evaluation-templates'] as const,
  bands: ['evaluations', 'bands'] as const,
};

export function useEvaluations(f: EvaluationFilters) {
  return useQuery({
    queryKey: evaluationKeys.list(f),
    queryFn: ({ signal }) => api.get('/api/evaluations', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerEvaluations(customerId: number, page: number) {
  return useQuery({
    queryKey: evaluationKeys.ofCustomer(customerId, page),
    queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/evaluations`, { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEvaluation(id: number) {
  return useQuery({
    queryKey: evaluationKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/evaluations/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: evaluationKeys.templates,
    queryFn: ({ signal }) => api.get('/api/evaluation-templates', undefined, signal),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: evaluationKeys.all }), qc.invalidateQueries({ queryKey: evaluationKeys.templates })]);
}

export function useSaveEvaluation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: (EvaluationCreate & { id?: undefined }) | (EvaluationUpdate & { id: number })) =>
      body.id === undefined ? api.post('/api/evaluations', body) : api.put(`/api/evaluations/${body.id}`, { ...body, id: undefined }),
    onSettled: invalidate,
  });
}

export function useEvaluationAction(id: number) {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: { action: 'submit' | 'confirm' | 'return'; version: number; comment?: string }) => api.post(`/api/evaluations/${id}/${action}`, body),
    onSettled: async () => {
      await invalidate();
      // The supervisor's inbox and to-do list change with a submission.
      await qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export function useSaveTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TemplateInput & { id?: number; version?: number }) => {
      const { id, ...rest } = body;
      return id === undefined ? api.post('/api/evaluation-templates', rest) : api.put(`/api/evaluation-templates/${id}`, rest);
    },
    onSettled: invalidate,
  });
}

/** Where a request to end cooperation starts: an evaluation recommending 终止关系 or a high risk. */
export type EndCooperationSource = 'evaluations' | 'credit-risks';

export function useEndCooperation(source: EndCooperationSource, id: number, enabled = true) {
  return useQuery({
    queryKey: [...evaluationKeys.all, 'end-cooperation', source, id] as const,
    queryFn: ({ signal }) => api.get(`/api/${source}/${id}/end-cooperation`, undefined, signal),
    enabled: enabled && Number.isInteger(id) && id > 0,
  });
}

export function useRequestEndCooperation(source: EndCooperationSource, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { reason: string }) => api.post(`/api/${source}/${id}/end-cooperation`, v),
    // The approval's queue and the document's panel change too.
    onSettled: () => qc.invalidateQueries(),
  });
}
