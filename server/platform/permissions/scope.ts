import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from './actor';
import { createOwnership } from '../ownership';
import { SCOPES, type DataScope, type Role } from './roles';

/**
 * How a record type maps onto the data scopes of docs/regulations.md §1. Each level names the column
 * holding the owner / team / department; a level a record type lacks falls back to the next wider one.
 */
export interface ScopedResource {
  table: string;
  id: string;
  owner?: string;
  team?: string;
  department?: string;
  /**
   * A link table (or view) naming further users who see a record whatever their scope level, e.g. the
   * staff and task assignees of a maintenance plan (docs/regulations.md §7); `record` and `user` are its columns.
   */
  members?: { table: string; record: string; user: string };
  /** Further columns naming a user who sees the record whatever their scope level, e.g. a task's creator. */
  coOwners?: string[];
  /**
   * A wider scope some roles have on this record type only, e.g. finance reads every contract and transaction
   * but, with its own scope, no one else's tasks or complaints (docs/regulations.md §1).
   */
  widerFor?: Partial<Record<Role, DataScope>>;
}

/** The actor's scope on one record type: their roles' scope, widened where the record type says so. */
export function scopeOn(actor: Actor, resource: ScopedResource): DataScope {
  let best = SCOPES.indexOf(actor.scope);
  for (const r of actor.roles) {
    const wider = resource.widerFor?.[r];
    if (wider) best = Math.max(best, SCOPES.indexOf(wider));
  }
  return SCOPES[best];
}

/**
 * The one registry of scoped record types: the platform's own here, every module's from its manifest
 * (registerResources), so a route's `resource`, lists and the single-record check all read the same map.
 */
export const RESOURCES: Record<string, ScopedResource> = {
  // Finance picks salespeople and reads names on every contract and transaction.
  user: { table: 'users', id: 'users.id', owner: 'users.id', team: 'users.team_id', department: 'users.department_id', widerFor: { finance: 'all' } },
  team: { table: 'teams', id: 'teams.id', team: 'teams.id', department: 'teams.department_id', widerFor: { finance: 'all' } },
  department: { table: 'departments', id: 'departments.id', department: 'departments.id', widerFor: { finance: 'all' } },
};
/** A record type name such as 'customer'. Routes naming an unregistered one stop the app at start-up. */
export type ResourceType = string;

const resourceOwners = createOwnership('Record type', Object.keys(RESOURCES));

export function registerResources(owner: string, resources: Record<string, ScopedResource>): void {
  for (const [name, def] of Object.entries(resources)) {
    resourceOwners.claim(name, owner);
    RESOURCES[name] = def;
  }
}

type Condition = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/**
 * The scope condition as the branches it ORs (owner columns, teams, department, member link), or null
 * when the actor sees every row. A list ordered by an index reads each branch in that order and merges
 * them, which one OR across two columns prevents (docs/performance.md); `teamsApart` gives each team a
 * branch of its own for that, else the teams are one IN list.
 */
export function scopeBranches(actor: Actor, resource: ScopedResource, opts: { teamsApart?: boolean } = {}): Condition[] | null {
  const level = scopeOn(actor, resource);
  if (level === 'all') return null;
  const ors: Condition[] = [];
  if (resource.owner) ors.push((eb) => eb(eb.ref(resource.owner!), '=', actor.id));
  for (const c of resource.coOwners ?? []) ors.push((eb) => eb(eb.ref(c), '=', actor.id));
  const useTeam = level === 'team' || (level === 'own' && !resource.owner);
  const useDepartment =
    level === 'department' || (useTeam && !resource.team) || (level === 'own' && !resource.owner && !resource.team);
  if (useTeam && resource.team && actor.teamIds.length > 0) {
    if (opts.teamsApart) for (const t of actor.teamIds) ors.push((eb) => eb(eb.ref(resource.team!), '=', t));
    else ors.push((eb) => eb(eb.ref(resource.team!), 'in', actor.teamIds));
  }
  if (useDepartment && resource.department && actor.departmentId !== null) {
    ors.push((eb) => eb(eb.ref(resource.department!), '=', actor.departmentId));
  }
  if (resource.members) {
    const m = resource.members;
    ors.push(() => sql<SqlBool>`exists (select 1 from ${sql.table(m.table)} where ${sql.ref(m.record)} = ${sql.ref(resource.id)} and ${sql.ref(m.user)} = ${actor.id})`);
  }
  return ors;
}

/**
 * A WHERE condition restricting `resource` rows to those the actor may see. Used by every list,
 * search, count and export, and by the object-level check, so all of them agree.
 */
export function scopeCondition(actor: Actor, resource: ScopedResource) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const branches = scopeBranches(actor, resource);
    if (branches === null) return sql<SqlBool>`1 = 1`;
    return branches.length > 0 ? eb.or(branches.map((b) => b(eb))) : sql<SqlBool>`1 = 0`;
  };
}
