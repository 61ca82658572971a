import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, readCookie, setCsrfToken } from '../../api/client';
import { clearSessionEnded, markSessionEnded } from '../../app/sessionEnd';
import type { Capability, Lang, SessionAnswer, SessionUser } from '../../api/contract/platform';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

/** The signed-in user, or null when there is no session. */
export function useSession() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async (): Promise<SessionUser | null> => {
      // No CSRF cookie means no session: skip a request that can only answer 401.
      if (!readCookie('gx_csrf')) return null;
      try {
        const answer = await api.get('/api/auth/me');
        setCsrfToken(answer.csrfToken);
        return answer.user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export function useCan(): (capability: Capability) => boolean {
  const { data } = useSession();
  return (capability) => !!data?.capabilities.includes(capability);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post('/api/auth/login', body),
    onSuccess: (answer) => {
      clearSessionEnded();
      setCsrfToken(answer.csrfToken);
      // Whatever was cached belonged to an earlier session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(authKeys.me, answer.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post('/api/auth/logout');
      } catch (err) {
        // An already-ended session is as good as signed out.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
    },
    onSettled: () => {
      markSessionEnded('signedOut');
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(authKeys.me, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.put('/api/auth/password', body),
    onSuccess: () => {
      const user = qc.getQueryData<SessionUser | null>(authKeys.me);
      if (user) qc.setQueryData(authKeys.me, { ...user, mustChangePassword: false });
      void qc.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}

export function useSaveLocale() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (locale: Lang) => api.put('/api/auth/locale', { locale }),
    onSuccess: (_data, locale) => {
      const user = qc.getQueryData<SessionUser | null>(authKeys.me);
      if (user) qc.setQueryData(authKeys.me, { ...user, locale });
    },
  });
}
