import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from './actor';

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
  // A maintenance plan is its drafter's (team, department); its staff, task assignees and the owners of
  // its customers see it too (docs/regulations.md §7).
  maintenance_plan: {
    table: 'maintenance_plans',
    id: 'maintenance_plans.id',
    owner: 'maintenance_plans.owner_id',
    team: 'maintenance_plans.team_id',
    department: 'maintenance_plans.department_id',
    members: { table: 'maintenance_plan_viewers', record: 'maintenance_plan_viewers.plan_id', user: 'maintenance_plan_viewers.user_id' },
  },
  // Development (docs/regulations.md §6): like customers, by owner / team / department.
  prospect: { table: 'prospects', id: 'prospects.id', owner: 'prospects.owner_id', team: 'prospects.team_id', department: 'prospects.department_id' },
  research_plan: { table: 'research_plans', id: 'research_plans.id', owner: 'research_plans.owner_id', team: 'research_plans.team_id', department: 'research_plans.department_id' },
  research_report: { table: 'research_reports', id: 'research_reports.id', owner: 'research_reports.owner_id', team: 'research_reports.team_id', department: 'research_reports.department_id' },
  development_plan: { table: 'development_plans', id: 'development_plans.id', owner: 'development_plans.owner_id', team: 'development_plans.team_id', department: 'development_plans.department_id' },
  development_record: { table: 'development_records', id: 'development_records.id', owner: 'development_records.owner_id', team: 'development_records.team_id', department: 'development_records.department_id' },
  // A contract follows its customer's owner / team / department, copied when it is drafted (docs/regulations.md §13).
  contract: { table: 'contracts', id: 'contracts.id', owner: 'contracts.owner_id', team: 'contracts.team_id', department: 'contracts.department_id' },
  // A task is its assignee's (with the assignee's team and department when assigned) and its creator's (issue 4 §2).
  task: { table: 'tasks', id: 'tasks.id', owner: 'tasks.assignee_id', coOwners: ['tasks.creator_id'], team: 'tasks.team_id', department: 'tasks.department_id' },
  // A complaint is its handler's (with the handler's team and department) and its recorder's; unassigned ones
  // are seen company-wide by managers and directors until assigned (docs/regulations.md §10).
  complaint: { table: 'complaints', id: 'complaints.id', owner: 'complaints.handler_id', coOwners: ['complaints.created_by'], team: 'complaints.team_id', department: 'complaints.department_id' },
  // A 问题整改通知单 is its recipient's and its issuer's, and the department at fault's.
  complaint_rectification: {
    table: 'complaint_rectifications',
    id: 'complaint_rectifications.id',
    owner: 'complaint_rectifications.recipient_id',
    coOwners: ['complaint_rectifications.issued_by'],
    department: 'complaint_rectifications.department_id',
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
    for (const c of resource.coOwners ?? []) ors.push(eb(eb.ref(c), '=', actor.id));
    const useTeam = level === 'team' || (level === 'own' && !resource.owner);
    const useDepartment =
      level === 'department' || (useTeam && !resource.team) || (level === 'own' && !resource.owner && !resource.team);
    if (useTeam && resource.team && actor.teamIds.length > 0) ors.push(eb(eb.ref(resource.team), 'in', actor.teamIds));
    if (useDepartment && resource.department && actor.departmentId !== null) {
      ors.push(eb(eb.ref(resource.department), '=', actor.departmentId));
    }
    if (resource.members) {
      const m = resource.members;
      ors.push(sql<SqlBool>`exists (select 1 from ${sql.table(m.table)} where ${sql.ref(m.record)} = ${sql.ref(resource.id)} and ${sql.ref(m.user)} = ${actor.id})`);
    }
    return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`1 = 0`;
  };
}
