import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { onUnauthorized } from '../api/client';
import { applyLanguage, isLang } from '../i18n';
import { authKeys, useSession } from '../modules/auth/hooks';
import { markSessionEnded } from './sessionEnd';

/**
 * Session-wide reactions that have no UI of their own:
 * - a 401 from any API call but /api/auth/* ends the session here too and shows the sign-in page;
 * - when a user signs in (or a page loads with a session), their stored interface language applies.
 */
export function SessionEffects() {
  const qc = useQueryClient();

  useEffect(
    () =>
      onUnauthorized(() => {
        // RequireAuth then sends the user to /login, remembering the page and saying why.
        markSessionEnded('expired');
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
        qc.setQueryData(authKeys.me, null);
      }),
    [qc],
  );

  const { data: user } = useSession();
  const appliedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!user) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === user.id) return;
    appliedFor.current = user.id;
    if (isLang(user.locale)) void applyLanguage(user.locale);
  }, [user]);

  return null;
}
