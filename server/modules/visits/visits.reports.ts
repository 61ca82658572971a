import { actorInfo } from '../../platform/audit/audit.service';
import { errors } from '../../platform/http/errors';
import { t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { LANG, type VisitCore } from './visits.core';
import { visitQueries as q } from './visits.queries';
import { averageScores, periodOf, scoreReport } from './visits.rules';
import type { ReportBody } from './visits.schemas';

export type AverageBy = 'customer' | 'province' | 'city' | 'period';

/** 走访客户报告单 (docs/regulations.md §8, 004 附件1): scored as the seed, averaged for the analysis. */
export function createReportUseCases(core: VisitCore) {
  const { db, audit, attachments, now, visibleCustomer } = core;

  async function get(id: number) {
    const r = await q.getReport(db, id);
    if (!r) throw errors.notFound();
    return r;
  }

  return {
    getReport: get,
    listReports: (ctx: RequestContext, f: { customerId?: number; from?: string; to?: string }, p: { page: number; pageSize: number }) => q.listReports(db, ctx.actor, f, p),

    async createReport(ctx: RequestContext, input: ReportBody) {
      const customer = await visibleCustomer(ctx, input.customerId);
      if (input.visitId != null) {
        const v = await q.getVisit(db, input.visitId);
        if (!v || v.customer_id !== input.customerId) throw errors.field('visitId', 'visits.report_visit_mismatch');
      }
      const s = scoreReport(input);
      const t0 = now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await q.insertReport(trx, {
          customer_id: input.customerId,
          visit_id: input.visitId ?? null,
          report_date: input.reportDate,
          quality: input.quality,
          service: input.service,
          brand: input.brand,
          quality_score: s.quality,
          service_score: s.service,
          brand_score: s.brand,
          suggestions: input.suggestions ?? null,
          contacts: JSON.stringify(input.contacts),
          signed_by: input.signedBy ?? null,
          signature_attachment_id: null,
          reporter_id: ctx.actor.id,
          created_at: t0,
          updated_at: t0,
        });
        await audit.record(trx, actorInfo(ctx), {
          action: 'create',
          entityType: 'visit_report',
          entityId: id,
          summary: customer.name,
          changes: { customerId: [null, input.customerId], quality: [null, s.quality], service: [null, s.service], brand: [null, s.brand] },
        });
        return id;
      });
      return get(id);
    },

    /** The customer's stamp or signature on the report, filed like the archive's attachments. */
    async uploadSignature(ctx: RequestContext, id: number, input: { filename: string; body: Buffer }) {
      const r = await get(id);
      core.assertImage(input.body);
      const row = await attachments.upload(ctx, r.customer_id, { filename: input.filename, kind: 'other', description: t(LANG, 'visits.report_signature_description', { date: r.report_date }), body: input.body });
      await db.transaction().execute(async (trx) => {
        await q.patchReport(trx, id, { signature_attachment_id: row.id, updated_at: now().toISOString() });
        await audit.record(trx, actorInfo(ctx), { action: 'signature', entityType: 'visit_report', entityId: id, summary: row.filename, changes: { signatureAttachmentId: [r.signature_attachment_id, row.id] } });
      });
      return get(id);
    },

    async openSignature(ctx: RequestContext, id: number) {
      const r = await get(id);
      if (r.signature_attachment_id == null) throw errors.notFound();
      return attachments.open(ctx, r.customer_id, r.signature_attachment_id);
    },

    /** Average scores of the reports in the caller's scope per customer, region (province / city of the customer) or period. */
    async averages(ctx: RequestContext, f: { by: AverageBy; period: 'month' | 'quarter' | 'year'; customerId?: number; province?: string; city?: string; from?: string; to?: string }) {
      const rows = await q.scoresInScope(db, ctx.actor, f);
      const labels = new Map<string, string>();
      const keyed = rows.map((r) => {
        let key: string;
        if (f.by === 'customer') {
          key = String(r.customer_id);
          labels.set(key, r.customer_name);
        } else if (f.by === 'province') key = r.province ?? '';
        else if (f.by === 'city') key = r.city ? `${r.province ?? ''}/${r.city}` : '';
        else key = periodOf(r.report_date, f.period);
        if (!labels.has(key)) labels.set(key, f.by === 'city' ? (r.city ?? '') : key);
        return { key, quality: r.quality_score, service: r.service_score, brand: r.brand_score };
      });
      const grouped = averageScores(keyed).map((g) => ({ ...g, label: labels.get(g.key) ?? g.key }));
      grouped.sort((a, b) => (f.by === 'period' ? a.key.localeCompare(b.key) : b.average - a.average || a.label.localeCompare(b.label)));
      const overall = keyed.length
        ? (() => {
            const [all] = averageScores(keyed.map((k) => ({ ...k, key: 'all' })));
            return { reports: all.reports, quality: all.quality, service: all.service, brand: all.brand, average: all.average };
          })()
        : null;
      return { by: f.by, rows: grouped, overall };
    },
  };
}
