import { type BuildContext, defineModule } from '../../platform/modules/manifest';
import { workflow20261124 } from './migrations/20261124_20_workflow';
import { taskWorkingDayDue20261210 } from './migrations/20261210_80_task_working_day_due';
import { deliveryRateBuckets20261212 } from './migrations/20261212_10_delivery_rate_buckets';
import { notificationKeys20261212 } from './migrations/20261212_20_notification_keys';
import { createNotificationService } from './notifications.service';
import { createReminderService } from './reminders.service';
import { createTaskService } from './tasks.service';
import { createTodoService } from './todo.service';
import { startWorkflowJobs } from './workflow.jobs';
import { WORKFLOW_MESSAGES } from './workflow.messages';
import { workflowRoutes } from './workflow.routes';
import { WORKFLOW_SETTING_GROUPS, WORKFLOW_SETTINGS } from './workflow.settings';
import './workflow.tables';

function build(ctx: BuildContext) {
  const notifications = createNotificationService({
    db: ctx.db,
    clock: ctx.clock,
    settings: ctx.settings,
    smtp: ctx.smtp,
    outbox: ctx.outbox,
    audit: ctx.audit,
  });
  const reminders = createReminderService({ db: ctx.db, clock: ctx.clock, notifications });
  const tasks = createTaskService({ db: ctx.db, clock: ctx.clock, audit: ctx.audit, calendar: ctx.calendar, settings: ctx.settings, notifications, reminders });
  ctx.calendar.onOfficialYear((trx, change) => tasks.recomputeForOfficialYear(trx, change));
  const todo = createTodoService({ db: ctx.db });
  return { notifications, reminders, tasks, todo };
}
export type WorkflowServices = ReturnType<typeof build>;

/** Work for people: notifications (inbox, e-mail, group robots), exactly-once reminders, tasks and the to-do home page. */
export const workflowModule = defineModule({
  name: 'workflow',
  migrations: (kind) => [workflow20261124(kind), taskWorkingDayDue20261210(kind), deliveryRateBuckets20261212(kind), notificationKeys20261212(kind)],
  resources: {
    // A task is its assignee's (with the assignee's team and department when assigned) and its creator's.
    task: { table: 'tasks', id: 'tasks.id', owner: 'tasks.assignee_id', coOwners: ['tasks.creator_id'], team: 'tasks.team_id', department: 'tasks.department_id' },
  },
  capabilities: {
    // Finance reads contracts and transactions (docs/regulations.md §1) and is given no tasks here.
    'tasks.use': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'agent', 'qa', 'callcentre_manager', 'team_lead'], // own tasks, tasks in scope, comments
    'tasks.manage': ['director', 'manager', 'supervisor'], // assign tasks to others within scope, edit and cancel them
  },
  settingGroups: WORKFLOW_SETTING_GROUPS,
  settings: WORKFLOW_SETTINGS,
  messages: WORKFLOW_MESSAGES,
  build,
  routes: (app, s, ctx) => workflowRoutes(app, { ...s, calendar: ctx.calendar }),
  jobs: (s, ctx) => startWorkflowJobs({ ...s, settings: ctx.settings }, ctx.log),
  contributes: {
    todoProviders: (s) => [s.tasks.ownProvider, s.tasks.teamProvider],
  },
  collects: {
    todoProviders: (s, providers) => {
      for (const p of providers) s.todo.register(p);
    },
  },
});
