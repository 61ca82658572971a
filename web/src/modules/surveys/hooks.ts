import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchFile } from '../../api/client';
import type { Page } from '../../api/contract/platform';
import type { AnswerInput, Campaign, CampaignInput, CampaignList, IssuedLink, Plan, PlanInput, PlanSummary, PublicSurvey, Results, StaffChannel, SurveyResponse, Target, Template, TemplateInput, TemplateSummary } from '../../api/contract/surveys';

export interface CampaignFilters {
  q?: string;
  status?: string;
  page: number;
  pageSize: number;
}
export interface TargetFilters {
  q?: string;
  status?: 'pending' | 'answered';
  page: number;
  pageSize: number;
}

export const surveyKeys = {
  all: ['surveys'] as const,
  templates: (f: object) => ['surveys', 'templates', f] as const,
  template: (id: number) => ['surveys', 'template', id] as const,
  campaigns: (f: CampaignFilters) => ['surveys', 'campaigns', f] as const,
  campaign: (id: number) => ['surveys', 'campaign', id] as const,
  targets: (id: number, f: TargetFilters) => ['surveys', 'campaign', id, 'targets', f] as const,
  responses: (id: number, targetId?: number) => ['surveys', 'campaign', id, 'responses', targetId ?? null] as const,
  results: (id: number) => ['surveys', 'campaign', id, 'results'] as const,
  plans: (id: number) => ['surveys', 'campaign', id, 'plans'] as const,
  plan: (id: number) => ['surveys', 'plan', id] as const,
  public: (token: string) => ['survey-public', token] as const,
};

const notFoundNoRetry = (n: number, err: Error) => !('status' in err && [403, 404, 410, 429].includes((err as Error & { status: number }).status)) && n < 2;

export function useTemplates(f: { status?: string; q?: string; all?: boolean } = {}) {
  return useQuery({
    queryKey: surveyKeys.templates(f),
    queryFn: ({ signal }) => api.get('/api/survey-templates', { ...f, all: f.all ? 'true' : undefined }, signal),
  });
}

export function useTemplate(id: number) {
  return useQuery({
    queryKey: surveyKeys.template(id),
    queryFn: () => api.get(`/api/survey-templates/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    retry: notFoundNoRetry,
  });
}

export function useCampaigns(f: CampaignFilters) {
  return useQuery({
    queryKey: surveyKeys.campaigns(f),
    queryFn: ({ signal }) => api.get('/api/survey-campaigns', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number) {
  return useQuery({
    queryKey: surveyKeys.campaign(id),
    queryFn: () => api.get(`/api/survey-campaigns/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    retry: notFoundNoRetry,
  });
}

export function useTargets(id: number, f: TargetFilters) {
  return useQuery({
    queryKey: surveyKeys.targets(id, f),
    queryFn: ({ signal }) => api.get(`/api/survey-campaigns/${id}/targets`, { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useResponses(id: number, targetId?: number, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.responses(id, targetId),
    queryFn: () => api.get(`/api/survey-campaigns/${id}/responses`, { targetId }),
    enabled,
  });
}

export function useResults(id: number, enabled = true) {
  return useQuery({ queryKey: surveyKeys.results(id), queryFn: () => api.get(`/api/survey-campaigns/${id}/results`), enabled });
}

export function usePlans(campaignId: number) {
  return useQuery({ queryKey: surveyKeys.plans(campaignId), queryFn: () => api.get(`/api/survey-campaigns/${campaignId}/improvement-plans`) });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: surveyKeys.plan(id),
    queryFn: () => api.get(`/api/survey-improvement-plans/${id}`),
    enabled: Number.isInteger(id) && id > 0,
    retry: notFoundNoRetry,
  });
}

/** Every write changes what several views show (figures, targets, lists, approvals): reload them all. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: surveyKeys.all }), qc.invalidateQueries({ queryKey: ['approvals'] }), qc.invalidateQueries({ queryKey: ['home'] })]);
}

export function useSaveTemplate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: TemplateInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/survey-templates/${id}`, body) : api.post('/api/survey-templates', body),
    onSettled: invalidate,
  });
}

export function useTemplateAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, version }: { id: number; action: 'publish' | 'copy' | 'delete'; version?: number }) =>
      action === 'delete'
        ? api.delete(`/api/survey-templates/${id}`).then(() => null)
        : api.post(`/api/survey-templates/${id}/${action}`, action === 'publish' ? { version } : undefined),
    onSettled: invalidate,
  });
}

export function useSaveCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: CampaignInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/survey-campaigns/${id}`, body) : api.post('/api/survey-campaigns', body),
    onSettled: invalidate,
  });
}

export function useCampaignAction(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'start' | 'close'; version: number }) => api.post(`/api/survey-campaigns/${id}/${action}`, { version }),
    onSettled: invalidate,
  });
}

export function useIssueLinks(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (targetIds?: number[]) => api.post(`/api/survey-campaigns/${id}/links`, targetIds ? { targetIds } : {}),
    onSettled: invalidate,
  });
}

export function useEnterResponse(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ targetId, ...body }: { targetId: number; channel: StaffChannel; respondentName?: string | null; answeredAt?: string | null; answers: AnswerInput[] }) =>
      api.post(`/api/survey-campaigns/${id}/targets/${targetId}/response`, body),
    onSettled: invalidate,
  });
}

export function useSavePlan(campaignId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: PlanInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/survey-improvement-plans/${id}`, body) : api.post(`/api/survey-campaigns/${campaignId}/improvement-plans`, body),
    onSettled: invalidate,
  });
}

export function useSubmitPlan(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; comment?: string | null }) => api.post(`/api/survey-improvement-plans/${id}/submit`, body),
    onSettled: invalidate,
  });
}

export const downloadExport = (id: number, what: 'answers' | 'summary') => fetchFile(`/api/survey-campaigns/${id}/${what}.xlsx`);

// The public answer page (no login)

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: surveyKeys.public(token),
    queryFn: () => api.get(`/api/public/surveys/${encodeURIComponent(token)}`),
    retry: notFoundNoRetry,
    refetchOnWindowFocus: false,
  });
}

export function usePublicAnswer(token: string) {
  return useMutation({
    mutationFn: (body: { respondentName?: string | null; answers: AnswerInput[] }) => api.post(`/api/public/surveys/${encodeURIComponent(token)}`, body),
  });
}

/** The satisfaction surveys the customer answered, with the index of each answer (the customer page's tab). */
export function useCustomerSurveyScores(customerId: number, page: number) {
  const f = { customerId, page, pageSize: 20 };
  return useQuery({ queryKey: ['surveys', 'customerScores', f] as const, queryFn: ({ signal }) => api.get('/api/survey-scores', f, signal), placeholderData: keepPreviousData });
}
