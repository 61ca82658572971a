import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { LANGS, t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { shanghaiDate } from '../../platform/time';
import { complaintQueries as q } from './complaints.queries';
import { dueDate } from './complaints.rules';
import { whoOf, langOf, link, rectificationKey, mayReply, type ComplaintCore } from './complaints.core';

/** 问题整改通知单: issuing a notice to the department at fault, listing and answering it. */
export function createRectificationUseCases(core: ComplaintCore) {
  const { db, now, audit, reminders, cfg, get, require, event, notifyUsers, assertDepartment, cal } = core;
  return {
    /** 问题整改通知单 to the department at fault, with its own deadline (default: a setting) and reminder. */
    async issueRectification(ctx: RequestContext, id: number, input: { departmentId?: number; recipientId?: number; requirement: string; dueDate?: string }) {
      return db.transaction().execute(async (trx) => {
        const c = await get(id, trx);
        await require(trx, ctx, c, 'rectify');
        const departmentId = input.departmentId ?? c.fault_department_id;
        if (!departmentId) throw errors.field('departmentId', 'complaint.department_required');
        const dept = await assertDepartment(trx, 'departmentId', departmentId);
        const recipientId = input.recipientId ?? dept.head_id;
        if (!recipientId) throw errors.field('recipientId', 'complaint.recipient_required');
        const recipient = await q.user(trx, recipientId);
        if (!recipient || !recipient.active) throw errors.field('recipientId', 'complaint.handler_invalid');
        const s = await cfg(trx);
        const today = shanghaiDate(now());
        const due = input.dueDate ?? dueDate(await cal(trx), today, s.rectificationDays);
        if (due < today) throw errors.field('dueDate', 'complaint.due_in_past');
        const at = now().toISOString();
        const noticeNo = `${c.complaint_no}-ZG${(await q.countRectifications(trx, id)) + 1}`;
        const rectId = await q.insertRectification(trx, {
          complaint_id: id,
          notice_no: noticeNo,
          department_id: dept.id,
          department_name: dept.name,
          recipient_id: recipient.id,
          requirement: input.requirement,
          due_date: due,
          status: 'open',
          issued_by: ctx.actor.id,
          issued_at: at,
          created_at: at,
          updated_at: at,
        });
        await event(trx, c, 'rectification.issued', whoOf(ctx), `${noticeNo} · ${dept.name}`);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'rectification.issue', entityType: 'complaint', entityId: id, summary: noticeNo, changes: { departmentId: [null, dept.id], dueDate: [null, due] } });
        const target = { type: 'complaint_rectification', id: rectId, path: `/complaints/rectifications?focus=${rectId}` };
        await notifyUsers(trx, [recipient.id], 'complaint.rectification', 'complaint.notify.rectification', { notice: noticeNo, department: dept.name, due }, target);
        const lang = langOf(recipient.locale);
        await reminders.schedule(trx as unknown as Kysely<Database>, {
          key: rectificationKey(rectId, lang),
          dueAt: new Date(`${due}T${String(s.reminderHour).padStart(2, '0')}:00:00+08:00`).toISOString(),
          notification: { userIds: [recipient.id], kind: 'complaint.rectification.remind', titleKey: 'complaint.notify.rectification_remind', params: { notice: noticeNo, due }, link: target },
        });
        return rectId;
      });
    },

    listRectifications: (ctx: RequestContext, f: { status?: string; mine?: boolean }, p: { page: number; pageSize: number }) => q.listRectifications(db, ctx.actor, f, p),
    rectification: async (id: number) => {
      const r = await q.rectification(db, id);
      if (!r) throw errors.notFound();
      return r;
    },
    mayReply,

    async replyRectification(ctx: RequestContext, rectId: number, input: { reply: string; version: number }) {
      await db.transaction().execute(async (trx) => {
        const r = await q.rectification(trx, rectId);
        if (!r) throw errors.notFound();
        if (r.status !== 'open') throw errors.conflict('complaint.rectification_replied', 'reply');
        if (!mayReply(ctx.actor, r)) throw errors.forbidden('complaint.not_recipient');
        const at = now().toISOString();
        if (!(await q.setRectification(trx, rectId, { status: 'replied', reply: input.reply, replied_by: ctx.actor.id, replied_at: at }, input.version, at))) throw errors.staleVersion();
        const c = await get(r.complaint_id, trx);
        await event(trx, c, 'rectification.replied', whoOf(ctx), `${r.notice_no} · ${input.reply}`);
        await audit.record(trx as unknown as Kysely<Database>, actorInfo(ctx), { action: 'rectification.reply', entityType: 'complaint', entityId: c.id, summary: r.notice_no });
        for (const l of LANGS) await reminders.cancel(trx as unknown as Kysely<Database>, rectificationKey(rectId, l));
        await notifyUsers(trx, [r.issued_by, c.handler_id], 'complaint.rectification.replied', 'complaint.notify.rectification_replied', { notice: r.notice_no }, link(c.id));
      });
    },
  };
}
