/**
 * xlsx exports of a campaign (issue 5 point 10): the answers (one row per response, customers in the
 * caller's scope) and the summary (the results page as rows). Written with the customer export's
 * XlsxWriter, the one place that neutralises formulas in string cells, so an answer such as "=1+1"
 * opens as text.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/permissions/actor';
import type { Clock } from '../../platform/time';
import { STATUS_LABELS } from '../customers/import/import.rules';
import { XlsxWriter, type CellInput } from '../../platform/import/spreadsheet';
import { type SurveyService, answerCell } from './surveys.service';
import { questionsOf } from './surveys.rules';

const SHANGHAI_MS = 8 * 3600 * 1000;
const localTime = (instant: string) => {
  const d = new Date(new Date(instant).getTime() + SHANGHAI_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
};
const stamp = (clock: Clock) => new Date(clock.now().getTime() + SHANGHAI_MS).toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');

export const CHANNEL_LABELS: Record<string, string> = { link: '在线链接', phone: '电话', fax: '传真', meeting: '面谈', email: '电子邮件', paper: '纸质问卷' };
const statusLabel = (s: string | null) => (s ? (STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s) : null);
/** File names keep letters, digits and CJK; the title may hold anything. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

export function createSurveyExportService(deps: { surveys: SurveyService; audit: AuditService; clock: Clock; db: Kysely<Database> }) {
  const { surveys, audit, clock, db } = deps;

  async function logged(ctx: RequestContext, id: number, what: 'answers' | 'summary', rows: number) {
    await audit.record(db, actorInfo(ctx), {
      action: 'export',
      entityType: 'survey_campaign',
      entityId: id,
      summary: `${what === 'answers' ? '答卷导出' : '汇总导出'} ${rows} 行 / survey ${what} exported: ${rows} rows`,
      changes: { what: [null, what], rowCount: [null, rows] },
    });
  }

  return {
    async answers(ctx: RequestContext, id: number) {
      const view = await surveys.viewCampaign(ctx, id);
      const questions = questionsOf(view.definition);
      const responses = await surveys.responses(ctx, id);
      const fixed = ['档案编号', '客户名称', '负责人（调查时）', '地区', '客户状态', '答卷方式', '填表人', '录入人', '答卷时间', '满意度指数'];
      const writer = new XlsxWriter(
        '答卷',
        [...fixed, ...questions.map((q) => `${q.section}·${q.text}`)],
        [16, 28, 12, 10, 8, 10, 10, 10, 17, 10, ...questions.map((q) => (q.type === 'text' ? 30 : 14))],
      );
      for (const { row, answers } of responses) {
        const byKey = new Map(answers.map((a) => [a.key, a]));
        const cells: CellInput[] = [
          row.archive_no,
          row.customer_name,
          row.owner_name,
          row.province,
          statusLabel(row.customer_status),
          CHANNEL_LABELS[row.channel] ?? row.channel,
          row.respondent_name,
          row.entered_by_name,
          localTime(row.answered_at),
          row.satisfaction_index === null ? null : Math.round(Number(row.satisfaction_index) * 10) / 10,
        ];
        writer.addRow([...cells, ...questions.map((q) => answerCell(q, byKey.get(q.key)))]);
      }
      const body = await writer.finish();
      await logged(ctx, id, 'answers', writer.rowCount);
      return { filename: `满意度调查答卷-${safeName(view.campaign.title)}-${stamp(clock)}.xlsx`, body, rowCount: writer.rowCount };
    },

    async summary(ctx: RequestContext, id: number) {
      const r = await surveys.results(ctx, id);
      const writer = new XlsxWriter('汇总', ['分类', '项目', '选项 / 分组', '数量', '占比（%）', '平均分', '满意度指数'], [12, 36, 16, 10, 10, 10, 12]);
      const add = (cells: CellInput[]) => writer.addRow(cells);
      add(['概况', '调查对象', null, r.targets, null, null, null]);
      add(['概况', '答卷', null, r.responses, r.responseRate, null, null]);
      add(['概况', '满意度指数（0–100）', null, null, null, null, r.index]);
      for (const c of r.byChannel) add(['答卷方式', CHANNEL_LABELS[c.channel] ?? c.channel, null, c.count, null, null, null]);
      for (const q of r.questions) {
        const title = `${q.section}·${q.text}`;
        if (q.type === 'scale') add(['题目', title, '（合计）', q.answered, null, q.average, q.index]);
        for (const d of q.distribution) add(['题目', title, d.option, d.count, d.percent, null, null]);
        for (const text of q.texts) add(['意见', title, text, null, null, null, null]);
      }
      const groups: [string, typeof r.byRegion][] = [
        ['按地区', r.byRegion],
        ['按客户状态', r.byStatus],
        ['按负责人', r.byOwner],
      ];
      for (const [label, list] of groups) {
        for (const g of list) add([label, label === '按客户状态' ? (statusLabel(g.key) ?? '未填写') : g.label || '未填写', `${g.responses} / ${g.targets}`, g.responses, g.responseRate, null, g.index]);
      }
      if (r.previous) {
        const p = r.previous;
        add(['与上次比较', p.title, '答复率变化', null, p.responseRateDelta, null, null]);
        add(['与上次比较', p.title, '指数变化', null, null, null, p.indexDelta]);
        const text = new Map(r.questions.map((q) => [q.key, `${q.section}·${q.text}`]));
        for (const q of p.questions) add(['与上次比较', text.get(q.key) ?? q.key, `上次 ${q.previousAverage ?? '—'}`, null, null, q.average, q.delta]);
      }
      const body = await writer.finish();
      await logged(ctx, id, 'summary', writer.rowCount);
      return { filename: `满意度调查汇总-${safeName(r.campaign.title)}-${stamp(clock)}.xlsx`, body, rowCount: writer.rowCount };
    },
  };
}
export type SurveyExportService = ReturnType<typeof createSurveyExportService>;
