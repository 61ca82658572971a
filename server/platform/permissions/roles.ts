import { createOwnership } from '../ownership';

/**
 * Roles, their capabilities and their data scope (docs/regulations.md §1). Roles are fixed in code because
 * the regulations name them; which users hold them is data. Capabilities come from the platform and from
 * each module's manifest, with the roles that hold them by default.
 */
export const ROLES = ['admin', 'director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'] as const;
export type Role = (typeof ROLES)[number];

/** own < team < department < all */
export const SCOPES = ['own', 'team', 'department', 'all'] as const;
export type DataScope = (typeof SCOPES)[number];

/** The platform's own capabilities; every module declares its own in its manifest (registerCapabilities). */
const PLATFORM_CAPABILITIES: Record<string, readonly Role[]> = {
  'directory.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'], // see colleagues, teams and departments (within scope)
  'users.manage': [], // create users, assign roles, reset passwords, deactivate
  'org.manage': [], // departments and teams
  'settings.read': ['director', 'manager'],
  'settings.manage': [],
  'audit.read': ['director', 'manager'], // managers read the audit log (issue 2 point 6)
  'calendar.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'], // working days and holidays, for every form with a date
  'calendar.manage': [],
  'reference.read': ['director', 'manager', 'supervisor', 'specialist', 'sales', 'finance', 'agent', 'qa', 'callcentre_manager', 'team_lead'], // labels of the shipped reference lists in three languages
};

/** A capability name such as 'customers.read'. Routes naming an unregistered one stop the app at start-up. */
export type Capability = string;

interface RoleDefinition {
  scope: DataScope;
  /** Roles a holder of this role may grant (admin: all). */
  grants: Role[];
}

// 客户服务总监 and 经理: all customers; 主管: the team's; 专员, 销售, 座席员: their own; 质检员: the department's;
// 财务 its own, widened to the whole company on the record types it reads there — customers (billing fields),
// contracts, transactions, credit — by each record type's `widerFor` (docs/regulations.md §1).
export const ROLE_DEFINITIONS: Record<Role, RoleDefinition> = {
  admin: { scope: 'all', grants: [...ROLES] },
  director: { scope: 'all', grants: [] },
  manager: { scope: 'all', grants: [] },
  supervisor: { scope: 'team', grants: [] },
  specialist: { scope: 'own', grants: [] },
  sales: { scope: 'own', grants: [] },
  finance: { scope: 'own', grants: [] },
  agent: { scope: 'own', grants: [] },
  qa: { scope: 'department', grants: [] },
  // 呼叫中心经理 the department's calls, 座席班长 the team's (docs/regulations.md §1).
  callcentre_manager: { scope: 'department', grants: [] },
  team_lead: { scope: 'team', grants: [] },
};

/** capability → the roles holding it by default; filled from the platform and the module manifests. */
const holders = new Map<Capability, readonly Role[]>();
/** One set per combination of roles, computed once (it is asked on every request); emptied when manifests register. */
const capabilitySets = new Map<string, Set<Capability>>();

const owners = createOwnership('Capability');

/** Adds a module's capabilities. The same owner may register again (one process, several apps); another may not reuse a name. */
export function registerCapabilities(owner: string, capabilities: Record<string, readonly Role[]>): void {
  for (const [name, roles] of Object.entries(capabilities)) {
    owners.claim(name, owner);
    for (const r of roles) if (!isRole(r)) throw new Error(`Capability ${name} of ${owner} names an unknown role ${r}`);
    holders.set(name, roles);
  }
  capabilitySets.clear();
}
registerCapabilities('platform', PLATFORM_CAPABILITIES);

export function isCapability(name: string): boolean {
  return holders.has(name);
}

/** Every registered capability, in registration order. */
export function allCapabilities(): Capability[] {
  return [...holders.keys()];
}

/** What a role holds: the administrator everything, the others what the manifests give them. */
export function roleCapabilities(role: Role): Capability[] {
  if (role === 'admin') return allCapabilities();
  return [...holders].filter(([, roles]) => roles.includes(role)).map(([name]) => name);
}

export function widestScope(roles: readonly Role[]): DataScope {
  let best = 0;
  for (const r of roles) best = Math.max(best, SCOPES.indexOf(ROLE_DEFINITIONS[r].scope));
  return SCOPES[best];
}

export function capabilitiesOf(roles: readonly Role[]): Set<Capability> {
  const key = [...roles].sort().join(',');
  let caps = capabilitySets.get(key);
  if (!caps) {
    caps = new Set<Capability>();
    for (const r of roles) for (const c of roleCapabilities(r)) caps.add(c);
    capabilitySets.set(key, caps);
  }
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
