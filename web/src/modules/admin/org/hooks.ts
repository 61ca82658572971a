import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from '../../../api/client';
import type { Department, Team } from '../../../api/contract/platform';
import type { DepartmentInput, TeamInput } from '../../../api/contract/platform';

export type { DepartmentInput, TeamInput };

export const orgKeys = {
  all: ['org'] as const,
  departments: ['org', 'departments'] as const,
  teams: (departmentId?: number | null) => ['org', 'teams', departmentId ?? 'all'] as const,
};

export function useDepartments() {
  return useQuery({
    queryKey: orgKeys.departments,
    queryFn: async () =>
      (await fetchAll('/api/departments', {}, 'departments')).sort(
        (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'),
      ),
    staleTime: 60_000,
  });
}

/** Teams, optionally of one department; `enabled` false while no department is chosen where one is needed. */
export function useTeams(departmentId?: number | null, enabled = true) {
  return useQuery({
    queryKey: orgKeys.teams(departmentId),
    queryFn: async () =>
      (await fetchAll('/api/teams', { departmentId: departmentId ?? undefined }, 'teams')).sort((a, b) =>
        a.name.localeCompare(b.name, 'zh-CN'),
      ),
    enabled,
    staleTime: 60_000,
  });
}


export function useSaveDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: DepartmentInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/departments/${id}`, { ...body, version }) : api.post('/api/departments', body),
    onSettled: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
  });
}


export function useSaveTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...body }: TeamInput & { id?: number; version?: number }) =>
      id ? api.put(`/api/teams/${id}`, { ...body, version }) : api.post('/api/teams', body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: orgKeys.all });
      // team names and supervisors show in the user list
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
