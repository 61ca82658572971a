import type { Role } from '../../platform/permissions/roles';
import { defineModule } from '../../platform/modules/manifest';
import type { ApprovalServices } from '../approvals/approvals.module';
import type { WorkflowServices } from '../workflow/workflow.module';
import { complaintAuditTypes } from './complaints.audit';
import { createComplaintAnalysis } from './complaints.analysis';
import { startComplaintJobs } from './complaints.jobs';
import { complaintsDemo } from './complaints.demo';
import { COMPLAINT_MESSAGES } from './complaints.messages';
import { complaintRoutes } from './complaints.routes';
import { createComplaintService } from './complaints.service';
import { COMPLAINT_SETTING_GROUPS, COMPLAINT_SETTINGS } from './complaints.settings';
import { complaints20261124 } from './migrations/20261124_60_complaints';
import { complaintCategoryLabels20261212 } from './migrations/20261212_20_20_complaint_category_labels';
import './complaints.tables';

// 投诉 (docs/regulations.md §10): anyone at the front records; specialists handle; supervisors assign;
// managers hold the 经理办公会; QA analyses.
const leads: Role[] = ['director', 'manager', 'supervisor'];
const handlers: Role[] = [...leads, 'specialist'];
const front: Role[] = [...handlers, 'sales', 'agent', 'callcentre_manager', 'team_lead'];

export const complaintsModule = defineModule({
  name: 'complaints',
  dependsOn: ['workflow', 'approvals'],
  migrations: (kind) => [complaints20261124(kind), complaintCategoryLabels20261212(kind)],
  resources: {
    // A complaint is its handler's (with the handler's team and department) and its recorder's; unassigned
    // ones are seen company-wide by managers and directors until assigned.
    complaint: { table: 'complaints', id: 'complaints.id', owner: 'complaints.handler_id', coOwners: ['complaints.created_by'], team: 'complaints.team_id', department: 'complaints.department_id' },
    // A 问题整改通知单 is its recipient's and its issuer's, and the department at fault's.
    complaint_rectification: {
      table: 'complaint_rectifications',
      id: 'complaint_rectifications.id',
      owner: 'complaint_rectifications.recipient_id',
      coOwners: ['complaint_rectifications.issued_by'],
      department: 'complaint_rectifications.department_id',
    },
  },
  capabilities: {
    'complaints.read': [...front, 'qa'],
    'complaints.intake': front, // record a complaint (hotline, phone, e-mail, visit, letter …)
    'complaints.handle': handlers, // contact, investigate, draft the opinion, tell the customer, extensions, rectification notices
    'complaints.assign': leads, // give a complaint to a handler, act on any complaint in scope
    'complaints.meeting': ['director', 'manager'], // record the 经理办公会 special session on a serious complaint
    // A rectification notice goes to any department (finance too): the recipient reads and answers their own.
    'complaints.rectify': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa'],
    'complaints.analyse': [...leads, 'qa'], // the analysis page and its exports
    'complaints.reveal': handlers, // show the complainant's phone in full on the detail page, audit-logged
  },
  settingGroups: COMPLAINT_SETTING_GROUPS,
  settings: COMPLAINT_SETTINGS,
  messages: COMPLAINT_MESSAGES,
  auditTypes: complaintAuditTypes,
  referenceLists: { complaint_categories: { 'zh-CN': '投诉类别', 'zh-TW': '投訴類別', en: 'Complaint categories' } },
  build: (ctx) => {
    const { approvals } = ctx.use<ApprovalServices>('approvals');
    const { notifications, reminders } = ctx.use<WorkflowServices>('workflow');
    const complaints = createComplaintService({ db: ctx.db, audit: ctx.audit, clock: ctx.clock, settings: ctx.settings, calendar: ctx.calendar, approvals, notifications, reminders, rateLimiter: ctx.rateLimiter });
    ctx.calendar.onOfficialYear((trx, change) => complaints.recomputeForOfficialYear(trx, change));
    const complaintAnalysis = createComplaintAnalysis({ db: ctx.db, calendar: ctx.calendar, clock: ctx.clock, audit: ctx.audit });
    return { complaints, complaintAnalysis };
  },
  routes: (app, s, ctx) => complaintRoutes(app, { complaints: s.complaints, analysis: s.complaintAnalysis, clock: ctx.clock, calendar: ctx.calendar }),
  demo: (s, ctx, demo) => complaintsDemo(s.complaints, ctx.use<ApprovalServices>('approvals').approvals, demo),
  jobs: (s, ctx) => startComplaintJobs({ complaints: s.complaints, leases: ctx.leases }, ctx.log),
  contributes: {
    approvalTypes: (s) => [s.complaints.opinionHandler, s.complaints.extensionHandler],
    todoProviders: (s) => [s.complaints.todoProvider],
    customerMerge: (s) => [{ columns: ['complaints.customer_id', 'complaint_satisfaction.customer_id'], move: s.complaints.moveCustomer }],
  },
});
