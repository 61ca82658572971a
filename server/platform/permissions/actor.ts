import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema';
import type { Lang } from '../http/i18n';
import { actorQueries } from './actor.queries';
import { capabilitiesOf, isRole, widestScope, type Capability, type DataScope, type Role } from './roles';

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

/**
 * A user's roles, capabilities and data scope as the database holds them now: for the session of a
 * request, or to ask what another person may see (a contract's signer). `session` is empty for the latter.
 */
export async function loadActor(
  db: Kysely<Database>,
  user: Pick<User, 'id' | 'username' | 'display_name' | 'department_id' | 'team_id' | 'must_change_password'>,
  session: { sessionId: string; csrfToken: string } = { sessionId: '', csrfToken: '' },
): Promise<Actor> {
  const [roleNames, supervised] = await Promise.all([actorQueries.roleNames(db, user.id), actorQueries.supervisedTeamIds(db, user.id)]);
  return actorFromRows(user, roleNames, supervised, session);
}

/** The actor from rows already read (the session lookup reads roles and supervised teams in its one statement). */
export function actorFromRows(
  user: Pick<User, 'id' | 'username' | 'display_name' | 'department_id' | 'team_id' | 'must_change_password'>,
  roleNames: readonly string[],
  supervised: readonly number[],
  session: { sessionId: string; csrfToken: string },
): Actor {
  const roles = roleNames.filter(isRole) as Role[];
  const teamIds = user.team_id ? [user.team_id] : [];
  for (const t of supervised) if (!teamIds.includes(t)) teamIds.push(t);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles,
    capabilities: capabilitiesOf(roles),
    scope: widestScope(roles),
    departmentId: user.department_id,
    teamIds,
    sessionId: session.sessionId,
    csrfToken: session.csrfToken,
    mustChangePassword: user.must_change_password === 1,
  };
}
