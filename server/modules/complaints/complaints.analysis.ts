/**
 * 投诉分析 (issue 5 §6; KPIs of docs/regulations.md §10 and §17): counts by category, severity, department at fault
 * and month; handled-in-time rate, resolution rate, satisfaction with the resolution, average handling time
 * in working days, customers who complain repeatedly, and per handler the figures the KPI module reads
 * (issue 5 §12). Every table exports to .xlsx through the archive's formula-safe writer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { workingDaysBetween } from '../../platform/calendar/calendar.rules';
import type { CalendarService } from '../../platform/calendar/calendar.service';
import { errors } from '../../platform/http/errors';
import { type Lang, t } from '../../platform/http/i18n';
import type { RequestContext } from '../../platform/permissions/actor';
import { maskPhone } from '../../platform/http/schemas';
import { type Clock, shanghaiDate } from '../../platform/time';
import { XlsxWriter, type CellInput } from '../../platform/import/spreadsheet';
import { asQ, complaintQueries as q } from './complaints.queries';
import { SATISFIED_FROM, SEVERITIES, average, monthsBetween, rate } from './complaints.rules';
import type { ANALYSIS_TABLES } from './complaints.schemas';

export type AnalysisTable = (typeof ANALYSIS_TABLES)[number];
const MAX_YEARS = 5;

export interface Analysis {
  from: string;
  to: string;
  summary: {
    received: number;
    resolved: number;
    closed: number;
    open: number;
    inTime: number;
    inTimeRate: number | null;
    resolutionRate: number | null;
    rated: number;
    satisfactionAverage: number | null;
    satisfiedRate: number | null;
    averageHandlingDays: number | null;
    breaches: number;
    repeatedCustomers: number;
  };
  byCategory: { key: string; count: number }[];
  bySeverity: { key: string; count: number }[];
  byDepartment: { departmentId: number | null; name: string | null; count: number }[];
  byMonth: { month: string; count: number; closed: number }[];
  byHandler: { handlerId: number | null; name: string | null; received: number; resolved: number; inTime: number; inTimeRate: number | null; breaches: number; satisfactionAverage: number | null }[];
  repeated: { customerId: number | null; name: string; archiveNo: string | null; phone: string | null; count: number; lastReceived: string }[];
}

const HEADERS: Record<AnalysisTable, Record<Lang, string[]>> = {
  summary: { 'zh-CN': ['指标', '数值'], 'zh-TW': ['指標', '數值'], en: ['Measure', 'Value'] },
  category: { 'zh-CN': ['投诉类别', '投诉数'], 'zh-TW': ['投訴類別', '投訴數'], en: ['Category', 'Complaints'] },
  severity: { 'zh-CN': ['投诉级别', '投诉数'], 'zh-TW': ['投訴級別', '投訴數'], en: ['Severity', 'Complaints'] },
  department: { 'zh-CN': ['责任部门', '投诉数'], 'zh-TW': ['責任部門', '投訴數'], en: ['Department at fault', 'Complaints'] },
  month: { 'zh-CN': ['月份', '受理数', '办结数'], 'zh-TW': ['月份', '受理數', '辦結數'], en: ['Month', 'Received', 'Closed'] },
  handler: {
    'zh-CN': ['处理人', '受理数', '已答复', '及时处理', '及时率（%）', '超期次数', '满意度平均分'],
    'zh-TW': ['處理人', '受理數', '已答覆', '及時處理', '及時率（%）', '逾期次數', '滿意度平均分'],
    en: ['Handler', 'Received', 'Answered', 'In time', 'In-time rate (%)', 'Missed deadlines', 'Average satisfaction'],
  },
  repeated: {
    'zh-CN': ['客户', '档案编号', '联系电话', '投诉次数', '最近投诉日期'],
    'zh-TW': ['客戶', '檔案編號', '聯絡電話', '投訴次數', '最近投訴日期'],
    en: ['Customer', 'Archive no.', 'Phone', 'Complaints', 'Latest complaint'],
  },
};
const SHEET: Record<AnalysisTable, Record<Lang, string>> = {
  summary: { 'zh-CN': '投诉处理指标', 'zh-TW': '投訴處理指標', en: 'Summary' },
  category: { 'zh-CN': '按类别', 'zh-TW': '按類別', en: 'By category' },
  severity: { 'zh-CN': '按级别', 'zh-TW': '按級別', en: 'By severity' },
  department: { 'zh-CN': '按责任部门', 'zh-TW': '按責任部門', en: 'By department' },
  month: { 'zh-CN': '按月份', 'zh-TW': '按月份', en: 'By month' },
  handler: { 'zh-CN': '按处理人', 'zh-TW': '按處理人', en: 'By handler' },
  repeated: { 'zh-CN': '重复投诉客户', 'zh-TW': '重複投訴客戶', en: 'Repeated complaints' },
};
const SUMMARY_LABELS: Record<keyof Analysis['summary'], Record<Lang, string>> = {
  received: { 'zh-CN': '受理投诉', 'zh-TW': '受理投訴', en: 'Complaints received' },
  resolved: { 'zh-CN': '已答复客户', 'zh-TW': '已答覆客戶', en: 'Customer told' },
  closed: { 'zh-CN': '已办结（客户满意）', 'zh-TW': '已辦結（客戶滿意）', en: 'Closed (customer satisfied)' },
  open: { 'zh-CN': '处理中', 'zh-TW': '處理中', en: 'Still open' },
  inTime: { 'zh-CN': '及时处理', 'zh-TW': '及時處理', en: 'Handled in time' },
  inTimeRate: { 'zh-CN': '投诉处理及时率（%）', 'zh-TW': '投訴處理及時率（%）', en: 'Handled-in-time rate (%)' },
  resolutionRate: { 'zh-CN': '投诉解决率（%）', 'zh-TW': '投訴解決率（%）', en: 'Resolution rate (%)' },
  rated: { 'zh-CN': '客户评价数', 'zh-TW': '客戶評價數', en: 'Ratings' },
  satisfactionAverage: { 'zh-CN': '处理满意度平均分（1–5）', 'zh-TW': '處理滿意度平均分（1–5）', en: 'Average satisfaction (1–5)' },
  satisfiedRate: { 'zh-CN': '投诉处理满意率（%）', 'zh-TW': '投訴處理滿意率（%）', en: 'Satisfied with the resolution (%)' },
  averageHandlingDays: { 'zh-CN': '平均处理时间（工作日）', 'zh-TW': '平均處理時間（工作日）', en: 'Average handling time (working days)' },
  breaches: { 'zh-CN': '超期次数', 'zh-TW': '逾期次數', en: 'Missed deadlines' },
  repeatedCustomers: { 'zh-CN': '重复投诉客户数', 'zh-TW': '重複投訴客戶數', en: 'Customers with repeated complaints' },
};

/** The default window: the last twelve months up to today (Asia/Shanghai). */
export function defaultRange(today: string): { from: string; to: string } {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - 11;
  if (m < 1) {
    m += 12;
    y -= 1;
  }
  return { from: `${y}-${String(m).padStart(2, '0')}-01`, to: today };
}

export function createComplaintAnalysis(deps: { db: Kysely<Database>; calendar: CalendarService; clock: Clock; audit: AuditService }) {
  const { calendar, clock, audit } = deps;
  const db = asQ(deps.db);

  function range(input: { from?: string; to?: string }) {
    const today = shanghaiDate(clock.now());
    const d = defaultRange(today);
    const from = input.from ?? d.from;
    const to = input.to ?? (input.from ? today : d.to);
    if (to < from) throw errors.field('to', 'complaint.range_reversed');
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > MAX_YEARS) throw errors.field('from', 'complaint.range_too_long', { years: MAX_YEARS });
    return { from, to };
  }

  async function analyse(ctx: RequestContext, input: { from?: string; to?: string }): Promise<Analysis> {
    const { from, to } = range(input);
    const [rows, cal] = await Promise.all([q.analysisRows(db, ctx.actor, from, to), calendar.data()]);
    const count = <K>(key: (r: (typeof rows)[number]) => K) => {
      const m = new Map<K, number>();
      for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return m;
    };
    const resolvedOf = (r: (typeof rows)[number]) => !!r.first_told_at || r.status === 'closed';
    // 处理及时率 and 超期次数 count the same deadlines (docs/regulations.md §10): a complaint with any missed
    // deadline — first contact or resolution, told or still open — is late; one told without any is in time.
    // The rate is over the complaints whose timeliness is known: the told ones and the already late ones.
    const inTimeOf = (r: (typeof rows)[number]) => resolvedOf(r) && Number(r.breaches) === 0;
    const judgedOf = (r: (typeof rows)[number]) => resolvedOf(r) || Number(r.breaches) > 0;
    const handlingDays: number[] = [];
    for (const r of rows) {
      const told = r.first_told_at ?? r.told_at;
      if (told) handlingDays.push(workingDaysBetween(cal, r.received_date, shanghaiDate(new Date(told))).days);
    }
    const scores = rows.filter((r) => r.satisfaction_score !== null).map((r) => Number(r.satisfaction_score));

    const byCategory = [...count((r) => r.category)].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh-CN'));
    const sev = count((r) => r.severity);
    const bySeverity = SEVERITIES.map((key) => ({ key, count: sev.get(key) ?? 0 }));
    const deptNames = new Map(rows.map((r) => [r.fault_department_id, r.fault_department_name ?? null]));
    const byDepartment = [...count((r) => r.fault_department_id)]
      .map(([departmentId, n]) => ({ departmentId, name: deptNames.get(departmentId) ?? null, count: n }))
      .sort((a, b) => b.count - a.count || (a.departmentId ?? Infinity) - (b.departmentId ?? Infinity));
    const months = count((r) => r.received_date.slice(0, 7));
    const closedMonths = new Map<string, number>();
    for (const r of rows) if (r.status === 'closed') closedMonths.set(r.received_date.slice(0, 7), (closedMonths.get(r.received_date.slice(0, 7)) ?? 0) + 1);
    const byMonth = monthsBetween(from, to).map((month) => ({ month, count: months.get(month) ?? 0, closed: closedMonths.get(month) ?? 0 }));

    const handlers = new Map<number | null, Analysis['byHandler'][number] & { scores: number[]; judged: number }>();
    for (const r of rows) {
      const h = handlers.get(r.handler_id) ?? { handlerId: r.handler_id, name: r.handler_name ?? null, received: 0, resolved: 0, inTime: 0, inTimeRate: null, breaches: 0, satisfactionAverage: null, scores: [], judged: 0 };
      h.received++;
      if (resolvedOf(r)) h.resolved++;
      if (inTimeOf(r)) h.inTime++;
      if (judgedOf(r)) h.judged++;
      h.breaches += Number(r.breaches);
      if (r.satisfaction_score !== null) h.scores.push(Number(r.satisfaction_score));
      handlers.set(r.handler_id, h);
    }
    const byHandler = [...handlers.values()]
      .map(({ scores: s, judged, ...h }) => ({ ...h, inTimeRate: rate(h.inTime, judged), satisfactionAverage: average(s, 2) }))
      .sort((a, b) => b.received - a.received || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));

    // The same customer: the archive record when linked, else the contact phone, else name and company.
    const groups = new Map<string, { rows: typeof rows }>();
    for (const r of rows) {
      const key = r.customer_id ? `c${r.customer_id}` : r.complainant_phone_digits ? `p${r.complainant_phone_digits}` : `n${r.complainant_name}|${r.complainant_company ?? ''}`;
      const g = groups.get(key) ?? { rows: [] };
      g.rows.push(r);
      groups.set(key, g);
    }
    const repeated = [...groups.values()]
      .filter((g) => g.rows.length >= 2)
      .map((g) => {
        const last = g.rows[g.rows.length - 1];
        return {
          customerId: last.customer_id,
          name: last.customer_name ?? last.complainant_company ?? last.complainant_name,
          archiveNo: last.customer_archive_no ?? null,
          phone: maskPhone(last.complainant_phone_digits),
          count: g.rows.length,
          lastReceived: last.received_date,
        };
      })
      .sort((a, b) => b.count - a.count || b.lastReceived.localeCompare(a.lastReceived));

    const resolved = rows.filter(resolvedOf).length;
    const inTime = rows.filter(inTimeOf).length;
    const judged = rows.filter(judgedOf).length;
    const closed = rows.filter((r) => r.status === 'closed').length;
    return {
      from,
      to,
      summary: {
        received: rows.length,
        resolved,
        closed,
        open: rows.filter((r) => r.status !== 'closed' && r.status !== 'told').length,
        inTime,
        inTimeRate: rate(inTime, judged),
        resolutionRate: rate(closed, rows.length),
        rated: scores.length,
        satisfactionAverage: average(scores, 2),
        satisfiedRate: rate(scores.filter((s) => s >= SATISFIED_FROM).length, scores.length),
        averageHandlingDays: average(handlingDays, 1),
        breaches: rows.reduce((n, r) => n + Number(r.breaches), 0),
        repeatedCustomers: repeated.length,
      },
      byCategory,
      bySeverity,
      byDepartment,
      byMonth,
      byHandler,
      repeated,
    };
  }

  function tableRows(a: Analysis, table: AnalysisTable, lang: Lang): CellInput[][] {
    const none = t(lang, 'complaint.analysis.none');
    switch (table) {
      case 'summary':
        return (Object.keys(SUMMARY_LABELS) as (keyof Analysis['summary'])[]).map((k) => [SUMMARY_LABELS[k][lang], a.summary[k]]);
      case 'category':
        return a.byCategory.map((r) => [r.key, r.count]);
      case 'severity':
        return a.bySeverity.map((r) => [t(lang, `complaint.severity.${r.key}`), r.count]);
      case 'department':
        return a.byDepartment.map((r) => [r.name ?? none, r.count]);
      case 'month':
        return a.byMonth.map((r) => [r.month, r.count, r.closed]);
      case 'handler':
        return a.byHandler.map((r) => [r.name ?? none, r.received, r.resolved, r.inTime, r.inTimeRate, r.breaches, r.satisfactionAverage]);
      case 'repeated':
        return a.repeated.map((r) => [r.name, r.archiveNo, r.phone, r.count, r.lastReceived]);
    }
  }

  return {
    range,
    analyse,
    async exportTable(ctx: RequestContext, input: { from?: string; to?: string; table: AnalysisTable }) {
      const a = await analyse(ctx, input);
      const lang = ctx.lang;
      const headers = HEADERS[input.table][lang];
      const writer = new XlsxWriter(SHEET[input.table][lang], headers, headers.map((_, i) => (i === 0 ? 28 : 16)));
      for (const row of tableRows(a, input.table, lang)) writer.addRow(row);
      const body = await writer.finish();
      await audit.record(db as unknown as Kysely<Database>, actorInfo(ctx), {
        action: 'export',
        entityType: 'complaint_analysis',
        entityId: null,
        summary: `${input.table} ${a.from}..${a.to}: ${writer.rowCount}`,
        changes: { table: [null, input.table], from: [null, a.from], to: [null, a.to], rowCount: [null, writer.rowCount] },
      });
      return { filename: `${SHEET[input.table][lang]}-${a.from}-${a.to}.xlsx`, body };
    },
  };
}
export type ComplaintAnalysis = ReturnType<typeof createComplaintAnalysis>;
