import type { RequestContext } from '../permissions/actor';
import type { Role } from '../permissions/roles';

/**
 * What `npm run demo` hands each module's `demo` hook (docs/architecture.md, "The module manifest"):
 * the demo organisation, the demo customers, a seeded random generator and the demo's clock. A module
 * writes its sample data through its own services with these, so the data is what the app would store.
 */
export interface DemoPerson {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
  /** The department's name (客户服务部, 销售部 …). */
  department: string;
  teamId: number | null;
  team: string | null;
  /** Supervises its team (主管). */
  supervises: boolean;
  /** A request context acting as this person (language zh-CN). */
  ctx: RequestContext;
}

export interface DemoOrganisation {
  /** Every demo user, in the order of the demo's user list. */
  users: DemoPerson[];
  /** The administrator the demo runs as for organisation changes. */
  admin: DemoPerson;
  /** Users holding a role (in list order); empty when none does. */
  byRole(role: Role): DemoPerson[];
  /** One demo user by user name (throws for an unknown name: a demo bug). */
  user(username: string): DemoPerson;
  departments: { id: number; name: string; headId: number | null }[];
  teams: { id: number; name: string; departmentId: number; supervisorId: number | null }[];
}

/** A demo customer as the archive holds it, with what a module needs to make its records plausible. */
export interface DemoCustomerRef {
  id: number;
  name: string;
  status: string;
  industry: string;
  province: string;
  city: string;
  /** 微型 / 小型 / 中型 / 大型 (always known to the demo, even when the archive leaves it blank). */
  companySize: string;
  staffCount: number;
  /** Typical monthly purchases in 元 (a customer of this size and industry). */
  monthlyPurchase: number;
  ownerId: number;
  teamId: number | null;
  departmentId: number | null;
  createdAt: Date;
  /** Contacts (name, mobile) in the archive's order, key contact first. */
  contacts: { id: number; name: string; mobile: string | null }[];
}

/** mulberry32-style seeded generator: the same seed gives the same demo. */
export interface DemoRandom {
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** The demo's timeline: services read `now()`; a hook moves it to the moment each record happens. */
export interface DemoClock {
  now(): Date;
  /** Moves the services' clock (never beyond `end`). */
  set(at: Date): void;
  /** The moment the demo runs ("today"): a hook returns the clock there when done. */
  readonly end: Date;
}

export interface DemoContext {
  org: DemoOrganisation;
  customers: DemoCustomerRef[];
  random: DemoRandom;
  clock: DemoClock;
  /** Adds a line to the demo's summary (e.g. "contracts: 40"). */
  report(line: string): void;
}
