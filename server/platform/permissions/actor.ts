import type { Lang } from '../http/i18n';
import type { Capability, DataScope, Role } from './roles';

/** Who is asking: loaded from the session on every request. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  capabilities: Set<Capability>;
  scope: DataScope;
  departmentId: number | null;
  /** The team the user belongs to plus every team they supervise. */
  teamIds: number[];
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** What a service needs to know about the request it serves (for permissions and the audit trail). */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  requestId: string;
  lang: Lang;
}
