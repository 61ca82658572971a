import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { prepared } from '../../db/prepared';
import type { Actor } from './actor';
import { scopeCondition, scopeOn, type ScopedResource } from './scope';

type Check = (db: Kysely<Database>, id: number, actorId: number, departmentId: number | null, ...teamIds: number[]) => Promise<unknown[]>;
/** One prepared check per record type and shape of scope (level, number of teams, a department or none). */
const checks = new WeakMap<ScopedResource, Map<string, Check>>();
const MAX_SHAPES = 200; // per record type; past it (a rare mix of team counts) the check is built each time

function checkFor(actor: Actor, res: ScopedResource): Check | null {
  const key = `${scopeOn(actor, res)}|${actor.teamIds.length}|${actor.departmentId === null ? '-' : 'd'}`;
  let shapes = checks.get(res);
  if (!shapes) checks.set(res, (shapes = new Map()));
  let check = shapes.get(key);
  if (!check) {
    if (shapes.size >= MAX_SHAPES) return null;
    // The actor's ids become the query's arguments; their roles decide only the shape, which the key names.
    check = prepared(
      (db: Kysely<Database>, id: number, actorId: number, departmentId: number | null, ...teamIds: number[]) =>
        (db as Kysely<any>)
          .selectFrom(res.table)
          .select(res.id)
          .where(res.id, '=', id)
          .where(scopeCondition({ ...actor, id: actorId, departmentId: actor.departmentId === null ? null : departmentId, teamIds }, res)),
      { arity: 3 + actor.teamIds.length, mayLeaveArgs: true },
    );
    shapes.set(key, check);
  }
  return check;
}

/** The SQL of the single-record scope check, prepared per shape of scope: it runs on nearly every request. */
export async function visibleInScope(db: Kysely<Database>, actor: Actor, res: ScopedResource, id: number): Promise<boolean> {
  const check = checkFor(actor, res);
  if (check) return (await check(db, id, actor.id, actor.departmentId, ...actor.teamIds)).length > 0;
  const row = await (db as Kysely<any>).selectFrom(res.table).select(res.id).where(res.id, '=', id).where(scopeCondition(actor, res)).executeTakeFirst();
  return !!row;
}
