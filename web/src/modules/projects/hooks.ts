import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Project } from '../../api/contract/projects';

export const projectKeys = {
  all: ['projects'] as const,
  list: (f: Record<string, unknown>) => ['projects', 'list', f] as const,
  one: (id: number) => ['projects', 'one', id] as const,
};

export function useProjects(filters: { q?: string; status?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: projectKeys.list(filters), queryFn: ({ signal }) => api.get('/api/projects', filters, signal), placeholderData: keepPreviousData });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: projectKeys.one(id),
    queryFn: ({ signal }) => api.get(`/api/projects/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    retry: (n, err) => (err as { status?: number })?.status !== 404 && n < 2,
  });
}

/** Every change answers with the whole project: the page shows it at once, and lists refresh. */
export function useProjectMutation<V>(fn: (v: V) => Promise<Project | { project: Project }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (res) => {
      const p = 'project' in res ? res.project : res;
      qc.setQueryData(projectKeys.one(p.id), p);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

/** The customer's cooperation projects (the customer page's tab). */
export function useCustomerProjects(customerId: number, page: number) {
  const f = { customerId, page, pageSize: 20 };
  return useQuery({ queryKey: projectKeys.list(f), queryFn: ({ signal }) => api.get('/api/projects', f, signal), placeholderData: keepPreviousData });
}
