import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AuditEntry, Page } from '../../../api/contract/platform';

export interface AuditFilters {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** ISO instants */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => api.get('/api/audit', { ...filters }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
