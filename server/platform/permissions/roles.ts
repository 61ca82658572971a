/**
 * Roles, their capabilities and their data scope (domain.md §1). Roles are fixed in code because
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
  'customers.read', // the archive, within the data scope (domain.md §2)
  'customers.create',
  'customers.update',
  'customers.transfer', // change the responsible person, one by one or in bulk (supervisors and above)
  'customers.reveal', // show one unmasked phone / account on the detail page, audit-logged
  'customers.merge', // merge two records of the same customer (查重)
  'customers.import', // Excel/CSV import into the archive (issue point 10)
  'customers.export', // Excel export of the filtered list, masked (issue point 11)
  'customers.export_unmasked', // the same export with phones and bank accounts in clear, audit-logged
] as const;
export type Capability = (typeof CAPABILITIES)[number];

interface RoleDefinition {
  scope: DataScope;
  capabilities: Capability[];
  /** Roles a holder of this role may grant (admin: all). */
  grants: Role[];
}

const everyone: Capability[] = ['directory.read'];
// Specialists enter ≥ 20 new customers a week (domain.md §2 quotas): they import and export their own, masked.
const archiveWork: Capability[] = ['customers.read', 'customers.create', 'customers.update', 'customers.import', 'customers.export'];
const archiveLead: Capability[] = [...archiveWork, 'customers.transfer', 'customers.reveal'];

export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  admin: { scope: 'all', capabilities: [...CAPABILITIES], grants: [...ROLES] },
  // 客户服务总监: all customers (§1); reads the audit log and settings
  director: { scope: 'all', capabilities: [...everyone, ...archiveLead, 'customers.merge', 'customers.export_unmasked', 'audit.read', 'settings.read'], grants: [] },
  // 客户服务经理: all customers (§1); managers read the audit log (issue 2 point 6)
  manager: { scope: 'all', capabilities: [...everyone, ...archiveLead, 'customers.merge', 'audit.read', 'settings.read'], grants: [] },
  // 主管: the team's customers
  supervisor: { scope: 'team', capabilities: [...everyone, ...archiveLead], grants: [] },
  // 专员: the customers assigned to them
  specialist: { scope: 'own', capabilities: [...everyone, ...archiveWork], grants: [] },
  sales: { scope: 'own', capabilities: [...everyone, ...archiveWork], grants: [] },
  // 财务 reads contracts and transactions company-wide (§1); write capabilities come with those modules
  finance: { scope: 'all', capabilities: [...everyone, 'customers.read'], grants: [] },
  // 座席员: own calls and records
  agent: { scope: 'own', capabilities: [...everyone, ...archiveWork], grants: [] },
  // 质检员 reviews the call centre's work
  qa: { scope: 'department', capabilities: [...everyone, 'customers.read'], grants: [] },
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
