/**
 * Excel export of the filtered customer list (issue point 11): the same filters and the same data scope
 * as GET /api/customers (it goes through the customer service's list), Chinese headers, phones and bank
 * accounts masked unless the user holds customers.export_unmasked and asks, formulas neutralised, and
 * every export audit-logged with its filter, columns and row count.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { Customer } from '../customers.tables';
import { type AuditService, actorInfo } from '../../../platform/audit/audit.service';
import { AppError, errors } from '../../../platform/http/errors';
import type { RequestContext } from '../../../platform/permissions/actor';
import { hasCapability } from '../../../platform/permissions/policy';
import type { Clock } from '../../../platform/time';
import type { CustomerFilter, CustomerSortField } from '../customers.queries';
import { maskAccount, maskPhone } from '../customers.rules';
import type { CustomerService } from '../customers.service';
import { FIELD_LABELS, SOURCE_CHANNEL_LABELS, STATUS_LABELS } from './import.rules';
import { XlsxWriter, type CellInput } from '../../../platform/import/spreadsheet';

/** Most rows one export may hold: above it the user narrows the filter. */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 2000;

type Row = Customer & { owner_name?: string | null; team_name?: string | null };
interface Column {
  key: string;
  label: string;
  width: number;
  value(r: Row, unmasked: boolean): CellInput;
}

const SHANGHAI_MS = 8 * 3600 * 1000;
/** 2026-11-23 16:00 (Asia/Shanghai). */
function localTime(instant: string): string {
  const d = new Date(new Date(instant).getTime() + SHANGHAI_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const text = (col: keyof Customer, width = 16) => ({ width, value: (r: Row) => r[col] as string | null });

const COLUMN_LIST: Column[] = [
  { key: 'archiveNo', label: FIELD_LABELS.archiveNo, width: 16, value: (r) => r.archive_no },
  { key: 'name', label: FIELD_LABELS.name, ...text('name', 30) },
  { key: 'status', label: FIELD_LABELS.status, width: 8, value: (r) => STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status },
  { key: 'creditCode', label: FIELD_LABELS.creditCode, ...text('credit_code', 22) },
  { key: 'legalRepresentative', label: FIELD_LABELS.legalRepresentative, ...text('legal_representative', 12) },
  { key: 'generalManager', label: FIELD_LABELS.generalManager, ...text('general_manager', 12) },
  { key: 'address', label: FIELD_LABELS.address, ...text('address', 36) },
  { key: 'postcode', label: FIELD_LABELS.postcode, ...text('postcode', 10) },
  { key: 'phone', label: FIELD_LABELS.phone, width: 16, value: (r, unmasked) => (unmasked ? r.phone : maskPhone(r.phone)) },
  { key: 'fixedPhone', label: FIELD_LABELS.fixedPhone, width: 16, value: (r, unmasked) => (unmasked ? r.fixed_phone : maskPhone(r.fixed_phone)) },
  { key: 'email', label: FIELD_LABELS.email, ...text('email', 24) },
  { key: 'website', label: FIELD_LABELS.website, ...text('website', 24) },
  { key: 'province', label: FIELD_LABELS.province, ...text('province', 10) },
  { key: 'city', label: FIELD_LABELS.city, ...text('city', 10) },
  { key: 'district', label: FIELD_LABELS.district, ...text('district', 10) },
  { key: 'industry', label: FIELD_LABELS.industry, ...text('industry', 14) },
  { key: 'companyNature', label: FIELD_LABELS.companyNature, ...text('company_nature', 12) },
  { key: 'companySize', label: FIELD_LABELS.companySize, ...text('company_size', 10) },
  { key: 'staffCount', label: FIELD_LABELS.staffCount, width: 10, value: (r) => num(r.staff_count) },
  { key: 'tags', label: FIELD_LABELS.tags, width: 20, value: (r) => (JSON.parse(r.tags) as string[]).join('、') },
  { key: 'businessScope', label: FIELD_LABELS.businessScope, ...text('business_scope', 40) },
  { key: 'operatingStatus', label: FIELD_LABELS.operatingStatus, ...text('operating_status') },
  { key: 'positionInIndustry', label: FIELD_LABELS.positionInIndustry, ...text('position_in_industry') },
  { key: 'priceLevel', label: FIELD_LABELS.priceLevel, ...text('price_level', 10) },
  { key: 'mainProducts', label: FIELD_LABELS.mainProducts, ...text('main_products', 24) },
  { key: 'peakMonthAmount', label: FIELD_LABELS.peakMonthAmount, width: 14, value: (r) => num(r.peak_month_amount) },
  { key: 'lowMonthAmount', label: FIELD_LABELS.lowMonthAmount, width: 14, value: (r) => num(r.low_month_amount) },
  { key: 'bankName', label: FIELD_LABELS.bankName, ...text('bank_name', 20) },
  { key: 'bankAccount', label: FIELD_LABELS.bankAccount, width: 24, value: (r, unmasked) => (unmasked ? r.bank_account : maskAccount(r.bank_account)) },
  { key: 'paymentHabits', label: FIELD_LABELS.paymentHabits, ...text('payment_habits') },
  { key: 'payingContact', label: FIELD_LABELS.payingContact, ...text('paying_contact', 12) },
  {
    key: 'sourceChannel',
    label: FIELD_LABELS.sourceChannel,
    width: 12,
    value: (r) => (r.source_channel ? (SOURCE_CHANNEL_LABELS[r.source_channel as keyof typeof SOURCE_CHANNEL_LABELS] ?? r.source_channel) : null),
  },
  { key: 'contactFrequency', label: FIELD_LABELS.contactFrequency, ...text('contact_frequency', 12) },
  { key: 'relationshipPotential', label: FIELD_LABELS.relationshipPotential, ...text('relationship_potential') },
  { key: 'cooperationIntention', label: FIELD_LABELS.cooperationIntention, ...text('cooperation_intention') },
  { key: 'cooperationSince', label: FIELD_LABELS.cooperationSince, ...text('cooperation_since', 12) },
  { key: 'notes', label: FIELD_LABELS.notes, ...text('notes', 30) },
  { key: 'grade', label: '客户等级', width: 10, value: (r) => r.grade },
  { key: 'ownerName', label: '负责人', width: 10, value: (r) => r.owner_name ?? null },
  { key: 'teamName', label: '团队', width: 14, value: (r) => r.team_name ?? null },
  { key: 'completeness', label: '资料完整度（%）', width: 10, value: (r) => r.completeness },
  { key: 'createdAt', label: '创建时间', width: 17, value: (r) => localTime(r.created_at) },
  { key: 'updatedAt', label: '更新时间', width: 17, value: (r) => localTime(r.updated_at) },
];
export const EXPORT_COLUMNS = new Map(COLUMN_LIST.map((c) => [c.key, c]));

export type ExportFilter = Omit<CustomerFilter, 'terms'> & { q?: string };

export function createCustomerExportService(deps: { customers: CustomerService; audit: AuditService; clock: Clock; db: Kysely<Database> }) {
  const { customers, audit, clock, db } = deps;

  return {
    async export(
      ctx: RequestContext,
      input: { filter: ExportFilter; sort: CustomerSortField; direction: 'asc' | 'desc'; fields?: string[]; unmasked: boolean },
    ): Promise<{ filename: string; body: Buffer; rowCount: number }> {
      if (input.unmasked && !hasCapability(ctx.actor, 'customers.export_unmasked')) {
        await audit.record(db, actorInfo(ctx), { action: 'permission.denied', entityType: 'route', entityId: 'GET /api/customers/export.xlsx', summary: 'customers.export_unmasked' });
        throw errors.forbidden();
      }
      const keys = input.fields?.length ? [...new Set(input.fields)] : COLUMN_LIST.map((c) => c.key);
      const unknown = keys.find((k) => !EXPORT_COLUMNS.has(k));
      if (unknown) throw errors.field('fields', 'export.unknown_field', { field: unknown });
      const columns = keys.map((k) => EXPORT_COLUMNS.get(k)!);
      const paging = (page: number, pageSize: number) => ({ page, pageSize, sort: input.sort, direction: input.direction });

      // The customer service's own list: the same filters and the same data scope as the list page.
      const { total } = await customers.list(ctx, input.filter, paging(1, 1));
      if (total > MAX_EXPORT_ROWS) throw new AppError('validation', 'export.too_many_rows', [], { count: total, max: MAX_EXPORT_ROWS }, 422, { code: 'too_many_rows' });
      const writer = new XlsxWriter('客户档案', columns.map((c) => c.label), columns.map((c) => c.width));
      for (let page = 1; ; page++) {
        const { rows } = await customers.list(ctx, input.filter, paging(page, PAGE));
        for (const r of rows as Row[]) writer.addRow(columns.map((c) => c.value(r, input.unmasked)));
        if (rows.length < PAGE || writer.rowCount >= MAX_EXPORT_ROWS) break;
      }
      const body = await writer.finish();
      const filter = Object.fromEntries(Object.entries({ ...input.filter, sort: `${input.direction === 'desc' ? '-' : ''}${input.sort}` }).filter(([, v]) => v !== undefined && v !== ''));
      await audit.record(db, actorInfo(ctx), {
        action: 'export',
        entityType: 'customer',
        entityId: null,
        summary: `客户档案导出 ${writer.rowCount} 行${input.unmasked ? '（未脱敏）' : ''} / customers exported: ${writer.rowCount} rows${input.unmasked ? ', unmasked' : ''}`,
        changes: { filter: [null, filter], fields: [null, keys], rowCount: [null, writer.rowCount], unmasked: [null, input.unmasked] },
      });
      const stamp = new Date(clock.now().getTime() + SHANGHAI_MS).toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
      return { filename: `客户档案-${stamp}.xlsx`, body, rowCount: writer.rowCount };
    },
  };
}
export type CustomerExportService = ReturnType<typeof createCustomerExportService>;
