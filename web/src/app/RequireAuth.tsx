import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Capability } from '../api/contract/platform';
import { Forbidden, FullPageSpin, LoadError } from '../components/status';
import { useSession } from '../modules/auth/hooks';
import { sessionEnded } from './sessionEnd';

export interface FromState {
  from?: { pathname: string; search?: string; hash?: string };
  expired?: boolean;
}

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Signed-in pages. Without a session → /login (remembering where the user wanted to go). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: user, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  const from = { pathname: location.pathname, search: location.search, hash: location.hash };
  if (!user) {
    // After signing out, the next person starts at the home page; after an expiry, the same person returns here.
    const why = sessionEnded();
    return <Navigate to="/login" replace state={(why === 'signedOut' ? {} : { from, expired: why === 'expired' }) satisfies FromState} />;
  }
  // A reset or initial password must be replaced before anything else (server sets mustChangePassword).
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from } satisfies FromState} />;
  }
  return <>{children}</>;
}

/** A page that needs a capability: without it the user sees 403 (the menu hides the link anyway). */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { data: user } = useSession();
  if (!user?.capabilities.includes(capability)) return <Forbidden />;
  return <>{children}</>;
}
