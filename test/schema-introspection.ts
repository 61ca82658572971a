import { sql } from 'kysely';
import type { Db } from '../server/db/database';

/** Every `table.column` with a foreign key to customers.id, read from the live schema of either database. */
export async function customerForeignKeys(db: Db): Promise<string[]> {
  if (db.kind === 'sqlite') {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db.kysely);
    const out: string[] = [];
    for (const { name } of tables.rows) {
      const fks = await sql<{ table: string; from: string }>`select * from pragma_foreign_key_list(${name})`.execute(db.kysely);
      for (const fk of fks.rows) if (fk.table === 'customers') out.push(`${name}.${fk.from}`);
    }
    return out.sort();
  }
  const rows = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
    where ccu.table_name = 'customers' and kcu.table_schema = current_schema()`.execute(db.kysely);
  return rows.rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
}
