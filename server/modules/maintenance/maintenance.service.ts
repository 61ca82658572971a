import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { maintenanceQueries as q } from './maintenance.queries';
import { createExecutionUseCases } from './maintenance.execution';
import { createPlanUseCases } from './maintenance.plans';
import { type MaintenanceDeps, createMaintenanceCore } from './maintenance.core';

export { DOCUMENT_TYPE } from './maintenance.core';
export type { CompleteTask, ExpenseInput, MaintenanceDeps, PlanInput, RecordInput, TaskSplitInput } from './maintenance.core';

/**
 * Maintenance plans 客户关系维护方案 (docs/regulations.md §7, seed 000 §6–8): a supervisor drafts, the manager
 * reviews (may return it), the director approves (the approval engine); then tasks, execution records,
 * spending, and the closing report.
 */
export function createMaintenanceService(deps: MaintenanceDeps) {
  const core = createMaintenanceCore(deps);
  return {
    /** Registered with the approval engine in createServices (chain 'maintenance_plan': manager → director, §18). */
    approvalHandler: core.handler,
    view: core.view,
    /** For the public pool (docs/regulations.md §8): which of these customers are in a plan under review or in progress. */
    openPlanCustomers: async (customerIds: number[]) => new Set(await q.openPlanCustomers(core.db, customerIds)),
    ...createPlanUseCases(core),
    ...createExecutionUseCases(core),
  };
}
export type MaintenanceService = ReturnType<typeof createMaintenanceService>;

/** For customers.merge.ts: the survivor of a merge takes over the merged customer's plans and records. */
export const moveMaintenanceCustomer = (trx: Kysely<Database>, mergedId: number, survivorId: number) => q.moveCustomer(trx, mergedId, survivorId);
