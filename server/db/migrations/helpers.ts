import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DialectKind } from '../database';

export interface NamedMigration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
  down?(db: Kysely<any>): Promise<void>;
}

/** The few places where SQLite and PostgreSQL DDL differ, in one spot. */
export function ddl(kind: DialectKind) {
  return {
    kind,
    /** Auto-incrementing integer primary key. */
    id<T extends string>(t: CreateTableBuilder<T, any>, name = 'id') {
      return kind === 'sqlite'
        ? t.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement())
        : t.addColumn(name, 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
    },
    /** A UTC instant. */
    instant: kind === 'sqlite' ? ('text' as const) : ('timestamptz' as const),
    /** A foreign key, with the index every foreign key gets. */
    fk(c: ColumnDefinitionBuilder, target: string, onDelete: 'cascade' | 'restrict' | 'set null' = 'restrict') {
      return c.references(target).onDelete(onDelete);
    },
    async appendOnly(db: Kysely<any>, table: string) {
      if (kind === 'sqlite') {
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
          )
          .execute(db);
      } else {
        await sql
          .raw(
            `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
          )
          .execute(db);
        await sql
          .raw(
            `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
          )
          .execute(db);
      }
    },
  };
}
