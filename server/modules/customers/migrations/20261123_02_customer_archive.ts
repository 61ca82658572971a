import { sql, type Kysely } from 'kysely';
import type { DialectKind } from '../../../db/database';
import { ddl, type NamedMigration } from '../../../db/migrations/helpers';

/** Customer archive (docs/regulations.md §2): company customers, contacts, yearly archive numbers, the search index. */
export function customerArchive20261123(kind: DialectKind): NamedMigration {
  const d = ddl(kind);
  return {
    name: '20261123_02_customer_archive',
    async up(db: Kysely<any>) {
      let t = d
        .id(db.schema.createTable('customers'))
        .addColumn('archive_no', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_normalized', 'text', (c) => c.notNull())
        .addColumn('name_pinyin', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('potential'))
        .addColumn('credit_code', 'text')
        .addColumn('phone_digits', 'text');
      for (const col of [
        'legal_representative', 'general_manager', 'address', 'postcode', 'phone', 'email', 'website',
        'province', 'city', 'district', 'industry', 'company_nature', 'company_size', 'business_scope',
        'operating_status', 'position_in_industry', 'price_level', 'main_products',
        'bank_name', 'bank_account', 'payment_habits', 'paying_contact',
        'source_channel', 'contact_frequency', 'relationship_potential', 'cooperation_intention',
      ]) {
        t = t.addColumn(col, 'text');
      }
      await t
        .addColumn('staff_count', 'integer')
        .addColumn('peak_month_amount', 'numeric')
        .addColumn('low_month_amount', 'numeric')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('completeness', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('owner_id', 'integer', (c) => d.fk(c, 'users.id').notNull())
        .addColumn('team_id', 'integer', (c) => d.fk(c, 'teams.id', 'set null'))
        .addColumn('department_id', 'integer', (c) => d.fk(c, 'departments.id', 'set null'))
        .addColumn('created_by', 'integer', (c) => d.fk(c, 'users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      const idx = (name: string, cols: string[]) => db.schema.createIndex(name).on('customers').columns(cols).execute();
      await idx('customers_owner_idx', ['owner_id']);
      await idx('customers_team_idx', ['team_id']);
      await idx('customers_department_idx', ['department_id']);
      await idx('customers_created_by_idx', ['created_by']);
      await idx('customers_name_pinyin_idx', ['name_pinyin']);
      await idx('customers_name_normalized_idx', ['name_normalized']);
      await idx('customers_credit_code_idx', ['credit_code']);
      await idx('customers_phone_digits_idx', ['phone_digits']);
      await idx('customers_status_idx', ['status']);
      await idx('customers_updated_at_idx', ['updated_at']);
      await idx('customers_created_at_idx', ['created_at']);

      await d
        .id(db.schema.createTable('customer_contacts'))
        .addColumn('customer_id', 'integer', (c) => d.fk(c, 'customers.id', 'cascade').notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'text')
        .addColumn('department', 'text')
        .addColumn('mobile', 'text')
        .addColumn('phone', 'text')
        .addColumn('mobile_digits', 'text')
        .addColumn('email', 'text')
        .addColumn('birthday', 'text')
        .addColumn('notes', 'text')
        .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', d.instant, (c) => c.notNull())
        .addColumn('updated_at', d.instant, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('customer_contacts_customer_idx').on('customer_contacts').column('customer_id').execute();
      await db.schema.createIndex('customer_contacts_mobile_idx').on('customer_contacts').column('mobile_digits').execute();

      // Archive numbers run per year: KH2026-000001 (docs/regulations.md §2 "archives are numbered").
      await db.schema
        .createTable('archive_sequences')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .execute();

      // The search index: character-pair and pinyin tokens made in our code (customers.rules.ts).
      if (kind === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE customer_search USING fts5(tokens, tokenize = 'unicode61')`.execute(db);
      } else {
        await sql`CREATE TABLE customer_search (
          customer_id integer PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
          tokens text NOT NULL,
          tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', tokens)) STORED)`.execute(db);
        await sql`CREATE INDEX customer_search_tsv_idx ON customer_search USING gin (tsv)`.execute(db);
      }
    },
  };
}
