import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../audit/audit.service';
import { errors } from '../http/errors';
import type { Lang } from '../http/i18n';
import type { RequestContext } from '../permissions/actor';
import type { Clock } from '../time';
import { referenceQueries as q } from './reference.queries';

/** The reference lists whose values carry labels in three languages; a module names its lists in its manifest. */
const lists = new Map<string, Record<Lang, string>>();

export function registerReferenceLists(declared: Record<string, Record<Lang, string>>): void {
  for (const [name, label] of Object.entries(declared)) lists.set(name, label);
}
export const referenceLists = () => [...lists.entries()].map(([name, label]) => ({ name, label }));

export interface ReferenceLabel {
  list: string;
  value: string;
  labels: Record<Lang, string>;
}

/** A value without a translation reads as its zh-CN value in every language. */
const present = (r: { list: string; value: string; label_zh_tw: string | null; label_en: string | null }): ReferenceLabel => ({
  list: r.list,
  value: r.value,
  labels: { 'zh-CN': r.value, 'zh-TW': r.label_zh_tw || r.value, en: r.label_en || r.value },
});

export function createReferenceService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;
  return {
    async all(only?: string[]): Promise<ReferenceLabel[]> {
      return (await q.all(db, only)).map(present);
    },
    /** value → label in one language, for the lists named (what a presenter or the audit log needs). */
    async labeller(lang: Lang, only?: string[]): Promise<(list: string, value: string) => string> {
      const map = new Map((await q.all(db, only)).map((r) => [`${r.list}\u0000${r.value}`, present(r).labels[lang]]));
      return (list, value) => map.get(`${list}\u0000${value}`) ?? value;
    },
    /** An administrator fills the other languages of an entry (shipped or added later). */
    async set(ctx: RequestContext, input: { list: string; value: string; zhTW: string | null; en: string | null }): Promise<ReferenceLabel> {
      if (!lists.has(input.list)) throw errors.field('list', 'validation.choice');
      return db.transaction().execute(async (trx) => {
        const before = await q.get(trx, input.list, input.value);
        const row = { list: input.list, value: input.value, label_zh_tw: input.zhTW?.trim() || null, label_en: input.en?.trim() || null, updated_at: clock.now().toISOString() };
        await q.upsert(trx, row);
        await audit.record(trx, actorInfo(ctx), {
          action: 'update',
          entityType: 'reference_label',
          entityId: `${input.list}:${input.value}`.slice(0, 100),
          changes: { labelZhTw: [before?.label_zh_tw ?? null, row.label_zh_tw], labelEn: [before?.label_en ?? null, row.label_en] },
        });
        return present(row);
      });
    },
  };
}
export type ReferenceService = ReturnType<typeof createReferenceService>;
