import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CareActionInput, CareEventInput, CareTemplateInput } from '../../api/contract/care';

export const careKeys = {
  all: ['care'] as const,
  calendar: (from: string, to: string) => ['care', 'calendar', from, to] as const,
  upcoming: (days: number) => ['care', 'upcoming', days] as const,
  templates: ['care', 'templates'] as const,
  actions: ['care', 'actions'] as const,
  events: ['care', 'events'] as const,
  event: (id: number) => ['care', 'event', id] as const,
};

export function useCareCalendar(from: string, to: string) {
  return useQuery({ queryKey: careKeys.calendar(from, to), queryFn: ({ signal }) => api.get('/api/care/calendar', { from, to }, signal) });
}
export function useUpcoming(days: number) {
  return useQuery({ queryKey: careKeys.upcoming(days), queryFn: ({ signal }) => api.get('/api/care/upcoming', { days }, signal) });
}
export function useTemplates() {
  return useQuery({ queryKey: careKeys.templates, queryFn: ({ signal }) => api.get('/api/care/templates', undefined, signal) });
}
export function useActions() {
  return useQuery({ queryKey: careKeys.actions, queryFn: ({ signal }) => api.get('/api/care/actions', { limit: 100 }, signal) });
}
export function useEvents() {
  return useQuery({ queryKey: careKeys.events, queryFn: ({ signal }) => api.get('/api/care/events', undefined, signal) });
}
export function useEvent(id: number | null) {
  return useQuery({ queryKey: careKeys.event(id ?? 0), queryFn: ({ signal }) => api.get(`/api/care/events/${id ?? 0}`, undefined, signal), enabled: !!id });
}

function useCareMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void qc.invalidateQueries({ queryKey: careKeys.all }) });
}
export const useSaveTemplate = () =>
  useCareMutation((v: CareTemplateInput & { id?: number; version?: number }) => {
    const { id, version, ...body } = v;
    return id ? api.put(`/api/care/templates/${id}`, { ...body, version: version ?? 0 }) : api.post('/api/care/templates', body);
  });
export const useRender = () => useCareMutation((v: { templateId: number; customerId: number; contactId?: number | null }) => api.post(`/api/care/templates/${v.templateId}/render`, { customerId: v.customerId, contactId: v.contactId ?? null }));
export const useRecordAction = () => useCareMutation((v: CareActionInput) => api.post('/api/care/actions', v));
export const useCreateEvent = () => useCareMutation((v: CareEventInput) => api.post('/api/care/events', v));
export const useInvite = () => useCareMutation((v: { eventId: number; customerIds: number[] }) => api.post(`/api/care/events/${v.eventId}/invites`, { customerIds: v.customerIds }));
export const useAttendance = () =>
  useCareMutation((v: { eventId: number; customerId: number; status: 'invited' | 'attended' | 'absent' }) => api.put(`/api/care/events/${v.eventId}/invites/${v.customerId}`, { status: v.status }));
