import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listOf } from '../../api/client';
import type { Page } from '../../api/contract/platform';
import type { BoardColumn, Channel, DevelopmentPlan, DevelopmentRecord, PlanStatus, PlanTarget, ProgressAnswer, Prospect, RecordInput, ResearchPlan, ResearchReport, Stage, StageHistoryEntry, StageSummary } from '../../api/contract/development';
import type { ProspectCreateInput, StageMoveInput as StageMoveBody } from '../../api/contract/development';

export type StageMoveInput = StageMoveBody & { id: number };

export interface ProspectFilters {
  q?: string;
  ownerId?: number;
  channel?: Channel;
  stage?: Stage;
  createdFrom?: string;
  createdTo?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export const developmentKeys = {
  all: ['development'] as const,
  prospects: ['development', 'prospects'] as const,
  list: (f: ProspectFilters) => ['development', 'prospects', 'list', f] as const,
  board: (f: Omit<ProspectFilters, 'page' | 'pageSize' | 'sort' | 'stage'>) => ['development', 'prospects', 'board', f] as const,
  prospect: (id: number) => ['development', 'prospects', 'detail', id] as const,
  history: (id: number) => ['development', 'prospects', 'detail', id, 'history'] as const,
  record: (id: number) => ['development', 'records', id] as const,
  records: (f: object) => ['development', 'records', 'list', f] as const,
  researchPlans: (f: object) => ['development', 'research', 'plans', f] as const,
  researchReports: (f: object) => ['development', 'research', 'reports', f] as const,
  plans: (f: object) => ['development', 'plans', 'list', f] as const,
  plan: (id: number) => ['development', 'plans', 'detail', id] as const,
  progress: (f: object) => ['development', 'progress', f] as const,
};

// ---- prospects ----
export function useProspects(f: ProspectFilters, enabled = true) {
  return useQuery({
    queryKey: developmentKeys.list(f),
    queryFn: ({ signal }) => api.get('/api/prospects', { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBoard(f: Omit<ProspectFilters, 'page' | 'pageSize' | 'sort' | 'stage'>) {
  return useQuery({
    queryKey: developmentKeys.board(f),
    queryFn: async ({ signal }) => listOf<BoardColumn>(await api.get('/api/prospects/board', { ...f }, signal), 'columns'),
    placeholderData: keepPreviousData,
  });
}

export function useProspect(id: number) {
  return useQuery({
    queryKey: developmentKeys.prospect(id),
    queryFn: () => api.get(`/api/prospects/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useStageHistory(id: number) {
  return useQuery({
    queryKey: developmentKeys.history(id),
    queryFn: async () => listOf<StageHistoryEntry>(await api.get(`/api/prospects/${id}/history`)),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Every development write invalidates the whole domain (also after a failure: a 409 means our copy is stale). */
function useDevelopmentMutation<V, R>(fn: (v: V) => Promise<R>, alsoCustomers = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: developmentKeys.all });
      if (alsoCustomers) await qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export type ProspectInput = Partial<ProspectCreateInput>;

export const useCreateProspect = () => useDevelopmentMutation((body: ProspectInput) => api.post('/api/prospects', body));
export const useUpdateProspect = () =>
  useDevelopmentMutation(({ id, ...body }: ProspectInput & { id: number; version: number }) => api.put(`/api/prospects/${id}`, body));

export const useMoveStage = () => useDevelopmentMutation(({ id, ...body }: StageMoveInput) => api.post(`/api/prospects/${id}/stage`, body));

// ---- development records ----
export function useRecord(id: number | null | undefined) {
  return useQuery({
    queryKey: developmentKeys.record(id ?? 0),
    queryFn: () => api.get(`/api/development-records/${id as number}`), // runs only with an id (enabled)
    enabled: !!id,
  });
}

export function useRecords(f: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: developmentKeys.records(f),
    queryFn: ({ signal }) => api.get('/api/development-records', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export const useCreateRecord = () =>
  useDevelopmentMutation(({ prospectId, ...body }: RecordInput & { prospectId: number }) => api.post(`/api/prospects/${prospectId}/development-record`, body), true);
export const useUpdateRecord = () =>
  useDevelopmentMutation(({ id, ...body }: Partial<RecordInput> & { id: number; version: number }) => api.put(`/api/development-records/${id}`, body));
export const useInstruct = () =>
  useDevelopmentMutation(({ id, ...body }: { id: number; instruction: string; version: number }) => api.put(`/api/development-records/${id}/instruction`, body));

// ---- research ----
export function useResearchPlans(f: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: developmentKeys.researchPlans(f),
    queryFn: ({ signal }) => api.get('/api/research-plans', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}
export function useResearchReports(f: { q?: string; planId?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: developmentKeys.researchReports(f),
    queryFn: ({ signal }) => api.get('/api/research-reports', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}
export type ResearchPlanInput = Partial<Omit<ResearchPlan, 'id' | 'ownerName' | 'reportCount' | 'createdAt' | 'updatedAt'>>;
export type ResearchReportInput = Partial<Omit<ResearchReport, 'id' | 'planTitle' | 'ownerId' | 'ownerName' | 'createdAt' | 'updatedAt'>>;
export const useSaveResearchPlan = () =>
  useDevelopmentMutation(({ id, ...body }: ResearchPlanInput & { id?: number }) =>
    id ? api.put(`/api/research-plans/${id}`, body) : api.post('/api/research-plans', body),
  );
export const useDeleteResearchPlan = () => useDevelopmentMutation((id: number) => api.delete(`/api/research-plans/${id}`));
export const useSaveResearchReport = () =>
  useDevelopmentMutation(({ id, ...body }: ResearchReportInput & { id?: number }) =>
    id ? api.put(`/api/research-reports/${id}`, body) : api.post('/api/research-reports', body),
  );
export const useDeleteResearchReport = () => useDevelopmentMutation((id: number) => api.delete(`/api/research-reports/${id}`));

// ---- development plans ----
export function usePlans(f: { q?: string; status?: PlanStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: developmentKeys.plans(f),
    queryFn: ({ signal }) => api.get('/api/development-plans', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}
export function usePlan(id: number) {
  return useQuery({
    queryKey: developmentKeys.plan(id),
    queryFn: () => api.get(`/api/development-plans/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}
export type PlanInput = Partial<Pick<DevelopmentPlan, 'title' | 'periodStart' | 'periodEnd' | 'goal' | 'schedule' | 'supportNeeded' | 'budget'>> & {
  targets?: Omit<PlanTarget, 'id' | 'contactPhone' | 'prospectStage'>[];
};
export const useCreatePlan = () => useDevelopmentMutation((body: PlanInput) => api.post('/api/development-plans', body));
export const useUpdatePlan = () =>
  useDevelopmentMutation(({ id, ...body }: PlanInput & { id: number; version: number }) => api.put(`/api/development-plans/${id}`, body));
export const useDeletePlan = () => useDevelopmentMutation((id: number) => api.delete(`/api/development-plans/${id}`));
/** Also refreshes the approval panel (the approvals module keys its queries under 'approvals'). */
export function useSubmitPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; comment?: string | null; version: number }) => api.post(`/api/development-plans/${id}/submit`, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: developmentKeys.all });
      await qc.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

// ---- monthly progress ----
export function useProgress(f: { from?: string; to?: string; ownerId?: number }) {
  return useQuery({
    queryKey: developmentKeys.progress(f),
    queryFn: ({ signal }) => api.get('/api/development-progress', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}
