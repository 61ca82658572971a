import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, listOf } from '../../../api/client';
import type { Page, RoleId, RoleInfo, UserRecord } from '../../../api/contract/platform';
import type { NewUser, UserUpdate } from '../../../api/contract/platform';

export type { NewUser, UserUpdate };

export interface UserFilters {
  q?: string;
  departmentId?: number;
  teamId?: number;
  role?: RoleId;
  active?: boolean;
  page: number;
  pageSize: number;
  sort?: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  options: (q: string) => ['users', 'options', q] as const,
  roles: ['roles'] as const,
};

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: () => api.get('/api/users', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

/** A short list of users for pickers (supervisor, audit person), searched by name on the server. */
export function useUserOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: userKeys.options(q),
    queryFn: () => api.get('/api/users', { q: q || undefined, pageSize: 50, page: 1 }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export const ROLE_IDS: RoleId[] = ['admin', 'director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'];

/** The role catalogue (GET /api/roles); falls back to the fixed list of roles should the call fail. */
export function useRoles() {
  return useQuery({
    queryKey: userKeys.roles,
    queryFn: async () =>
      listOf<RoleInfo | RoleId | { id?: string; key?: string; name?: string; role?: string }>(await api.get('/api/roles'), 'roles')
        .map((r) => (typeof r === 'string' ? r : (r.role ?? (r as { id?: string }).id ?? (r as { key?: string }).key ?? (r as { name?: string }).name)))
        .filter((r): r is RoleId => typeof r === 'string' && (ROLE_IDS as string[]).includes(r)),
    staleTime: Infinity,
    placeholderData: ROLE_IDS,
  });
}



function useUserMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Also after a failure: a 409 means our copy is stale and must be reloaded.
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export const useCreateUser = () => useUserMutation((body: NewUser) => api.post('/api/users', body));
export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UserUpdate & { id: number }) => api.put(`/api/users/${id}`, body));
export const useSetRoles = () =>
  useUserMutation(({ id, roles, version }: { id: number; roles: RoleId[]; version: number }) =>
    api.put(`/api/users/${id}/roles`, { roles, version }),
  );
export const useResetPassword = () =>
  useUserMutation(({ id, password, mustChange }: { id: number; password: string; mustChange: boolean }) =>
    api.post(`/api/users/${id}/reset-password`, { password, mustChange }),
  );
export const useUserAction = () =>
  useUserMutation(({ id, action, version }: { id: number; action: 'deactivate' | 'activate' | 'unlock'; version: number }) =>
    api.post(`/api/users/${id}/${action}`, { version }),
  );
