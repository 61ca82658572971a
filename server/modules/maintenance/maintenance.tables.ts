import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../db/schema';

/** The maintenance module's tables (column types as Kysely sees them). */
export interface MaintenancePlanTable {
  id: Generated<number>;
  title: string;
  goals: string;
  method: string;
  measures: string;
  budget_fen: number;
  start_date: string; // YYYY-MM-DD
  end_date: string;
  status: ColumnType<string, string | undefined, string>; // draft | pending | returned | approved | closed | rejected
  owner_id: number; // the drafting supervisor
  team_id: number | null;
  department_id: number | null;
  submitted_at: Instant | null;
  approved_at: Instant | null;
  report_assessment: string | null;
  report_optimisation: string | null;
  closed_at: Instant | null;
  closed_by: number | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface MaintenancePlanCustomerTable {
  plan_id: number;
  customer_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface MaintenancePlanStaffTable {
  plan_id: number;
  user_id: number;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface MaintenancePlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  task_id: number;
  customer_id: number | null;
  assignee_id: number;
  title: string;
  due_date: string;
  created_by: number | null;
  created_at: Instant;
}

/** 客服工作记录表 */
export interface MaintenancePlanRecordTable {
  id: Generated<number>;
  plan_id: number;
  plan_task_id: number | null;
  customer_id: number | null;
  content: string;
  feedback: string;
  at: Instant;
  created_by: number;
  created_at: Instant;
}

export interface MaintenancePlanExpenseTable {
  id: Generated<number>;
  plan_id: number;
  amount_fen: number;
  spent_on: string;
  item: string;
  created_by: number;
  created_at: Instant;
}

/** A view: staff, task assignees and customer owners of each plan. */
export interface MaintenancePlanViewerView {
  plan_id: number;
  user_id: number;
}


export interface MaintenanceTables {
  maintenance_plans: MaintenancePlanTable;
  maintenance_plan_customers: MaintenancePlanCustomerTable;
  maintenance_plan_staff: MaintenancePlanStaffTable;
  maintenance_plan_tasks: MaintenancePlanTaskTable;
  maintenance_plan_records: MaintenancePlanRecordTable;
  maintenance_plan_expenses: MaintenancePlanExpenseTable;
  maintenance_plan_viewers: MaintenancePlanViewerView;
}

// Adds these tables to the one Database type every query is checked against; the platform names no module.
declare module '../../db/schema' {
  interface Database extends MaintenanceTables {}
}
