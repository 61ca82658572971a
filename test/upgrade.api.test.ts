import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app';
import { openDatabase, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { MODULES } from '../server/modules';
import { ADMIN_PASSWORD, TEST_DB, TestClock, freshDatabase, json, login, registerTestDatabase, testConfig, type Client } from './harness';

/**
 * An existing installation upgrades without change: a database written by the code of 2026-11-24
 * (test/fixtures/upgrade, made by make-fixture.ts there) takes today's migrations and keeps every
 * applied migration's name, every row and every value, and the app answers on it as before.
 */
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'upgrade');
const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURE, '2026-11-24.json'), 'utf8'));
const fixtureCounts: Record<string, number> = manifest.counts[TEST_DB];
// SQLite's full-text index segments: their row count is storage layout (an index rebuild changes it), not data.
const FTS_SEGMENTS = new Set(['customer_search_data', 'customer_search_idx']);
/** Rows that migrations newer than the fixture add to its tables, by table. */
const SEEDED_LATER: Record<string, number> = { approval_groups: 1 };

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let app: FastifyInstance;
let admin: Client;
let before: { name: string; timestamp: string }[];
let countsAfter: Record<string, number>;

const migrationRows = async () =>
  (await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(db.kysely)).rows.map((r) => ({ name: r.name, timestamp: String(r.timestamp) }));
const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db.kysely)).rows[0];

beforeAll(async () => {
  fresh = await freshDatabase();
  if (fresh.database.kind === 'sqlite') {
    fs.copyFileSync(path.join(FIXTURE, '2026-11-24.sqlite'), fresh.database.file);
  } else {
    // pg_dump's \restrict / \unrestrict lines are psql commands, not SQL: the rest is plain SQL.
    const dump = fs
      .readFileSync(path.join(FIXTURE, '2026-11-24.pg.sql'), 'utf8')
      .split('\n')
      .filter((line) => !/^\\(un)?restrict /.test(line))
      .join('\n');
    const client = new pg.Client({ connectionString: fresh.database.url });
    await client.connect();
    await client.query(dump);
    await client.end();
  }
  fs.cpSync(path.join(FIXTURE, 'attachments', TEST_DB), path.join(fresh.dataDir, 'attachments'), { recursive: true });

  db = openDatabase(fresh.database);
  before = await migrationRows();
  await migrateToLatest(db, MODULES);
  countsAfter = {};
  for (const table of Object.keys(fixtureCounts)) {
    countsAfter[table] = Number((await one(sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`)).n);
  }
  // The day after the fixture was made, so deadlines and sessions read the same on any day the test runs.
  const clock = new TestClock(new Date(Date.parse(manifest.clock) + 86_400_000));
  ({ app } = await buildApp({ config: testConfig(fresh.database, fresh.dataDir), db, clock, logger: false }));
  registerTestDatabase(app, db);
  await app.ready();
  admin = await login(app, manifest.adminUsername, ADMIN_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  await fresh?.drop();
});

describe(`upgrading a database made on 2026-11-24 (${TEST_DB})`, () => {
  it('keeps every applied migration under its name and runs none of them again', async () => {
    expect(before.map((m) => m.name)).toEqual(manifest.migrations);
    const after = await migrationRows();
    const byName = new Map(after.map((m) => [m.name, m.timestamp]));
    for (const m of before) expect(byName.get(m.name), m.name).toBe(m.timestamp);
  });

  it('keeps the row count of every table it had', () => {
    const expected = { ...fixtureCounts };
    const actual = { ...countsAfter };
    for (const t of FTS_SEGMENTS) {
      delete expected[t];
      delete actual[t];
    }
    // New migrations add their own names; the fixture's are checked above.
    expect(actual.kysely_migration).toBeGreaterThanOrEqual(expected.kysely_migration);
    delete expected.kysely_migration;
    delete actual.kysely_migration;
    // Reference rows later migrations seed (the 总经理 approval group of tours).
    for (const [table, added] of Object.entries(SEEDED_LATER)) expected[table] = (expected[table] ?? 0) + added;
    expect(actual).toEqual(expected);
  });

  it('reads back the stored values', async () => {
    const c = manifest.customer;
    expect(await one(sql<{ name: string; archive_no: string }>`select name, archive_no from customers where id = ${c.id}`)).toEqual({ name: c.name, archive_no: c.archiveNo });
    const complaint = await one(sql<{ complaint_no: string; status: string }>`select complaint_no, status from complaints where id = ${manifest.complaint.id}`);
    expect(complaint).toEqual({ complaint_no: manifest.complaint.complaintNo, status: manifest.complaint.status });
    for (const k of manifest.contracts) {
      const row = await one(sql<{ contract_no: string; status: string; amount_cents: number }>`select contract_no, status, amount_cents from contracts where id = ${k.id}`);
      expect({ ...row, amount_cents: Number(row.amount_cents) }).toEqual({ contract_no: k.contractNo, status: k.status, amount_cents: k.amount * 100 });
    }
    const merge = manifest.merge;
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from customer_merges where survivor_id = ${merge.survivorId} and merged_id = ${merge.mergedId}`)).n)).toBe(1);
    expect(await one(sql<{ id: number }>`select id from customers where id = ${merge.mergedId}`)).toBeUndefined();
  });
});

describe('the upgraded app answers as the admin', () => {
  it('finds a customer by two Chinese characters of its name', async () => {
    const c = manifest.customer;
    const res = json(await admin.get(`/api/customers?q=${encodeURIComponent(c.search)}&pageSize=200`));
    expect(res.items.find((i: any) => i.id === c.id)).toMatchObject({ name: c.name, archiveNo: c.archiveNo });
  });

  it('shows a complaint with its number, deadlines and recorded events', async () => {
    const c = manifest.complaint;
    const res = json(await admin.get(`/api/complaints/${c.id}`));
    expect(res).toMatchObject({ complaintNo: c.complaintNo, status: c.status, firstContact: { dueDate: c.firstContactDue }, resolution: { dueDate: c.resolutionDue } });
    expect(res.events).toHaveLength(c.events);
  });

  it('shows each contract with its number and status', async () => {
    for (const k of manifest.contracts) {
      expect(json(await admin.get(`/api/contracts/${k.id}`))).toMatchObject({ contractNo: k.contractNo, status: k.status, amount: k.amount });
    }
  });

  it('shows the other modules’ records as they were left', async () => {
    expect(json(await admin.get(`/api/individual-customers/${manifest.individual.id}`))).toMatchObject({ name: manifest.individual.name });
    expect(json(await admin.get(`/api/prospects/${manifest.prospect.id}`))).toMatchObject({ companyName: manifest.prospect.companyName, stage: manifest.prospect.stage });
    expect(json(await admin.get(`/api/development-records/${manifest.developmentRecord.id}`))).toMatchObject({
      customerId: manifest.developmentRecord.customerId,
      customerArchiveNo: manifest.developmentRecord.customerArchiveNo,
    });
    expect(json(await admin.get(`/api/maintenance-plans/${manifest.maintenancePlan.id}`))).toMatchObject({ title: manifest.maintenancePlan.title, status: manifest.maintenancePlan.status });
    expect(json(await admin.get(`/api/tasks/${manifest.task.id}`))).toMatchObject({ title: manifest.task.title });
    expect(json(await admin.get(`/api/survey-campaigns/${manifest.survey.campaignId}`))).toMatchObject({
      title: manifest.survey.title,
      targets: manifest.survey.targets,
      responses: 1,
      index: manifest.survey.index,
    });
  });

  it('shows the merged customer only through its survivor', async () => {
    const m = manifest.merge;
    expect((await admin.get(`/api/customers/${m.mergedId}`)).statusCode).toBe(404);
    expect(json(await admin.get(`/api/customers/${m.survivorId}`))).toMatchObject({ name: m.survivorName, legalRepresentative: m.legalRepresentative });
  });

  it('downloads an attachment stored before the upgrade', async () => {
    const a = manifest.attachment;
    const [item] = json(await admin.get(`/api/customers/${a.customerId}/attachments`)).items.filter((i: any) => i.filename === a.filename);
    const res = await admin.get(`/api/customers/${a.customerId}/attachments/${item.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(a.size);
  });

  it('signs in a user of the old database with their password and shows their notifications', async () => {
    const user = await login(app, manifest.task.assignee, manifest.demoPassword);
    const inbox = json(await user.get('/api/notifications?pageSize=100')).items;
    expect(inbox.some((n: any) => n.title.includes(manifest.task.title))).toBe(true);
  });

  it('numbers new records after the old ones', async () => {
    // Ids and archive numbers continue from the stored sequences (on PostgreSQL, the dump's setval).
    const created = await admin.post('/api/customers', { name: '升级后新建测试有限公司' });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created).id).toBeGreaterThan(manifest.merge.mergedId);
    expect(json(created).archiveNo > manifest.developmentRecord.customerArchiveNo).toBe(true);
    const complaint = await admin.post('/api/complaints', { channel: 'hotline', complainantName: '陈先生', complainantPhone: '13800001111', content: '升级后登记的投诉。', category: '配送交付', severity: 'general' });
    expect(complaint.statusCode, complaint.body).toBe(201);
    expect(json(complaint).complaintNo > manifest.complaint.complaintNo).toBe(true);
  });
});
