import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../time';
import { insertAuditRows } from '../audit/audit.queries';
import { authQueries } from './auth.queries';
import { hashPassword } from './passwords';

/** Default departments from the regulations (docs/regulations.md §1), editable afterwards. */
const DEFAULT_DEPARTMENTS = ['客户服务部', '销售部', '财务部', '企业发展部'];

/**
 * First start: the default departments and the first administrator. The password comes from
 * GUANXI_ADMIN_PASSWORD or is generated and returned so it can be printed once.
 */
export async function bootstrap(db: Kysely<Database>, clock: Clock, admin: { username: string; password?: string }) {
  if (await authQueries.hasAnyUser(db)) return { created: false as const };
  const now = clock.now().toISOString();
  const password = admin.password ?? crypto.randomBytes(12).toString('base64url');
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    if (!(await authQueries.hasAnyDepartment(trx))) await authQueries.insertDepartments(trx, DEFAULT_DEPARTMENTS, now);
    const userId = await authQueries.insertAdmin(trx, {
      username: admin.username,
      display_name: '系统管理员',
      password_hash: hash,
      must_change_password: admin.password ? 0 : 1,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    await insertAuditRows(trx, [
      { at: now, actor_id: null, actor_name: 'system', action: 'create', entity_type: 'user', entity_id: String(userId), summary: 'first administrator', changes: null, ip: null, request_id: null },
    ]);
  });
  return { created: true as const, username: admin.username, password, generated: !admin.password };
}
