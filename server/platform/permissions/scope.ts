import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from './actor';

/**
 * How a record type maps onto the data scopes of domain.md §1. Each level names the column
 * holding the owner / team / department; a level a record type lacks falls back to the next wider one.
 */
export interface ScopedResource {
  table: string;
  id: string;
  owner?: string;
  team?: string;
  department?: string;
}

/** The one registry of scoped record types. Later modules add theirs (customers, complaints …). */
export const RESOURCES = {
  user: { table: 'users', id: 'users.id', owner: 'users.id', team: 'users.team_id', department: 'users.department_id' },
  team: { table: 'teams', id: 'teams.id', team: 'teams.id', department: 'teams.department_id' },
  department: { table: 'departments', id: 'departments.id', department: 'departments.id' },
  individual: {
    table: 'individual_customers',
    id: 'individual_customers.id',
    owner: 'individual_customers.owner_id',
    team: 'individual_customers.team_id',
    department: 'individual_customers.department_id',
  },
  customer: {
    table: 'customers',
    id: 'customers.id',
    owner: 'customers.owner_id',
    team: 'customers.team_id',
    department: 'customers.department_id',
  },
} satisfies Record<string, ScopedResource>;
export type ResourceType = keyof typeof RESOURCES;

/**
 * A WHERE condition restricting `resource` rows to those the actor may see. Used by every list,
 * search, count and export, and by the object-level check, so all of them agree.
 */
export function scopeCondition(actor: Actor, resource: ScopedResource) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (actor.scope === 'all') return sql<SqlBool>`1 = 1`;
    const ors: Expression<SqlBool>[] = [];
    const level = actor.scope;
    if (resource.owner) ors.push(eb(eb.ref(resource.owner), '=', actor.id));
    const useTeam = level === 'team' || (level === 'own' && !resource.owner);
    const useDepartment =
      level === 'department' || (useTeam && !resource.team) || (level === 'own' && !resource.owner && !resource.team);
    if (useTeam && resource.team && actor.teamIds.length > 0) ors.push(eb(eb.ref(resource.team), 'in', actor.teamIds));
    if (useDepartment && resource.department && actor.departmentId !== null) {
      ors.push(eb(eb.ref(resource.department), '=', actor.departmentId));
    }
    return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`1 = 0`;
  };
}
