import type { Insertable, Kysely, Updateable } from 'kysely';
import { paged, type Paging } from '../../db/paging';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { RESOURCES, scopeCondition } from '../../platform/permissions/scope';
import { people, userName } from '../org/org.queries';
import type { ProposalSource, ProposalStatus } from './proposals.rules';
import type { ProposalAttachmentTable, ProposalReviewTable, ProposalTable } from './proposals.tables';

type Q = Kysely<Database>;

export interface ProposalFilters {
  status?: ProposalStatus;
  source?: ProposalSource;
  customerId?: number;
  q?: string;
}

function base(db: Q) {
  return db
    .selectFrom('proposals')
    .leftJoin('customer_directory as customers', 'customers.id', 'proposals.customer_id')
    .selectAll('proposals')
    .select([
      'customers.name as customer_name',
      'customers.archive_no as customer_archive_no',
      userName('proposals.proposer_id').as('proposer_name'),
      userName('proposals.reward_decided_by').as('reward_decided_by_name'),
      userName('proposals.created_by').as('created_by_name'),
    ]);
}
export type ProposalRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The only SQL of the proposals module; every call takes the transaction when there is one. */
export const proposalQueries = {
  async moveCustomer(db: Q, fromId: number, toId: number) {
    await db.updateTable('proposals').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },
  get: (db: Q, id: number) => base(db).where('proposals.id', '=', id).executeTakeFirst(),
  list(db: Q, actor: Actor, f: ProposalFilters, p: Paging) {
    let qb = db.selectFrom('proposals').where(scopeCondition(actor, RESOURCES.proposal));
    if (f.status) qb = qb.where('proposals.status', '=', f.status);
    if (f.source) qb = qb.where('proposals.source', '=', f.source);
    if (f.customerId) qb = qb.where('proposals.customer_id', '=', f.customerId);
    if (f.q) qb = qb.where('proposals.title', 'like', `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    const ids = qb.select('proposals.id');
    const rows = base(db).where('proposals.id', 'in', ids).orderBy('proposals.proposed_on', 'desc').orderBy('proposals.id', 'desc');
    return paged(rows, qb, p);
  },
  async insert(db: Q, row: Insertable<ProposalTable>) {
    return (await db.insertInto('proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** Optimistic when `version` is given: false when someone else changed it first. */
  async update(db: Q, id: number, patch: Updateable<ProposalTable>, now: string, version?: number) {
    let qb = db
      .updateTable('proposals')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id);
    if (version !== undefined) qb = qb.where('version', '=', version);
    const r = await qb.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  reviews: (db: Q, proposalId: number) =>
    db
      .selectFrom('proposal_reviews')
      .selectAll('proposal_reviews')
      .select(userName('proposal_reviews.reviewer_id').as('reviewer_name'))
      .where('proposal_id', '=', proposalId)
      .orderBy('id')
      .execute(),
  async reviewCounts(db: Q, ids: number[]) {
    if (!ids.length) return new Map<number, number>();
    const rows = await db.selectFrom('proposal_reviews').select(['proposal_id', (eb) => eb.fn.countAll<number>().as('n')]).where('proposal_id', 'in', ids).groupBy('proposal_id').execute();
    return new Map(rows.map((r) => [r.proposal_id, Number(r.n)]));
  },
  hasReview: async (db: Q, proposalId: number, reviewerId: number) =>
    !!(await db.selectFrom('proposal_reviews').select('id').where('proposal_id', '=', proposalId).where('reviewer_id', '=', reviewerId).executeTakeFirst()),
  async insertReview(db: Q, row: Insertable<ProposalReviewTable>) {
    return (await db.insertInto('proposal_reviews').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  attachments: (db: Q, proposalId: number) =>
    db
      .selectFrom('proposal_attachments')
      .selectAll('proposal_attachments')
      .select(userName('proposal_attachments.uploaded_by').as('uploaded_by_name'))
      .where('proposal_id', '=', proposalId)
      .orderBy('proposal_attachments.id')
      .execute(),
  attachment: (db: Q, proposalId: number, attachmentId: number) =>
    db.selectFrom('proposal_attachments').selectAll().where('id', '=', attachmentId).where('proposal_id', '=', proposalId).executeTakeFirst(),
  insertAttachment: (db: Q, row: Insertable<ProposalAttachmentTable>) => db.insertInto('proposal_attachments').values(row).returningAll().executeTakeFirstOrThrow(),
  async deleteAttachment(db: Q, id: number) {
    await db.deleteFrom('proposal_attachments').where('id', '=', id).execute();
  },
  async visible(db: Q, actor: Actor, id: number) {
    return !!(await db.selectFrom('proposals').select('proposals.id').where('proposals.id', '=', id).where(scopeCondition(actor, RESOURCES.proposal)).executeTakeFirst());
  },
  customerVisible: (db: Q, actor: Actor, customerId: number) =>
    db
      .selectFrom('customer_directory as customers')
      .select(['customers.id', 'customers.owner_id', 'customers.team_id', 'customers.department_id'])
      .where('customers.id', '=', customerId)
      .where(scopeCondition(actor, RESOURCES.customer))
      .executeTakeFirst(),
  user: async (db: Q, id: number) => (await people.byIds(db, [id]))[0],
  department: (db: Q, id: number) => people.department(db, id),
};
