import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query, uploadFile } from '../../api/client';
import type { DayRoute, TerritoryInput, Visit, VisitInput, VisitPlanLineInput, VisitReport, VisitReportInput } from '../../api/contract/visits';

export const visitKeys = {
  all: ['visits'] as const,
  list: (f: Query) => ['visits', 'list', f] as const,
  visit: (id: number) => ['visits', 'visit', id] as const,
  daily: (f: Query) => ['visits', 'daily', f] as const,
  reports: (f: Query) => ['visits', 'reports', f] as const,
  report: (id: number) => ['visits', 'report', id] as const,
  averages: (f: Query) => ['visits', 'averages', f] as const,
  territories: ['visits', 'territories'] as const,
  territoryCustomers: (id: number) => ['visits', 'territories', id, 'customers'] as const,
  location: (customerId: number) => ['visits', 'location', customerId] as const,
};

const notFound = (n: number, err: Error) => (err as { status?: number })?.status !== 404 && n < 2;

export function useVisits(f: Query) {
  return useQuery({ queryKey: visitKeys.list(f), queryFn: ({ signal }) => api.get('/api/visits', f, signal), placeholderData: keepPreviousData });
}
export function useVisit(id: number) {
  return useQuery({ queryKey: visitKeys.visit(id), queryFn: ({ signal }) => api.get(`/api/visits/${id}`, undefined, signal), enabled: Number.isInteger(id) && id > 0, retry: notFound });
}
export function useDaily(f: Query) {
  return useQuery({ queryKey: visitKeys.daily(f), queryFn: ({ signal }) => api.get('/api/visits/daily', f, signal) });
}
export function useReports(f: Query) {
  return useQuery({ queryKey: visitKeys.reports(f), queryFn: ({ signal }) => api.get('/api/visit-reports', f, signal), placeholderData: keepPreviousData });
}
export function useReport(id: number) {
  return useQuery({ queryKey: visitKeys.report(id), queryFn: ({ signal }) => api.get(`/api/visit-reports/${id}`, undefined, signal), enabled: Number.isInteger(id) && id > 0, retry: notFound });
}
export function useAverages(f: Query) {
  return useQuery({ queryKey: visitKeys.averages(f), queryFn: ({ signal }) => api.get('/api/visit-reports/averages', f, signal), placeholderData: keepPreviousData });
}
export function useScales() {
  return useQuery({ queryKey: ['visits', 'scales'], queryFn: ({ signal }) => api.get('/api/visit-reports/scales', undefined, signal), staleTime: Infinity });
}
export function useTerritories() {
  return useQuery({ queryKey: visitKeys.territories, queryFn: ({ signal }) => api.get('/api/territories', undefined, signal) });
}
export function useTerritoryCustomers(id: number | null) {
  return useQuery({ queryKey: visitKeys.territoryCustomers(id ?? 0), queryFn: ({ signal }) => api.get(`/api/territories/${id!}/customers`, undefined, signal), enabled: id != null });
}
export function useLocation(customerId: number) {
  return useQuery({ queryKey: visitKeys.location(customerId), queryFn: ({ signal }) => api.get(`/api/customers/${customerId}/location`, undefined, signal) });
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>, extra: readonly (readonly unknown[])[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: visitKeys.all });
      for (const k of extra) void qc.invalidateQueries({ queryKey: k });
    },
  });
}

export const useCreateVisit = () => useInvalidating((body: VisitInput) => api.post('/api/visits', body), [['tasks'], ['home']]);
export const useUploadVisitSignature = () => useInvalidating(({ id, file, filename }: { id: number; file: Blob; filename: string }) => uploadFile<Visit>(`/api/visits/${id}/signature`, file, { query: { filename } }), [['customers']]);
export const useUploadReportSignature = () =>
  useInvalidating(({ id, file, filename }: { id: number; file: Blob; filename: string }) => uploadFile<VisitReport>(`/api/visit-reports/${id}/signature`, file, { query: { filename } }), [['customers']]);
export const useComment = () => useInvalidating(({ id, comment, version }: { id: number; comment: string; version: number }) => api.post(`/api/visits/${id}/comment`, { comment, version }));
export const useToComplaint = () =>
  useInvalidating(({ id, ...body }: { id: number; category: string; severity: string; content?: string | null }) => api.post(`/api/visits/${id}/complaint`, body), [['complaints']]);
export const useToTask = () => useInvalidating(({ id, ...body }: { id: number; title: string; description?: string | null; dueDate: string }) => api.post(`/api/visits/${id}/task`, body), [['tasks'], ['home']]);
export const useCreateReport = () => useInvalidating((body: VisitReportInput) => api.post('/api/visit-reports', body));
export const useSaveTerritory = () =>
  useInvalidating(({ id, version, ...body }: TerritoryInput & { id?: number; version?: number }) => (id ? api.put(`/api/territories/${id}`, { ...body, version }) : api.post('/api/territories', body)));
export const useDeleteTerritory = () => useInvalidating((id: number) => api.delete(`/api/territories/${id}`));
export const useMarkRemoval = () => useInvalidating(({ id, customerId, reason }: { id: number; customerId: number; reason: string }) => api.post(`/api/territories/${id}/removals`, { customerId, reason }));
export const useUnmarkRemoval = () => useInvalidating(({ id, customerId }: { id: number; customerId: number }) => api.delete(`/api/territories/${id}/removals/${customerId}`));
export const useSetLocation = () => useInvalidating(({ customerId, lat, lng }: { customerId: number; lat: number; lng: number }) => api.put(`/api/customers/${customerId}/location`, { lat, lng }));
export const usePlanRoute = () =>
  useMutation({ mutationFn: (body: { start?: { lat: number; lng: number } | null; startCustomerId?: number | null; customerIds: number[] }): Promise<DayRoute> => api.post('/api/visit-routes', body) });

// ── visit plans 回访计划表 ──
export const planKeys = { all: ['visit-plans'] as const, list: (f: Query) => ['visit-plans', 'list', f] as const, plan: (id: number) => ['visit-plans', 'plan', id] as const };
export function useVisitPlans(f: Query) {
  return useQuery({ queryKey: planKeys.list(f), queryFn: ({ signal }) => api.get('/api/visit-plans', f, signal), placeholderData: keepPreviousData });
}
export function useVisitPlan(id: number) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: ({ signal }) => api.get(`/api/visit-plans/${id}`, undefined, signal), enabled: Number.isInteger(id) && id > 0, retry: notFound });
}
export function usePlanSuggestions(enabled: boolean) {
  return useQuery({ queryKey: ['visit-plans', 'suggestions'], queryFn: ({ signal }) => api.get('/api/visit-plans/suggestions', undefined, signal), enabled });
}
export function useOpenPlanLines(customerId: number | undefined) {
  return useQuery({ queryKey: ['visit-plans', 'open-lines', customerId], queryFn: ({ signal }) => api.get('/api/visit-plans/open-lines', { customerId }, signal), enabled: !!customerId });
}
function usePlanMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void Promise.all([qc.invalidateQueries({ queryKey: planKeys.all }), qc.invalidateQueries({ queryKey: ['approvals'] })]) });
}
export const useCreatePlan = () => usePlanMutation((body: { kind: 'monthly' | 'weekly'; period: string }) => api.post('/api/visit-plans', body));
export const useSavePlan = () => usePlanMutation(({ id, ...body }: { id: number; lines: VisitPlanLineInput[]; notes?: string | null; version: number }) => api.put(`/api/visit-plans/${id}`, body));
export const useSubmitPlan = () => usePlanMutation(({ id, version }: { id: number; version: number }) => api.post(`/api/visit-plans/${id}/submit`, { version }));
