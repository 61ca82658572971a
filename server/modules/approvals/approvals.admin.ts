import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { updateVersioned } from '../../db/versioned.queries';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { AppError, errors } from '../../platform/http/errors';
import { type Lang } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { approvalQueries as q } from './approvals.queries';
import { DEFAULT_CHAINS, DEFAULT_FIELD_LABELS, chainProblems } from './approvals.rules';
import type { ChainStep, DocumentTypeHandler } from './approvals.types';

/** What the chain editor shows: a saved version, or the regulations’ default not yet saved by anyone. */
export interface ChainVersionView {
  version: number;
  steps: ChainStep[];
  createdAt: string | null;
  createdByName: string | null;
  /** The regulations’ default (docs/regulations.md §18), not yet saved by anyone. */
  builtIn: boolean;
}

/** Administration of the approval engine: chains (versioned) and approver groups (§18). */
export function createApprovalAdministration(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  now: () => string;
  handlers: Map<string, DocumentTypeHandler>;
  labelOf: (type: string, lang: Lang) => string;
  defaultsOf: (type: string) => ChainStep[] | null;
}) {
  const { db, audit, now, handlers, labelOf, defaultsOf } = deps;

  async function assertActiveUsers(ids: number[]) {
    const found = await q.activeUsersAmong(db, ids);
    if (found.length !== ids.length) throw errors.field('memberIds', 'approval.unknown_user');
  }

  const admin = {
    documentTypes(lang: Lang, saved: string[] = []) {
      const types = new Set([...Object.keys(DEFAULT_CHAINS), ...handlers.keys(), ...saved]);
      return [...types].map((type) => ({ type, label: labelOf(type, lang) }));
    },

    async listChains(lang: Lang) {
      const rows = await q.allChains(db);
      return admin.documentTypes(lang, rows.map((r) => r.document_type)).map(({ type, label }) => {
        const versions: ChainVersionView[] = rows
          .filter((r) => r.document_type === type)
          .map((r) => ({ version: r.version, steps: JSON.parse(r.steps) as ChainStep[], createdAt: r.created_at, createdByName: r.created_by_name, builtIn: false }));
        const defaults = defaultsOf(type);
        if (!versions.length && defaults) versions.push({ version: 1, steps: defaults, createdAt: null, createdByName: null, builtIn: true });
        const labels = { ...DEFAULT_FIELD_LABELS[type], ...handlers.get(type)?.fieldLabels };
        const fieldLabels = Object.fromEntries(Object.entries(labels).map(([field, l]) => [field, l[lang] || l['zh-CN']]));
        return { documentType: type, label, fieldLabels, currentVersion: versions[0]?.version ?? 0, versions };
      });
    },

    /** Saves a new version of a chain; `version` is the version the editor started from (409 if another was saved since). */
    async saveChain(ctx: RequestContext, documentType: string, steps: ChainStep[], version: number) {
      const known = admin.documentTypes(ctx.lang).some((d) => d.type === documentType) || (await q.latestChain(db, documentType));
      if (!known) throw errors.notFound();
      const problems = chainProblems(steps);
      if (problems.length) throw errors.validation(problems);
      const groups = new Set((await q.groupNames(db)).map((g) => g.key));
      steps.forEach((s, i) => {
        if (s.approver.kind === 'group' && !groups.has(s.approver.group)) problems.push({ field: `steps.${i}.approver.group`, message: 'approval.unknown_group' });
      });
      if (problems.length) throw errors.validation(problems);
      const at = now();
      try {
        await db.transaction().execute(async (trx) => {
          const latest = await q.latestChain(trx, documentType);
          const defaults = defaultsOf(documentType);
          const current = latest?.version ?? (defaults ? 1 : 0);
          if (version !== current) throw errors.staleVersion();
          // The built-in version 1 is written down first, so every version a request may name stays readable.
          if (!latest && defaults) await q.insertChain(trx, { document_type: documentType, version: 1, steps: JSON.stringify(defaults), created_by: null, created_at: at });
          await q.insertChain(trx, { document_type: documentType, version: current + 1, steps: JSON.stringify(steps), created_by: ctx.actor.id, created_at: at });
          await audit.record(trx, actorInfo(ctx), {
            action: 'approval_chain.update',
            entityType: 'approval_chain',
            entityId: documentType,
            changes: { version: [current, current + 1], steps: [latest ? JSON.parse(latest.steps) : defaults, steps] },
          });
        });
      } catch (e) {
        if (e instanceof AppError) throw e;
        // Two administrators saving at once: the unique (document_type, version) lets only one through.
        throw errors.staleVersion();
      }
      return (await admin.listChains(ctx.lang)).find((c) => c.documentType === documentType)!;
    },

    async listGroups() {
      const groups = await q.groups(db);
      const members = await q.membersOf(db, groups.map((g) => g.id));
      return groups.map((g) => ({
        ...g,
        members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.display_name, active: m.active === 1 })),
      }));
    },

    async createGroup(ctx: RequestContext, input: { key: string; name: string; memberIds?: number[] }) {
      if (await q.groupByKey(db, input.key)) throw errors.conflict('approval.group_key_taken', 'key');
      const memberIds = [...new Set(input.memberIds ?? [])];
      await assertActiveUsers(memberIds);
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const groupId = await q.insertGroup(trx, { key: input.key, name: input.name, created_at: at, updated_at: at }, memberIds);
        await audit.record(trx, actorInfo(ctx), { action: 'create', entityType: 'approval_group', entityId: groupId, changes: { key: [null, input.key], name: [null, input.name], members: [null, memberIds] } });
        return groupId;
      });
      return (await admin.listGroups()).find((g) => g.id === id)!;
    },

    async updateGroup(ctx: RequestContext, id: number, input: { name?: string; memberIds?: number[]; version: number }) {
      const before = (await admin.listGroups()).find((g) => g.id === id);
      if (!before) throw errors.notFound();
      const memberIds = input.memberIds ? [...new Set(input.memberIds)] : undefined;
      if (memberIds) await assertActiveUsers(memberIds.filter((m) => !before.members.some((b) => b.id === m)));
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'approval_groups', id, input.version, input.name !== undefined ? { name: input.name } : {}, now());
        if (memberIds) await q.replaceGroupMembers(trx, id, memberIds);
        const changes: Record<string, [unknown, unknown]> = {};
        if (input.name !== undefined && input.name !== before.name) changes.name = [before.name, input.name];
        if (memberIds) changes.members = [before.members.map((m) => m.id), memberIds];
        await audit.record(trx, actorInfo(ctx), { action: 'update', entityType: 'approval_group', entityId: id, changes });
      });
      return (await admin.listGroups()).find((g) => g.id === id)!;
    },
  };
  return admin;
}
