import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { prepared } from '../../db/prepared';
import type { ComplaintTable } from './complaints.tables';
import { containsText } from '../../db/search.queries';
import type { Actor } from '../../platform/permissions/actor';
import { isRole, type Role } from '../../platform/permissions/roles';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { approvalQueries } from '../approvals/approvals.queries';
import { customerLookups } from '../customers/customers.queries';
import { people } from '../org/org.queries';

export type Q = Kysely<Database>;
export const asQ = (db: Kysely<Database>): Q => db;

export interface ComplaintFilters {
  q?: string;
  status?: string;
  severity?: string;
  category?: string;
  channel?: string;
  handlerId?: number;
  customerId?: number;
  mine?: boolean;
  unassigned?: boolean;
  overdue?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
}
export type ComplaintSort = 'receivedAt' | 'resolutionDue' | 'complaintNo' | 'status';
const SORT_COLUMNS: Record<ComplaintSort, string> = {
  receivedAt: 'complaints.received_at',
  resolutionDue: 'complaints.resolution_due',
  complaintNo: 'complaints.complaint_no',
  status: 'complaints.status',
};

const OPEN_STATUSES = ['received', 'processing', 'opinion_pending', 'opinion_approved'];

// The detail page's reads, prepared: a complaint opens with all of them (docs/performance.md).
const complaintById = prepared((db: Q, id: number) => detailQuery(db).where('complaints.id', '=', id));
const meetingOf = prepared((db: Q, complaintId: number) =>
  db
    .selectFrom('complaint_meetings')
    .leftJoin('user_directory as users', 'users.id', 'complaint_meetings.recorded_by')
    .selectAll('complaint_meetings')
    .select('users.display_name as recorded_by_name')
    .where('complaint_id', '=', complaintId),
);

function detailQuery(db: Q) {
  return db
    .selectFrom('complaints')
    .leftJoin('user_directory as handler', 'handler.id', 'complaints.handler_id')
    .leftJoin('user_directory as creator', 'creator.id', 'complaints.created_by')
    .leftJoin('teams', 'teams.id', 'complaints.team_id')
    .leftJoin('departments as fault', 'fault.id', 'complaints.fault_department_id')
    .leftJoin('customer_directory as customers', 'customers.id', 'complaints.customer_id')
    .selectAll('complaints')
    .select([
      'handler.display_name as handler_name',
      'creator.display_name as created_by_name',
      'teams.name as team_name',
      'teams.supervisor_id as team_supervisor_id',
      'fault.name as fault_department_name',
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
    ]);
}
// The to-do list's reads of one person, prepared: every home page runs them (docs/performance.md).
const openOfHandler = prepared((db: Q, userId: number) =>
  db
    .selectFrom('complaints')
    .select(['id', 'complaint_no', 'status', 'first_contacted_at', 'first_contact_due', 'resolution_due'])
    .where('handler_id', '=', userId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('resolution_due')
    .limit(200),
);
const openRectificationsOf = prepared((db: Q, userId: number) =>
  db
    .selectFrom('complaint_rectifications')
    .select(['id', 'notice_no', 'due_date', 'department_name'])
    .where('recipient_id', '=', userId)
    .where('status', '=', 'open')
    .orderBy('due_date')
    .limit(100),
);

export type ComplaintRow = NonNullable<Awaited<ReturnType<ReturnType<typeof detailQuery>['executeTakeFirst']>>>;

/** The only SQL of the complaints module. */
export const complaintQueries = {
  /** Complaint numbers by id, for the audit log. */
  async numbers(db: Q, ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await db.selectFrom('complaints').select(['id', 'complaint_no']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.complaint_no]));
  },

  /** For the public pool (docs/regulations.md §8): customers with a complaint not yet closed. */
  async openCustomers(db: Q, customerIds: number[]): Promise<number[]> {
    if (!customerIds.length) return [];
    const rows = await db.selectFrom('complaints').select('customer_id').distinct().where('customer_id', 'in', customerIds).where('status', '!=', 'closed').execute();
    return rows.map((r) => r.customer_id!);
  },
  /** A merge (查重) keeps the survivor: complaints and satisfaction scores follow it. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('complaints').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('complaint_satisfaction').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  async nextNo(db: Q, year: number): Promise<number> {
    const row = await db
      .insertInto('complaint_sequences')
      .values({ year, last_no: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet({ last_no: sql`complaint_sequences.last_no + 1` }))
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return Number(row.last_no);
  },

  async insert(db: Q, values: Insertable<ComplaintTable>) {
    const row = await db.insertInto('complaints').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  /** Complaints with a deadline not yet met whose count may run through [from, to] (an entered official year). */
  async openDeadlinesWithin(db: Q, from: string, to: string): Promise<number[]> {
    const rows = await db
      .selectFrom('complaints')
      .select('id')
      .where('status', 'not in', ['told', 'closed'])
      .where((eb) =>
        eb.or([
          eb.and([eb('first_contacted_at', 'is', null), eb('received_date', '<=', to), eb('first_contact_due', '>=', from)]),
          eb.and([eb('cycle_start_date', '<=', to), eb('resolution_due', '>=', from)]),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },

  get: complaintById.first,
  byNo: (db: Q, no: string) => detailQuery(db).where('complaints.complaint_no', '=', no).executeTakeFirst(),

  /** Writes fields of a complaint the caller has already checked, moving its version on (stale screens then see 409). */
  async patch(db: Q, id: number, values: Record<string, unknown>, now: string) {
    await db
      .updateTable('complaints')
      .set({ ...(values as object), version: sql`version + 1`, updated_at: now } as never)
      .where('id', '=', id)
      .execute();
  },

  async list(db: Q, actor: Actor, f: ComplaintFilters, p: { page: number; pageSize: number; sort: { field: ComplaintSort; direction: 'asc' | 'desc' } }, today: string) {
    let qb = detailQuery(db).where(scopeCondition(actor, RESOURCES.complaint));
    if (f.status) qb = qb.where('complaints.status', '=', f.status);
    if (f.severity) qb = qb.where('complaints.severity', '=', f.severity);
    if (f.category) qb = qb.where('complaints.category', '=', f.category);
    if (f.channel) qb = qb.where('complaints.channel', '=', f.channel);
    if (f.handlerId) qb = qb.where('complaints.handler_id', '=', f.handlerId);
    if (f.customerId) qb = qb.where('complaints.customer_id', '=', f.customerId);
    if (f.mine) qb = qb.where('complaints.handler_id', '=', actor.id);
    if (f.unassigned) qb = qb.where('complaints.handler_id', 'is', null);
    if (f.receivedFrom) qb = qb.where('complaints.received_date', '>=', f.receivedFrom);
    if (f.receivedTo) qb = qb.where('complaints.received_date', '<=', f.receivedTo);
    if (f.overdue) {
      qb = qb.where((eb) =>
        eb.or([
          eb.and([eb('complaints.status', 'in', OPEN_STATUSES), eb('complaints.resolution_due', '<', today)]),
          eb.and([eb('complaints.status', '!=', 'closed'), eb('complaints.first_contacted_at', 'is', null), eb('complaints.first_contact_due', '<', today)]),
        ]),
      );
    }
    if (f.q) {
      const text = f.q;
      const digits = text.replace(/\D/g, '');
      qb = qb.where((eb) => {
        const ors = [
          containsText('complaints.complaint_no', text),
          containsText('complaints.complainant_name', text),
          containsText('complaints.complainant_company', text),
          containsText('customers.name', text),
          containsText('complaints.content', text),
        ];
        if (digits.length >= 4) ors.push(eb('complaints.complainant_phone_digits', 'like', `%${digits}%`));
        return eb.or(ors);
      });
    }
    const [rows, count] = await Promise.all([
      qb
        .orderBy(sql.ref(SORT_COLUMNS[p.sort.field]), p.sort.direction)
        .orderBy('complaints.id', p.sort.direction)
        .limit(p.pageSize)
        .offset((p.page - 1) * p.pageSize)
        .execute(),
      qb.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db.selectFrom('complaints').select('id').where('id', '=', id).where(scopeCondition(actor, RESOURCES.complaint)).executeTakeFirst());
  },

  events: prepared((db: Q, id: number) => db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).orderBy('at').orderBy('id')),
  async insertEvent(db: Q, e: { complaint_id: number; cycle: number; kind: string; note: string | null; public: 0 | 1; actor_id: number | null; actor_name: string | null; at: string }) {
    await db.insertInto('complaint_events').values(e).execute();
  },

  opinions: prepared((db: Q, complaintId: number) =>
    db
      .selectFrom('complaint_opinions')
      .leftJoin('user_directory as users', 'users.id', 'complaint_opinions.drafted_by')
      .selectAll('complaint_opinions')
      .select('users.display_name as drafted_by_name')
      .where('complaint_id', '=', complaintId)
      .orderBy('complaint_opinions.id')
  ),
  opinion: (db: Q, id: number) => db.selectFrom('complaint_opinions').selectAll().where('id', '=', id).executeTakeFirst(),
  latestOpinion: (db: Q, complaintId: number, cycle: number) =>
    db.selectFrom('complaint_opinions').selectAll().where('complaint_id', '=', complaintId).where('cycle', '=', cycle).orderBy('id', 'desc').executeTakeFirst(),
  async insertOpinion(db: Q, v: { complaint_id: number; cycle: number; content: string; status: string; drafted_by: number; team_id: number | null; department_id: number | null; created_at: string; updated_at: string }) {
    return (await db.insertInto('complaint_opinions').values(v).returning('id').executeTakeFirstOrThrow()).id;
  },
  async setOpinion(db: Q, id: number, v: Record<string, unknown>, now: string) {
    await db.updateTable('complaint_opinions').set({ ...(v as object), version: sql`version + 1`, updated_at: now } as never).where('id', '=', id).execute();
  },

  extensions: prepared((db: Q, complaintId: number) =>
    db
      .selectFrom('complaint_extensions')
      .leftJoin('user_directory as users', 'users.id', 'complaint_extensions.requested_by')
      .selectAll('complaint_extensions')
      .select('users.display_name as requested_by_name')
      .where('complaint_id', '=', complaintId)
      .orderBy('complaint_extensions.id')
  ),
  extension: (db: Q, id: number) => db.selectFrom('complaint_extensions').selectAll().where('id', '=', id).executeTakeFirst(),
  async insertExtension(db: Q, v: { complaint_id: number; cycle: number; days: number; reason: string; status: string; requested_by: number; team_id: number | null; department_id: number | null; due_before: string; created_at: string; updated_at: string }) {
    return (await db.insertInto('complaint_extensions').values(v).returning('id').executeTakeFirstOrThrow()).id;
  },
  async setExtension(db: Q, id: number, v: Record<string, unknown>, now: string) {
    await db.updateTable('complaint_extensions').set({ ...(v as object), version: sql`version + 1`, updated_at: now } as never).where('id', '=', id).execute();
  },

  meeting: meetingOf.first,
  async openMeeting(db: Q, complaintId: number, now: string) {
    await db.insertInto('complaint_meetings').values({ complaint_id: complaintId, status: 'open', created_at: now, updated_at: now }).onConflict((oc) => oc.column('complaint_id').doNothing()).execute();
  },

  rectifications: prepared((db: Q, complaintId: number) => rectificationQuery(db).where('complaint_rectifications.complaint_id', '=', complaintId).orderBy('complaint_rectifications.id')),
  rectification: (db: Q, id: number) => rectificationQuery(db).where('complaint_rectifications.id', '=', id).executeTakeFirst(),
  async countRectifications(db: Q, complaintId: number) {
    const r = await db.selectFrom('complaint_rectifications').select((eb) => eb.fn.countAll<number>().as('n')).where('complaint_id', '=', complaintId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async insertRectification(db: Q, v: object) {
    return (await db.insertInto('complaint_rectifications').values(v as never).returning('id').executeTakeFirstOrThrow()).id;
  },
  async listRectifications(db: Q, actor: Actor, f: { status?: string; mine?: boolean }, p: { page: number; pageSize: number }) {
    let qb = rectificationQuery(db).where(scopeCondition(actor, RESOURCES.complaint_rectification));
    if (f.status) qb = qb.where('complaint_rectifications.status', '=', f.status);
    if (f.mine) qb = qb.where('complaint_rectifications.recipient_id', '=', actor.id);
    const [rows, count] = await Promise.all([
      qb.orderBy('complaint_rectifications.status').orderBy('complaint_rectifications.due_date').orderBy('complaint_rectifications.id').limit(p.pageSize).offset((p.page - 1) * p.pageSize).execute(),
      qb.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  async setRectification(db: Q, id: number, v: Record<string, unknown>, version: number, now: string) {
    const res = await db
      .updateTable('complaint_rectifications')
      .set({ ...(v as object), version: version + 1, updated_at: now } as never)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  },

  breaches: prepared((db: Q, complaintId: number) => db.selectFrom('complaint_breaches').selectAll().where('complaint_id', '=', complaintId).orderBy('id')),
  /** Records a missed deadline once per cycle and kind; returns whether it was new. */
  async insertBreach(db: Q, v: { complaint_id: number; cycle: number; kind: string; due_date: string; handler_id: number | null; team_id: number | null; department_id: number | null; recorded_at: string }) {
    const res = await db
      .insertInto('complaint_breaches')
      .values(v)
      .onConflict((oc) => oc.columns(['complaint_id', 'cycle', 'kind']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  /** Open deadlines whose day is over (Asia/Shanghai `today` after the due date) and not yet recorded. */
  async unrecordedBreaches(db: Q, today: string) {
    const contact = await db
      .selectFrom('complaints')
      .select(['id', 'cycle', 'first_contact_due as due', 'handler_id', 'team_id', 'department_id'])
      .where('status', '!=', 'closed')
      .where('first_contacted_at', 'is', null)
      .where('first_contact_due', '<', today)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('complaint_breaches as b').select('b.id').whereRef('b.complaint_id', '=', 'complaints.id').where('b.kind', '=', 'first_contact'))))
      .limit(500)
      .execute();
    const resolve = await db
      .selectFrom('complaints')
      .select(['id', 'cycle', 'resolution_due as due', 'handler_id', 'team_id', 'department_id'])
      .where('status', 'in', OPEN_STATUSES)
      .where('resolution_due', '<', today)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('complaint_breaches as b').select('b.id').whereRef('b.complaint_id', '=', 'complaints.id').whereRef('b.cycle', '=', 'complaints.cycle').where('b.kind', '=', 'resolution'))),
      )
      .limit(500)
      .execute();
    return { contact, resolve };
  },

  async satisfaction(db: Q, v: { complaint_id: number; cycle: number; customer_id: number | null; handler_id: number | null; score: number; via: string; at: string }) {
    await db.insertInto('complaint_satisfaction').values(v).onConflict((oc) => oc.columns(['complaint_id', 'cycle']).doUpdateSet({ score: v.score, via: v.via, at: v.at })).execute();
  },

  // ── people ──
  // People, departments and customers are read through their modules' queries.
  user: async (db: Q, id: number) => (await people.byIds(db, [id]))[0],
  rolesOf: async (db: Q, userId: number): Promise<Role[]> => (await people.roleNames(db, userId)).filter(isRole) as Role[],
  userInScope: (db: Q, actor: Actor, userId: number) => people.inScope(db, actor, userId),
  users: (db: Q, ids: number[]) => people.byIds(db, ids),
  roleHolders: (db: Q, role: Role) => people.activeWithRoles(db, [role]),
  teamSupervisor: async (db: Q, teamId: number | null) => (teamId ? people.teamSupervisorId(db, teamId) : null),
  groupMembers: (db: Q, key: string) => approvalQueries.groupMembers(db, key),
  department: (db: Q, id: number) => people.department(db, id),
  customerInScope: (db: Q, actor: Actor, id: number) => customerLookups.inScope(db, actor, id),

  // ── to-do ──
  openOfHandler,
  unassigned: (db: Q, actor: Actor) =>
    db
      .selectFrom('complaints')
      .select(['id', 'complaint_no', 'first_contact_due'])
      .where('handler_id', 'is', null)
      .where('status', '!=', 'closed')
      .where(scopeCondition(actor, RESOURCES.complaint))
      .orderBy('id')
      .limit(100)
      .execute(),
  openMeetings: (db: Q, actor: Actor) =>
    db
      .selectFrom('complaint_meetings')
      .innerJoin('complaints', 'complaints.id', 'complaint_meetings.complaint_id')
      .select(['complaints.id', 'complaints.complaint_no', 'complaints.resolution_due'])
      .where('complaint_meetings.status', '=', 'open')
      .where('complaints.severity', '=', 'serious')
      .where(scopeCondition(actor, RESOURCES.complaint))
      .orderBy('complaints.id')
      .limit(100)
      .execute(),
  openRectificationsOf,

  // ── analysis ──
  analysisRows: (db: Q, actor: Actor, from: string, to: string) =>
    db
      .selectFrom('complaints')
      .leftJoin('customer_directory as customers', 'customers.id', 'complaints.customer_id')
      .leftJoin('departments as fault', 'fault.id', 'complaints.fault_department_id')
      .leftJoin('user_directory as handler', 'handler.id', 'complaints.handler_id')
      .select([
        'complaints.id',
        'complaints.category',
        'complaints.severity',
        'complaints.status',
        'complaints.received_date',
        'complaints.told_at',
        'complaints.closed_at',
        'complaints.satisfaction_score',
        'complaints.customer_id',
        'complaints.complainant_name',
        'complaints.complainant_company',
        'complaints.complainant_phone_digits',
        'complaints.fault_department_id',
        'complaints.handler_id',
        'complaints.cycle',
        'customers.name as customer_name',
        'customers.archive_no as customer_archive_no',
        'fault.name as fault_department_name',
        'handler.display_name as handler_name',
        sql<number>`(select count(*) from complaint_breaches b where b.complaint_id = complaints.id and b.kind = 'resolution')`.as('resolution_breaches'),
        sql<number>`(select count(*) from complaint_breaches b where b.complaint_id = complaints.id)`.as('breaches'),
        sql<string | null>`(select min(e.at) from complaint_events e where e.complaint_id = complaints.id and e.kind = 'told')`.as('first_told_at'),
      ])
      .where('complaints.received_date', '>=', from)
      .where('complaints.received_date', '<=', to)
      .where(scopeCondition(actor, RESOURCES.complaint) as never)
      .orderBy('complaints.received_date')
      .limit(100_000)
      .execute(),

  async recordMeetingDecision(
    db: Q,
    meeting: { id: number; version: number },
    input: { meetingDate: string; attendees: string; decisions: string },
    by: number,
    at: string,
  ): Promise<void> {
    await db
      .updateTable('complaint_meetings')
      .set({ status: 'decided', meeting_date: input.meetingDate, attendees: input.attendees, decisions: input.decisions, recorded_by: by, recorded_at: at, version: meeting.version + 1, updated_at: at })
      .where('id', '=', meeting.id)
      .execute();
  },
};

function rectificationQuery(db: Q) {
  return db
    .selectFrom('complaint_rectifications')
    .innerJoin('complaints', 'complaints.id', 'complaint_rectifications.complaint_id')
    .leftJoin('user_directory as recipient', 'recipient.id', 'complaint_rectifications.recipient_id')
    .leftJoin('user_directory as issuer', 'issuer.id', 'complaint_rectifications.issued_by')
    .leftJoin('user_directory as replier', 'replier.id', 'complaint_rectifications.replied_by')
    .selectAll('complaint_rectifications')
    .select([
      'complaints.complaint_no',
      'complaints.category',
      'complaints.content as complaint_content',
      'recipient.display_name as recipient_name',
      'issuer.display_name as issued_by_name',
      'replier.display_name as replied_by_name',
    ]);
}
export type RectificationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof rectificationQuery>['executeTakeFirst']>>>;
