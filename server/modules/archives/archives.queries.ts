import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { people, userName } from '../org/org.queries';
import type { ArchiveCorrespondenceTable, ArchiveDownloadRequestTable, ArchiveLoanTable } from './archives.tables';

type Q = Kysely<Database>;

export interface LoanFilters {
  customerId?: number;
  open?: boolean;
  overdueOn?: string; // today: only loans due before it and not returned
}

function loans(db: Q) {
  return db
    .selectFrom('archive_loans')
    .innerJoin('customer_directory as customers', 'customers.id', 'archive_loans.customer_id')
    .selectAll('archive_loans')
    .select(['customers.name as customer_name', userName('archive_loans.borrower_id').as('borrower_name'), userName('archive_loans.lent_by').as('lent_by_name')]);
}
export type LoanRow = Awaited<ReturnType<ReturnType<typeof loans>['executeTakeFirstOrThrow']>>;

/** The only SQL of the archives module; every call takes the transaction when there is one. */
export const archiveQueries = {
  customerVisible: (db: Q, actor: Actor, customerId: number) =>
    db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.name', 'customers.owner_id', 'customers.team_id', 'customers.department_id'])
      .where('customers.id', '=', customerId)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst(),
  customer: (db: Q, customerId: number) => db.selectFrom('customer_directory').select(['id', 'name', 'department_id']).where('id', '=', customerId).executeTakeFirst(),

  levels: (db: Q, customerId: number) => db.selectFrom('archive_levels').selectAll().where('customer_id', '=', customerId).execute(),
  level: async (db: Q, attachmentId: number) => (await db.selectFrom('archive_levels').select('level').where('attachment_id', '=', attachmentId).executeTakeFirst())?.level ?? null,
  async setLevel(db: Q, row: { attachment_id: number; customer_id: number; level: string; set_by: number; set_at: string }) {
    await db.deleteFrom('archive_levels').where('attachment_id', '=', row.attachment_id).execute();
    await db.insertInto('archive_levels').values(row).execute();
  },

  correspondence: (db: Q, customerId: number) =>
    db
      .selectFrom('archive_correspondence')
      .selectAll('archive_correspondence')
      .select(userName('archive_correspondence.created_by').as('created_by_name'))
      .where('customer_id', '=', customerId)
      .orderBy('dated_on')
      .orderBy('index_no')
      .execute(),
  lastIndex: async (db: Q, customerId: number) =>
    (await db.selectFrom('archive_correspondence').select((eb) => eb.fn.max<number | null>('index_no').as('n')).where('customer_id', '=', customerId).executeTakeFirst())?.n ?? null,
  insertCorrespondence: (db: Q, row: Insertable<ArchiveCorrespondenceTable>) => db.insertInto('archive_correspondence').values(row).returningAll().executeTakeFirstOrThrow(),

  loans(db: Q, actor: Actor, f: LoanFilters) {
    let qb = loans(db).where(scopeCondition(actor, RESOURCES.customer));
    if (f.customerId) qb = qb.where('archive_loans.customer_id', '=', f.customerId);
    if (f.open) qb = qb.where('archive_loans.returned_on', 'is', null);
    if (f.overdueOn) qb = qb.where('archive_loans.returned_on', 'is', null).where('archive_loans.due_on', '<', f.overdueOn);
    return qb.orderBy('archive_loans.lent_on', 'desc').orderBy('archive_loans.id', 'desc').limit(500).execute();
  },
  loan: (db: Q, id: number) => loans(db).where('archive_loans.id', '=', id).executeTakeFirst(),
  loanVisible: async (db: Q, actor: Actor, id: number) =>
    !!(await db
      .selectFrom('archive_loans')
      .innerJoin('customer_directory as customers', 'customers.id', 'archive_loans.customer_id')
      .select('archive_loans.id')
      .where('archive_loans.id', '=', id)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst()),
  insertLoan: async (db: Q, row: Insertable<ArchiveLoanTable>) => (await db.insertInto('archive_loans').values(row).returning('id').executeTakeFirstOrThrow()).id,
  /** False when it had already come back. */
  async returnLoan(db: Q, id: number, on: string, to: number) {
    const r = await db.updateTable('archive_loans').set({ returned_on: on, returned_to: to }).where('id', '=', id).where('returned_on', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  overdueUnnotified: (db: Q, today: string) => loans(db).where('archive_loans.returned_on', 'is', null).where('archive_loans.due_on', '<', today).where('archive_loans.overdue_notified_at', 'is', null).orderBy('archive_loans.id').execute(),
  /** Only one process (and one run) wins the notice of a loan. */
  async claimOverdue(db: Q, id: number, now: string) {
    const r = await db.updateTable('archive_loans').set({ overdue_notified_at: now }).where('id', '=', id).where('overdue_notified_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertRequest: async (db: Q, row: Insertable<ArchiveDownloadRequestTable>) => (await db.insertInto('archive_download_requests').values(row).returning('id').executeTakeFirstOrThrow()).id,
  request: (db: Q, id: number) =>
    db
      .selectFrom('archive_download_requests')
      .innerJoin('customer_directory as customers', 'customers.id', 'archive_download_requests.customer_id')
      .selectAll('archive_download_requests')
      .select(['customers.name as customer_name', userName('archive_download_requests.applicant_id').as('applicant_name')])
      .where('archive_download_requests.id', '=', id)
      .executeTakeFirst(),
  requestsOf: (db: Q, applicantId: number) =>
    db
      .selectFrom('archive_download_requests')
      .innerJoin('customer_directory as customers', 'customers.id', 'archive_download_requests.customer_id')
      .selectAll('archive_download_requests')
      .select(['customers.name as customer_name', userName('archive_download_requests.applicant_id').as('applicant_name')])
      .where('archive_download_requests.applicant_id', '=', applicantId)
      .orderBy('archive_download_requests.id', 'desc')
      .limit(200)
      .execute(),
  async setRequest(db: Q, id: number, patch: { status: string; granted_until?: string | null }) {
    await db.updateTable('archive_download_requests').set(patch).where('id', '=', id).execute();
  },
  grants: (db: Q, attachmentId: number, applicantId: number) =>
    db
      .selectFrom('archive_download_requests')
      .select(['id', 'status', 'granted_until', 'used_at'])
      .where('attachment_id', '=', attachmentId)
      .where('applicant_id', '=', applicantId)
      .where('status', '=', 'approved')
      .where('used_at', 'is', null)
      .orderBy('id')
      .execute(),
  /** A grant is used once: of two downloads at the same moment only one takes it. */
  async useGrant(db: Q, id: number, now: string) {
    const r = await db.updateTable('archive_download_requests').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** A customer merge: everything moves to the survivor; the merged customer's letters are numbered after the survivor's. */
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('archive_levels').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('archive_loans').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    await db.updateTable('archive_download_requests').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
    const last = (await archiveQueries.lastIndex(db, toId)) ?? 0;
    const moved = await db.selectFrom('archive_correspondence').select('id').where('customer_id', '=', fromId).orderBy('index_no').execute();
    for (const [i, r] of moved.entries()) await db.updateTable('archive_correspondence').set({ customer_id: toId, index_no: last + i + 1 }).where('id', '=', r.id).execute();
  },

  user: async (db: Q, id: number) => (await people.byIds(db, [id]))[0],
  activeWithRoles: (db: Q, roles: readonly string[], departmentId?: number) => people.activeWithRoles(db, roles, departmentId),
};
