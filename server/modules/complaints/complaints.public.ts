import { errors } from '../../platform/http/errors';
import { type Lang } from '../../platform/http/i18n';
import { complaintQueries as q } from './complaints.queries';
import { phoneDigits } from './complaints.rules';
import { customerWho, phoneKey, HOUR, type ComplaintCore } from './complaints.core';

/** The public page (issue 5 §1): no sign-in, rate-limited, only the caller's own complaint. */
export function createPublicUseCases(core: ComplaintCore) {
  const { db, rateLimiter, cfg, get, stateOf, wrongStatus, intake, byNumberAndPhone, confirmIn, reopenIn } = core;
  return {
    /** Counts a public request against the caller's IP (every request, valid or not). */
    async limitIp(ip: string | null) {
      const s = await cfg(db);
      if ((await rateLimiter.hit(`complaint-public-ip:${ip ?? 'unknown'}`, HOUR)) > s.perIp) throw errors.rateLimited();
    },
    /** Counts a public request against the phone number it names (filing, looking up or confirming). */
    async limitPhone(phone: string) {
      const s = await cfg(db);
      const digits = phoneDigits(phone) ?? 'none';
      if ((await rateLimiter.hit(phoneKey(digits), HOUR)) > s.perPhone) throw errors.rateLimited();
    },

    async filePublic(meta: { ip: string | null; requestId: string }, input: { name: string; phone: string; company?: string | null; email?: string | null; category: string; content: string }) {
      const id = await intake(
        customerWho(meta.ip, meta.requestId),
        { channel: 'online', complainantName: input.name, complainantPhone: input.phone, complainantCompany: input.company ?? null, complainantEmail: input.email ?? null, content: input.content, category: input.category, severity: 'general', viaPublic: true, createdBy: null },
        async () => ({ handler: null }),
      );
      return get(id);
    },

    async lookupPublic(number: string, phone: string) {
      const c = await byNumberAndPhone(db, number, phone);
      return { c, state: await stateOf(db, c), events: await q.events(db, c.id), opinion: await q.latestOpinion(db, c.id, c.cycle) };
    },

    async confirmPublic(meta: { ip: string | null; requestId: string; lang: Lang }, input: { number: string; phone: string; satisfied: boolean; score?: number; comment?: string | null }) {
      await db.transaction().execute(async (trx) => {
        const c = await byNumberAndPhone(trx, input.number, input.phone);
        const who = customerWho(meta.ip, meta.requestId);
        if (input.satisfied) {
          if (!input.score) throw errors.field('score', 'validation.required');
          await confirmIn(trx, c, who, 'customer', input.score, input.comment ?? null, meta.lang);
        } else {
          if (!input.comment) throw errors.field('comment', 'complaint.reason_required');
          if (c.status !== 'told') throw wrongStatus(meta.lang, c.status);
          await reopenIn(trx, c, who, input.comment, meta.lang);
        }
      });
    },
  };
}
