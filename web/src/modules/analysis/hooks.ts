import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The filters of every analysis table, as they stand in the page's URL. */
export interface AnalysisFilters {
  period: 'month' | 'quarter' | 'year';
  date?: string;
  compare: 'previous' | 'lastYear';
  teamId?: number;
  ownerId?: number;
  province?: string;
  city?: string;
  industry?: string;
  grade?: string;
  top?: number;
}

const key = (table: string, f: AnalysisFilters) => ['analysis', table, f] as const;
const opts = { placeholderData: keepPreviousData };

export const useGrowth = (f: AnalysisFilters, enabled = true) => useQuery({ enabled, queryKey: key('growth', f), queryFn: ({ signal }) => api.get('/api/analysis/growth', { ...f }, signal), ...opts });
export const useRegions = (f: AnalysisFilters, enabled = true) => useQuery({ enabled, queryKey: key('regions', f), queryFn: ({ signal }) => api.get('/api/analysis/regions', { ...f }, signal), ...opts });
export const useSales = (f: AnalysisFilters, enabled = true) => useQuery({ enabled, queryKey: key('sales', f), queryFn: ({ signal }) => api.get('/api/analysis/sales', { ...f }, signal), ...opts });
export const useStructure = (f: AnalysisFilters, enabled = true) => useQuery({ enabled, queryKey: key('structure', f), queryFn: ({ signal }) => api.get('/api/analysis/structure', { ...f }, signal), ...opts });
export const useACard = (f: AnalysisFilters, enabled = true) => useQuery({ enabled, queryKey: key('acard', f), queryFn: ({ signal }) => api.get('/api/analysis/acard', { ...f }, signal), ...opts });
export const useCCard = (f: AnalysisFilters, enabled = true) => useQuery({ enabled, queryKey: key('ccard', f), queryFn: ({ signal }) => api.get('/api/analysis/ccard', { ...f }, signal), ...opts });
