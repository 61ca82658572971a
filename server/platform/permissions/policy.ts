import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { errors } from '../http/errors';
import type { Actor } from './actor';
import type { Capability } from './roles';
import { visibleInScope } from './policy.queries';
import { RESOURCES, type ResourceType } from './scope';

/**
 * Every route declares one of these in `config.policy`. A route under /api without one is refused at
 * run time and fails the route-inventory test.
 */
export type RoutePolicy =
  | { public: true }
  | {
      /** What the route needs besides being signed in. Every route names one, or declares `self`. */
      capability?: Capability;
      /**
       * The route serves only the signed-in user's own things (session, password, language, notifications,
       * to-do list), so no capability is asked: a route without either is refused at start-up.
       */
      self?: true;
      /** Usable while the user must still change the password (sign-out, who am I, the change itself). */
      beforePasswordChange?: true;
      /** The record the route's `:id` (or `param`) names: checked against the actor's data scope first (404). */
      resource?: { type: ResourceType; param?: string };
      /** Declares that the `:id` names a company-wide record with no owner/team/department (e.g. a company holiday). */
      companyWide?: true;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

export function hasCapability(actor: Actor, capability: Capability): boolean {
  return actor.capabilities.has(capability);
}

/** Object-level check: throws 404 when the record does not exist or lies outside the actor's scope. */
export async function assertVisible(db: Kysely<Database>, actor: Actor, type: ResourceType, id: number): Promise<void> {
  const res = RESOURCES[type];
  if (!Number.isSafeInteger(id) || id <= 0) throw errors.notFound();
  if (!(await visibleInScope(db, actor, res, id))) throw errors.notFound();
}
