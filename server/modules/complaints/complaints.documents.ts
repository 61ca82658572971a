import { actorInfo } from '../../platform/audit/audit.service';
import { addWorkingDays } from '../../platform/calendar/calendar.rules';
import { t } from '../../platform/http/i18n';
import type { ApprovalOutcome, DocumentTypeHandler } from '../approvals/approvals.types';
import type { TodoItem, TodoProvider } from '../workflow/workflow.types';
import { asQ, complaintQueries as q } from './complaints.queries';
import { type ComplaintStatus, checkExtension, dueDate, resolutionDue } from './complaints.rules';
import { whoOf, OPEN, langOf, link, type ComplaintCore } from './complaints.core';

/** What complaints hand to the approval engine (opinions, extensions) and to the to-do home page. */
export function createComplaintDocuments(core: ComplaintCore) {
  const { now, audit, get, event, arm, cal } = core;
  // ── Approval documents ─────────────────────────────────────────────────────

  /** 处理意见 → the supervising leader (chain 'complaint_opinion', docs/regulations.md §18). */
  const opinionHandler: DocumentTypeHandler = {
    type: 'complaint_opinion',
    label: { 'zh-CN': '投诉处理意见', 'zh-TW': '投訴處理意見', en: 'Complaint handling opinion' },
    async load(trx, id) {
      const o = await q.opinion(asQ(trx), id);
      if (!o) return undefined;
      const c = await get(o.complaint_id, asQ(trx));
      return {
        applicantId: o.drafted_by,
        departmentId: o.department_id,
        teamId: o.team_id,
        title: t('zh-CN', 'complaint.approval.opinion_title', { no: c.complaint_no, category: c.category }),
        fields: { severity: c.severity, category: c.category, cycle: o.cycle },
        link: `/complaints/${c.id}`,
      };
    },
    async canView(trx, actor, id) {
      const o = await q.opinion(asQ(trx), id);
      return !!o && (await q.visible(asQ(trx), actor, o.complaint_id));
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const conn = asQ(trx);
      const o = (await q.opinion(conn, id))!;
      const at = now().toISOString();
      const decided = outcome === 'approved' || outcome === 'rejected';
      await q.setOpinion(conn, id, { status: outcome, ...(decided ? { decided_at: at } : {}) }, at);
      const c = await get(o.complaint_id, conn);
      if (c.cycle !== o.cycle || !OPEN.includes(c.status as ComplaintStatus)) return;
      const next: ComplaintStatus = outcome === 'pending' ? 'opinion_pending' : outcome === 'approved' ? 'opinion_approved' : 'processing';
      if (next !== c.status) await q.patch(conn, c.id, { status: next }, at);
      await event(conn, c, `opinion.${outcome}`, whoOf(ctx), outcome === 'pending' ? o.content : null);
      await audit.record(trx, actorInfo(ctx), { action: `opinion.${outcome}`, entityType: 'complaint', entityId: c.id, summary: c.complaint_no, changes: { status: [c.status, next] } });
    },
  };

  /** 延期 → leaders (chain 'complaint_extension'); an approved extension moves the resolution deadline. */
  const extensionHandler: DocumentTypeHandler = {
    type: 'complaint_extension',
    label: { 'zh-CN': '投诉处理延期', 'zh-TW': '投訴處理延期', en: 'Complaint deadline extension' },
    async load(trx, id) {
      const e = await q.extension(asQ(trx), id);
      if (!e) return undefined;
      const c = await get(e.complaint_id, asQ(trx));
      return {
        applicantId: e.requested_by,
        departmentId: e.department_id,
        teamId: e.team_id,
        title: t('zh-CN', 'complaint.approval.extension_title', { no: c.complaint_no, days: e.days }),
        fields: { days: e.days, totalDays: c.resolution_days + c.extension_days + e.days, severity: c.severity },
        link: `/complaints/${c.id}`,
      };
    },
    async canView(trx, actor, id) {
      const e = await q.extension(asQ(trx), id);
      return !!e && (await q.visible(asQ(trx), actor, e.complaint_id));
    },
    async onOutcome(trx, id, outcome: ApprovalOutcome, ctx) {
      const conn = asQ(trx);
      const e = (await q.extension(conn, id))!;
      const c = await get(e.complaint_id, conn);
      const at = now().toISOString();
      if (outcome !== 'approved') {
        await q.setExtension(conn, id, { status: outcome, ...(outcome === 'rejected' ? { decided_at: at } : {}) }, at);
        if (outcome !== 'pending') await event(conn, c, `extension.${outcome}`, whoOf(ctx), String(e.days));
        return;
      }
      // Applies to the cycle it was asked for while that is still open; the 7-day ceiling holds whatever happened meanwhile.
      let dueAfter: string | null = null;
      if (c.cycle === e.cycle && OPEN.includes(c.status as ComplaintStatus) && !checkExtension({ baseDays: c.resolution_days, approvedDays: c.extension_days, requestedDays: e.days })) {
        const total = c.extension_days + e.days;
        dueAfter = resolutionDue(await cal(conn), c.cycle_start_date, c.resolution_days, total);
        await q.patch(conn, c.id, { extension_days: total, resolution_due: dueAfter }, at);
        await arm(conn, c.id);
      }
      await q.setExtension(conn, id, { status: 'approved', decided_at: at, due_after: dueAfter }, at);
      await event(conn, c, 'extension.approved', whoOf(ctx), dueAfter, !!dueAfter);
      await audit.record(trx, actorInfo(ctx), { action: 'extension.approved', entityType: 'complaint', entityId: c.id, summary: c.complaint_no, changes: { resolutionDue: [c.resolution_due, dueAfter ?? c.resolution_due] } });
    },
  };

  // ── To-do home page ─────────────────────────────────────────────────────────

  const todoProvider: TodoProvider = {
    key: 'complaints',
    async items(conn0, actor, today): Promise<TodoItem[]> {
      const conn = asQ(conn0);
      const me = await q.user(conn, actor.id);
      const lang = langOf(me?.locale);
      const out: TodoItem[] = [];
      if (actor.capabilities.has('complaints.handle')) {
        const calendarData = await cal(conn);
        // "Near" = due by the end of the next working day.
        const soon = addWorkingDays(calendarData, today, 1).date;
        for (const c of await q.openOfHandler(conn, actor.id)) {
          if (c.status === 'opinion_approved') {
            out.push({ kind: 'complaint', title: t(lang, 'complaint.todo.tell', { no: c.complaint_no }), dueDate: c.resolution_due, overdue: c.resolution_due < today, link: link(c.id) });
            continue;
          }
          const contact = !c.first_contacted_at;
          const due = contact && c.first_contact_due < c.resolution_due ? c.first_contact_due : c.resolution_due;
          if (due > soon) continue;
          out.push({ kind: due < today ? 'complaint_overdue' : 'complaint', title: t(lang, contact ? 'complaint.todo.contact' : 'complaint.todo.resolve', { no: c.complaint_no }), dueDate: due, overdue: due < today, link: link(c.id) });
        }
      }
      if (actor.capabilities.has('complaints.assign')) {
        for (const c of await q.unassigned(conn, actor)) {
          out.push({ kind: 'complaint', title: t(lang, 'complaint.todo.unassigned', { no: c.complaint_no }), dueDate: c.first_contact_due, overdue: c.first_contact_due < today, link: link(c.id) });
        }
      }
      if (actor.capabilities.has('complaints.meeting')) {
        for (const c of await q.openMeetings(conn, actor)) {
          out.push({ kind: 'complaint', title: t(lang, 'complaint.todo.meeting', { no: c.complaint_no }), dueDate: c.resolution_due, overdue: c.resolution_due < today, link: link(c.id) });
        }
      }
      for (const r of await q.openRectificationsOf(conn, actor.id)) {
        out.push({ kind: 'rectification', title: t(lang, 'complaint.todo.rectification', { notice: r.notice_no }), detail: r.department_name, dueDate: r.due_date, overdue: r.due_date < today, link: { type: 'complaint_rectification', id: r.id, path: `/complaints/rectifications?focus=${r.id}` } });
      }
      return out;
    },
  };

  return { opinionHandler, extensionHandler, todoProvider };
}
