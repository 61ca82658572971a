import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CreditSurvey, RiskCategory } from './types';

export const creditKeys = {
  all: ['credit'] as const,
  customer: (id: number) => ['credit', 'customer', id] as const,
  survey: (id: number) => ['credit', 'survey', id] as const,
  risk: (id: number) => ['credit', 'risk', id] as const,
  risks: (f: Record<string, unknown>) => ['credit', 'risks', f] as const,
  matrix: ['credit', 'matrix'] as const,
  accuracy: ['credit', 'accuracy'] as const,
  receivables: (f: Record<string, unknown>) => ['credit', 'receivables', f] as const,
  customerReceivables: (id: number) => ['credit', 'customer-receivables', id] as const,
};

export function useCustomerCredit(customerId: number) {
  return useQuery({ queryKey: creditKeys.customer(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/credit`, undefined, signal) });
}

export function useSurvey(id: number) {
  return useQuery({
    queryKey: creditKeys.survey(id),
    queryFn: ({ signal }) => api.get(`/api/credit-surveys/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

export function useRisk(id: number) {
  return useQuery({
    queryKey: creditKeys.risk(id),
    queryFn: ({ signal }) => api.get(`/api/credit-risks/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

export function useRisks(filters: { likelihood?: number; impact?: number; status?: 'open' | 'closed'; page: number }, enabled = true) {
  return useQuery({
    queryKey: creditKeys.risks(filters),
    queryFn: ({ signal }) => api.get('/api/credit-risks', { ...filters, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRiskMatrix() {
  return useQuery({ queryKey: creditKeys.matrix, queryFn: ({ signal }) => api.get('/api/credit-risks/matrix', undefined, signal) });
}

export function useAccuracy() {
  return useQuery({ queryKey: creditKeys.accuracy, queryFn: ({ signal }) => api.get('/api/credit-risks/accuracy', undefined, signal) });
}

export interface SurveyValues {
  surveyDate: string;
  registeredCapitalWan: number;
  yearsInBusiness: number;
  paymentRecord: CreditSurvey['paymentRecord'];
  overdueWan: number;
  bankRating: CreditSurvey['bankRating'];
  legalRepresentative?: string | null;
  mainBusiness?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  annualRevenueWan?: number | null;
  notes?: string | null;
  creditLimitWan?: number | null;
  paymentTermsDays?: number | null;
}

export interface RiskValues {
  category: RiskCategory;
  title: string;
  description?: string | null;
  likelihood: number;
  impact: number;
  response?: string | null;
}

function useCreditMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: creditKeys.all }) });
}

export const useCreateSurvey = (customerId: number) => useCreditMutation((v: SurveyValues) => api.post(`/api/customers/${customerId}/credit-surveys`, v));
export const useCreateRisk = () => useCreditMutation((v: RiskValues & { customerId: number }) => api.post('/api/credit-risks', v));
export const useUpdateRisk = (id: number) => useCreditMutation((v: RiskValues & { version: number }) => api.put(`/api/credit-risks/${id}`, v));
export const useCloseRisk = (id: number) => useCreditMutation((v: { outcome: 'occurred' | 'not_occurred'; note?: string | null; version: number }) => api.post(`/api/credit-risks/${id}/close`, v));

export function useReceivables(filters: { overdue?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: creditKeys.receivables(filters),
    queryFn: ({ signal }) => api.get('/api/credit-receivables', { ...filters, overdue: filters.overdue ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerReceivables(customerId: number) {
  return useQuery({ queryKey: creditKeys.customerReceivables(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/receivables`, undefined, signal) });
}

export interface ReceivableValues {
  docNo: string;
  amount: number;
  dueDate: string;
  paidAmount?: number;
  paidDate?: string | null;
  notes?: string | null;
}

export const useCreateReceivable = () => useCreditMutation((v: ReceivableValues & { customerId: number }) => api.post('/api/credit-receivables', v));
export const useUpdateReceivable = (id: number) => useCreditMutation((v: Partial<ReceivableValues> & { version: number }) => api.put(`/api/credit-receivables/${id}`, v));
