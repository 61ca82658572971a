/**
 * Roles, their capabilities and their data scope (docs/regulations.md §1). Roles are fixed in code because
 * the regulations name them; which users hold them is data. Later modules add capabilities here.
 */
export const ROLES = ['admin', 'director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa'] as const;
export type Role = (typeof ROLES)[number];

/** own < team < department < all */
export const SCOPES = ['own', 'team', 'department', 'all'] as const;
export type DataScope = (typeof SCOPES)[number];

export const CAPABILITIES = [
  'directory.read', // see colleagues, teams and departments (within scope)
  'users.manage', // create users, assign roles, reset passwords, deactivate
  'org.manage', // departments and teams
  'settings.read',
  'settings.manage',
  'audit.read',
  'calendar.manage',
  'customers.read', // the archive, within the data scope (docs/regulations.md §2)
  'customers.create',
  'customers.update',
  'customers.transfer', // change the responsible person, one by one or in bulk (supervisors and above)
  'customers.reveal', // show one unmasked phone / account on the detail page, audit-logged
  'customers.merge', // merge two records of the same customer (查重)
  'customers.import', // Excel/CSV import into the archive (issue point 10)
  'customers.export', // Excel export of the filtered list, masked (issue point 11)
  'customers.export_unmasked', // the same export with phones and bank accounts in clear, audit-logged
  'development.read', // prospects, research, development plans and records within the data scope (docs/regulations.md §6)
  'development.write', // enter and move prospects, research plans/reports, draft development plans, development records
  'development.assign', // give a prospect or record to another owner (supervisors and above)
  'development.instruct', // write the 批示 on a 客户开发记录表 (supervisors and above)
  'maintenance.read', // maintenance plans within scope; specialists: those they work on or that concern their customers (docs/regulations.md §7)
  'maintenance.manage', // draft, split into tasks and close maintenance plans (supervisors and above, seed 000 §6–8)
  'maintenance.record', // record the work done and the customer's feedback, and spending, on an approved plan
  'approvals.configure', // approval chains and groups such as 经理办公会 (docs/regulations.md §18); admin only
  'contracts.read', // contracts within the data scope; finance reads all (docs/regulations.md §1, §13)
  'contracts.manage', // draft and edit contracts, sign as the named signer, file the signed copies
  'contracts.terminate', // end an effective contract early, with a reason (managers and above)
  'tasks.manage', // assign tasks to others within scope, edit and cancel them (supervisors and above, issue 4 §2)
  'surveys.read', // satisfaction survey templates, campaigns, results and improvement plans (company documents, docs/regulations.md §11)
  'surveys.respond', // enter answers and issue personal links for target customers in one's own data scope
  'surveys.manage', // questionnaires, campaigns and improvement plans (supervisors and above)
  'complaints.read', // complaints within the data scope (docs/regulations.md §10)
  'complaints.intake', // record a complaint (hotline, phone, e-mail, visit, letter …), call-centre agents included
  'complaints.handle', // contact, investigate, draft the opinion, tell the customer, ask for an extension, rectification notices
  'complaints.assign', // give a complaint to a handler, act on any complaint in scope (supervisors and above)
  'complaints.meeting', // record the 经理办公会 special session on a serious complaint (managers and above)
  'complaints.analyse', // the complaint analysis page and its exports
] as const;
export type Capability = (typeof CAPABILITIES)[number];

interface RoleDefinition {
  scope: DataScope;
  capabilities: Capability[];
  /** Roles a holder of this role may grant (admin: all). */
  grants: Role[];
}

const everyone: Capability[] = ['directory.read'];
// Specialists enter ≥ 20 new customers a week (docs/regulations.md §2 quotas): they import and export their own, masked.
const archiveWork: Capability[] = ['customers.read', 'customers.create', 'customers.update', 'customers.import', 'customers.export'];
const archiveLead: Capability[] = [...archiveWork, 'customers.transfer', 'customers.reveal'];
// Development (docs/regulations.md §6): specialists and sales develop prospects; supervisors and above also assign and instruct.
const developmentWork: Capability[] = ['development.read', 'development.write'];
const developmentLead: Capability[] = [...developmentWork, 'development.assign', 'development.instruct'];
// 客户关系维护: supervisors draft plans, the manager reviews, the director approves, specialists execute (seed 000 §3).
const maintenanceLead: Capability[] = ['maintenance.read', 'maintenance.manage', 'maintenance.record'];
const maintenanceWork: Capability[] = ['maintenance.read', 'maintenance.record'];
// Contracts (docs/regulations.md §13): those who sign for the company draft and sign; how much each may sign alone is a setting.
const contractWork: Capability[] = ['contracts.read', 'contracts.manage'];
const contractLead: Capability[] = [...contractWork, 'contracts.terminate'];
// 满意度调查 (docs/regulations.md §11): specialists ask their customers; supervisors and above run campaigns and plans.
const surveyWork: Capability[] = ['surveys.read', 'surveys.respond'];
const surveyLead: Capability[] = [...surveyWork, 'surveys.manage'];
// 投诉 (docs/regulations.md §10): anyone at the front records; specialists handle; supervisors assign; managers hold the 经理办公会.
const complaintWork: Capability[] = ['complaints.read', 'complaints.intake', 'complaints.handle'];
const complaintLead: Capability[] = [...complaintWork, 'complaints.assign', 'complaints.analyse'];

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  admin: { scope: 'all', capabilities: [...CAPABILITIES], grants: [...ROLES] },
  // 客户服务总监: all customers (§1); reads the audit log and settings
  director: { scope: 'all', capabilities: [...everyone, ...archiveLead, 'customers.merge', 'customers.export_unmasked', 'audit.read', 'settings.read', ...maintenanceLead, ...developmentLead, ...contractLead, 'tasks.manage', ...surveyLead, ...complaintLead, 'complaints.meeting'], grants: [] },
  // 客户服务经理: all customers (§1); managers read the audit log (issue 2 point 6)
  manager: { scope: 'all', capabilities: [...everyone, ...archiveLead, 'customers.merge', 'audit.read', 'settings.read', ...maintenanceLead, ...developmentLead, ...contractLead, 'tasks.manage', ...surveyLead, ...complaintLead, 'complaints.meeting'], grants: [] },
  // 主管: the team's customers
  supervisor: { scope: 'team', capabilities: [...everyone, ...archiveLead, ...maintenanceLead, ...developmentLead, ...contractWork, 'tasks.manage', ...surveyLead, ...complaintLead], grants: [] },
  // 专员: the customers assigned to them
  specialist: { scope: 'own', capabilities: [...everyone, ...archiveWork, ...maintenanceWork, ...developmentWork, ...contractWork, ...surveyWork, ...complaintWork], grants: [] },
  sales: { scope: 'own', capabilities: [...everyone, ...archiveWork, ...developmentWork, ...contractWork, 'complaints.read', 'complaints.intake'], grants: [] },
  // 财务 reads contracts and transactions company-wide (§1); write capabilities come with those modules
  finance: { scope: 'all', capabilities: [...everyone, 'customers.read', 'contracts.read'], grants: [] },
  // 座席员: own calls and records
  agent: { scope: 'own', capabilities: [...everyone, ...archiveWork, 'complaints.read', 'complaints.intake'], grants: [] },
  // 质检员 reviews the call centre's work
  qa: { scope: 'department', capabilities: [...everyone, 'customers.read', 'complaints.read', 'complaints.analyse'], grants: [] },
};

export function widestScope(roles: readonly Role[]): DataScope {
  let best = 0;
  for (const r of roles) best = Math.max(best, SCOPES.indexOf(ROLE_DEFINITIONS[r].scope));
  return SCOPES[best];
}

export function capabilitiesOf(roles: readonly Role[]): Set<Capability> {
  const caps = new Set<Capability>();
  for (const r of roles) for (const c of ROLE_DEFINITIONS[r].capabilities) caps.add(c);
  return caps;
}

export function grantableRoles(roles: readonly Role[]): Set<Role> {
  const out = new Set<Role>();
  for (const r of roles) for (const g of ROLE_DEFINITIONS[r].grants) out.add(g);
  return out;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
