import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchFile } from '../../api/client';
import type { Banquet, ReceptionRecord, Tour } from '../../api/contract/reception';

export type { Banquet, ReceptionRecord, ReceptionVisit, ThankYouLetter, Tour } from '../../api/contract/reception';
export const TOUR_DOCUMENT_TYPE = 'reception_tour';
export const BANQUET_DOCUMENT_TYPE = 'reception_banquet';
export const TOUR_TYPES: Tour['tourType'][] = ['key', 'group', 'ordinary', 'adhoc'];
export const OUTCOMES: ReceptionRecord['outcome'][] = ['resolved', 'promised', 'sales', 'unresolved'];
export const TOUR_STATUS_COLOR: Record<Tour['status'], string> = {
  pending: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  in_progress: 'blue',
  completed: 'default',
};
export const BANQUET_STATUS_COLOR: Record<Banquet['status'], string> = { pending: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };

export const receptionKeys = {
  all: ['reception'] as const,
  visits: (f: Record<string, unknown>) => ['reception', 'visits', f] as const,
  records: (f: Record<string, unknown>) => ['reception', 'records', f] as const,
  tours: (f: Record<string, unknown>) => ['reception', 'tours', f] as const,
  tour: (id: number) => ['reception', 'tour', id] as const,
  thankYou: (id: number) => ['reception', 'tour', id, 'thank-you'] as const,
  banquets: (f: Record<string, unknown>) => ['reception', 'banquets', f] as const,
};

const notFoundOnce = (n: number, err: Error) => (err as { status?: number })?.status !== 404 && n < 2;

export function useVisits(f: { q?: string; page: number }) {
  return useQuery({ queryKey: receptionKeys.visits(f), queryFn: ({ signal }) => api.get('/api/reception/visits', { ...f, pageSize: 20 }, signal), placeholderData: keepPreviousData });
}
export function useRecords(f: { outcome?: string; page: number }) {
  return useQuery({ queryKey: receptionKeys.records(f), queryFn: ({ signal }) => api.get('/api/reception/records', { ...f, pageSize: 20 }, signal), placeholderData: keepPreviousData });
}
export function useTours(f: { status?: string; page: number }) {
  return useQuery({ queryKey: receptionKeys.tours(f), queryFn: ({ signal }) => api.get('/api/reception/tours', { ...f, pageSize: 20 }, signal), placeholderData: keepPreviousData });
}
export function useTour(id: number) {
  return useQuery({ queryKey: receptionKeys.tour(id), queryFn: ({ signal }) => api.get(`/api/reception/tours/${id}`, undefined, signal), enabled: Number.isInteger(id) && id > 0, retry: notFoundOnce });
}
export function useThankYou(id: number) {
  return useQuery({ queryKey: receptionKeys.thankYou(id), queryFn: ({ signal }) => api.get(`/api/reception/tours/${id}/thank-you`, undefined, signal), enabled: Number.isInteger(id) && id > 0, retry: notFoundOnce });
}
export function useBanquets(f: { status?: string; page: number }) {
  return useQuery({ queryKey: receptionKeys.banquets(f), queryFn: ({ signal }) => api.get('/api/reception/banquets', { ...f, pageSize: 20 }, signal), placeholderData: keepPreviousData });
}

function useReceptionMutation<V, R>(fn: (v: V) => Promise<R>, alsoTasks = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: receptionKeys.all });
      void qc.invalidateQueries({ queryKey: ['approvals'] });
      if (alsoTasks) {
        void qc.invalidateQueries({ queryKey: ['tasks'] });
        void qc.invalidateQueries({ queryKey: ['home'] });
      }
    },
  });
}

export interface VisitValues {
  visitorName: string;
  customerId?: number | null;
  organisation?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  arrivedAt?: string;
  departedAt?: string | null;
  note?: string | null;
}
export interface RecordValues {
  visitId?: number | null;
  customerId?: number | null;
  organisation?: string | null;
  visitorName?: string | null;
  receivedOn?: string;
  purpose: string;
  requests?: string | null;
  outcome: ReceptionRecord['outcome'];
  promiseDays?: number | null;
  reason?: string | null;
}
export interface TourValues {
  customerId?: number | null;
  organisation?: string | null;
  tourType: Tour['tourType'];
  visitorsCount: number;
  date: string;
  time: string;
  durationMinutes?: number | null;
  content: string;
  scope: string;
  route: string;
  contactName?: string | null;
  photographyRequested?: boolean;
}
export interface BanquetValues {
  customerId?: number | null;
  organisation?: string | null;
  guests: string;
  guestCount: number;
  heldOn: string;
  place: string;
  budget: number;
  purpose: string;
  emergency?: boolean;
  emergencyReason?: string | null;
}

export const useCreateVisit = () => useReceptionMutation((v: VisitValues) => api.post('/api/reception/visits', v));
export const useUpdateVisit = (id: number) => useReceptionMutation((v: Partial<VisitValues> & { version: number }) => api.put(`/api/reception/visits/${id}`, v));
export const useRevealVisit = () => useMutation({ mutationFn: (v: { id: number; field: 'phone' | 'idNumber' }) => api.post(`/api/reception/visits/${v.id}/reveal`, { field: v.field }) });
export const useCreateRecord = () => useReceptionMutation((v: RecordValues) => api.post('/api/reception/records', v), true);
export const useApplyTour = () => useReceptionMutation((v: TourValues) => api.post('/api/reception/tours', v));
export const useTourAction = (id: number) =>
  useReceptionMutation((v: { action: 'resubmit' | 'start' | 'complete'; version: number; comment?: string | null }) => {
    const { action, ...body } = v;
    return api.post(`/api/reception/tours/${id}/${action}`, body);
  });
export const useCreateBanquet = () => useReceptionMutation((v: BanquetValues) => api.post('/api/reception/banquets', v));
export const useBanquetHeld = () => useReceptionMutation((v: { id: number; version: number }) => api.post(`/api/reception/banquets/${v.id}/held`, { version: v.version }));

export const exportVisits = (q?: string) => fetchFile('/api/reception/visits/export', q ? { q } : undefined);
