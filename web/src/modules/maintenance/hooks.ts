import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/contract/platform';
import type { Budget, MaintenancePlan, PlanExpense, PlanInput, PlanRecord, PlanStatus, PlanSummary, PlanTask, RecordInput, TaskSplitInput } from '../../api/contract/maintenance';

export interface PlanFilters {
  q?: string;
  status?: PlanStatus;
  sort?: string;
  page: number;
  pageSize: number;
}

export const maintenanceKeys = {
  all: ['maintenance-plans'] as const,
  list: (filters: PlanFilters) => ['maintenance-plans', 'list', filters] as const,
  detail: (id: number) => ['maintenance-plans', 'detail', id] as const,
  tasks: (id: number) => ['maintenance-plans', 'detail', id, 'tasks'] as const,
  records: (id: number) => ['maintenance-plans', 'detail', id, 'records'] as const,
  expenses: (id: number) => ['maintenance-plans', 'detail', id, 'expenses'] as const,
  customer: (customerId: number) => ['maintenance-plans', 'customer', customerId] as const,
};

export function usePlans(filters: PlanFilters) {
  return useQuery({
    queryKey: maintenanceKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/maintenance-plans', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: maintenanceKeys.detail(id),
    queryFn: () => api.get(`/api/maintenance-plans/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => !(err && 'status' in err && (err as { status: number }).status === 404) && n < 2,
  });
}

export function usePlanTasks(id: number) {
  return useQuery({ queryKey: maintenanceKeys.tasks(id), queryFn: () => api.get(`/api/maintenance-plans/${id}/tasks`) });
}

export function usePlanRecords(id: number) {
  return useQuery({ queryKey: maintenanceKeys.records(id), queryFn: () => api.get(`/api/maintenance-plans/${id}/records`) });
}

export function usePlanExpenses(id: number) {
  return useQuery({ queryKey: maintenanceKeys.expenses(id), queryFn: () => api.get(`/api/maintenance-plans/${id}/expenses`) });
}

/** The 维护方案 tab of a customer's archive page. */
export function useCustomerPlans(customerId: number) {
  return useQuery({
    queryKey: maintenanceKeys.customer(customerId),
    queryFn: () => api.get(`/api/customers/${customerId}/maintenance-plans`),
  });
}

/** Every write changes what several views show (status, budget, tasks, the customer tab, approvals): reload them all. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: maintenanceKeys.all }), qc.invalidateQueries({ queryKey: ['approvals'] })]);
}

export function useSavePlan() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: PlanInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/maintenance-plans/${id}`, body) : api.post('/api/maintenance-plans', body),
    onSettled: invalidate,
  });
}

export function useSubmitPlan(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; comment?: string | null }) => api.post(`/api/maintenance-plans/${id}/submit`, body),
    onSettled: invalidate,
  });
}

export function useSplitTasks(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (tasks: TaskSplitInput[]) => api.post(`/api/maintenance-plans/${id}/tasks`, { tasks }),
    onSettled: invalidate,
  });
}

export function useAddRecord(id: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RecordInput) => api.post(`/api/maintenance-plans/${id}/records`, body),
    // A completed task leaves the to-do list and the task lists.
    onSettled: () => Promise.all([invalidate(), qc.invalidateQueries({ queryKey: ['tasks'] }), qc.invalidateQueries({ queryKey: ['home'] })]),
  });
}

export function useAddExpense(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { amount: number; spentOn: string; item: string }) => api.post(`/api/maintenance-plans/${id}/expenses`, body),
    onSettled: invalidate,
  });
}

export function useClosePlan(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; assessment: string; optimisation: string }) => api.post(`/api/maintenance-plans/${id}/close`, body),
    onSettled: invalidate,
  });
}
