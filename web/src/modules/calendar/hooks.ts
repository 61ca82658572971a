import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listOf } from '../../api/client';
import type { CalendarDay, CalendarStatus, CompanyDay, OfficialYear } from '../../api/contract/platform';
import type { NewCompanyDay, OfficialSchedule } from '../../api/contract/platform';

export type { NewCompanyDay, OfficialSchedule };

export const calendarKeys = {
  all: ['calendar'] as const,
  status: ['calendar', 'status'] as const,
  month: (month: string) => ['calendar', 'month', month] as const,
  years: ['calendar', 'years'] as const,
  companyDays: ['calendar', 'company-days'] as const,
};

export function useCalendarStatus(enabled = true) {
  return useQuery({
    queryKey: calendarKeys.status,
    queryFn: () => api.get('/api/calendar/status'),
    enabled,
  });
}

/** month = YYYY-MM */
export function useCalendarMonth(month: string) {
  return useQuery({
    queryKey: calendarKeys.month(month),
    queryFn: async () => listOf<CalendarDay>(await api.get('/api/calendar/month', { month }), 'days'),
    placeholderData: (previous) => previous,
  });
}

function normaliseYear(raw: unknown): OfficialYear | null {
  if (typeof raw === 'number') return { year: raw, source: null, importedAt: null };
  if (raw && typeof raw === 'object' && typeof (raw as OfficialYear).year === 'number') return raw as OfficialYear;
  return null;
}

export function useOfficialYears() {
  return useQuery({
    queryKey: calendarKeys.years,
    queryFn: async () =>
      listOf<unknown>(await api.get('/api/calendar/years'), 'years', 'officialYears')
        .map(normaliseYear)
        .filter((y): y is OfficialYear => y !== null)
        .sort((a, b) => a.year - b.year),
  });
}

export function useCompanyDays() {
  return useQuery({
    queryKey: calendarKeys.companyDays,
    queryFn: async () =>
      listOf<CompanyDay & { day?: string }>(await api.get('/api/calendar/company-days'), 'days')
        // the table column is called `day`; accept either spelling
        .map((d) => ({ ...d, date: d.date ?? d.day ?? '' }))
        .sort((a, b) => a.date.localeCompare(b.date)),
  });
}


export function useAddCompanyDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCompanyDay) => api.post('/api/calendar/company-days', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useDeleteCompanyDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/calendar/company-days/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}


export function useSaveOfficialYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, schedule }: { year: number; schedule: OfficialSchedule }) => api.put(`/api/calendar/years/${year}`, schedule),
    onSuccess: () => qc.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
