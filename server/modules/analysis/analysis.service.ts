/**
 * The seeds' analysis tables (docs/regulations.md §16): 客户增减分析表, 客户区域分析表, 客户销售分析表 and the
 * purchase structure, within the caller's data scope, aggregated in SQL, each exportable to .xlsx in the
 * seed form's layout (title row, header rows, totals row) and audit-logged like every export.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { type AuditService, actorInfo } from '../../platform/audit/audit.service';
import { type Lang, t } from '../../platform/http/i18n';
import { isFormulaLike } from '../../platform/import/import.rules';
import type { RequestContext } from '../../platform/permissions/actor';
import { scopeOn } from '../../platform/permissions/scope';
import { type Clock, shanghaiDate } from '../../platform/time';
import type { DevelopmentService } from '../development/development.service';
import { type Segment, segmentOf } from '../loyalty/loyalty.rules';
import type { LoyaltyService } from '../loyalty/loyalty.service';
import type { TransactionService } from '../transactions/transactions.service';
import { type CustomerFilter, type SalesSource, analysisQueries as q } from './analysis.queries';
import { type Span, comparedSpan, conversionRate, dayStart, monthsOf, nextDay, shares, spanOf, yuan } from './analysis.rules';
import { ACARD_IGNORED, ACARD_UNAVAILABLE, type ANALYSIS_TABLES, type AnalysisQuery, type acardOut, type ccardOut, type growthOut, type regionsOut, type salesOut, type structureOut } from './analysis.schemas';

export type AnalysisTable = (typeof ANALYSIS_TABLES)[number];

/** By code point: the same order on SQLite and PostgreSQL whatever the database's collation. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type Growth = z.infer<typeof growthOut>;
type Regions = z.infer<typeof regionsOut>;
type Sales = z.infer<typeof salesOut>;
type Structure = z.infer<typeof structureOut>;
type ACard = z.infer<typeof acardOut>;
type CCard = z.infer<typeof ccardOut>;

export interface AnalysisDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  transactions: Pick<TransactionService, 'salesByCustomerProduct'>;
  development: Pick<DevelopmentService, 'prospectCard'>;
  loyalty: Pick<LoyaltyService, 'rfmSource'>;
}

function filterOf(qy: AnalysisQuery): CustomerFilter {
  return { teamId: qy.teamId, ownerId: qy.ownerId, province: qy.province, city: qy.city, industry: qy.industry, grade: qy.grade };
}

export function createAnalysisService(deps: AnalysisDeps) {
  const { db, audit, clock, transactions, development, loyalty } = deps;
  const sales = (s: Span): SalesSource => transactions.salesByCustomerProduct(db, s.from, s.to) as unknown as SalesSource;
  const periodOf = (qy: AnalysisQuery) => spanOf(qy.period, qy.date ?? shanghaiDate(clock.now()));

  async function growthRow(ctx: RequestContext, f: CustomerFilter, s: Span, before: Span) {
    const start = dayStart(s.from);
    const end = dayStart(nextDay(s.to));
    const counts = await q.growth(db, ctx.actor, f, start, end);
    const split = await q.salesOldNew(db, ctx.actor, f, sales(s), start);
    const earlier = await q.salesOldNew(db, ctx.actor, f, sales(before), dayStart(before.from));
    return {
      span: s,
      ...counts,
      growth: counts.current - counts.previous,
      oldSalesCents: split.oldCents,
      newSalesCents: split.newCents,
      salesCents: split.oldCents + split.newCents,
      comparedSalesCents: earlier.oldCents + earlier.newCents,
    };
  }

  const service = {
    /** 客户增减分析表: this period and the compared one, each with its own compared sales (本期 / 上期). */
    async growth(ctx: RequestContext, qy: AnalysisQuery): Promise<Growth> {
      const f = filterOf(qy);
      const period = periodOf(qy);
      const compared = comparedSpan(qy.period, period, qy.compare);
      const rows = [await growthRow(ctx, f, period, compared), await growthRow(ctx, f, compared, comparedSpan(qy.period, compared, qy.compare))];
      return { period, compared, rows };
    },

    /** 客户区域分析表: customers at the end of the period and the period's sales per province and city; shares add up to 100. */
    async regions(ctx: RequestContext, qy: AnalysisQuery): Promise<Regions> {
      const f = filterOf(qy);
      const period = periodOf(qy);
      const counts = await q.customersByRegion(db, ctx.actor, f, dayStart(nextDay(period.to)));
      const amounts = await q.salesByRegion(db, ctx.actor, f, sales(period));
      const key = (r: { province: string | null; city: string | null }) => `${r.province ?? ''}\u0000${r.city ?? ''}`;
      const byKey = new Map<string, { province: string | null; city: string | null; customers: number; salesCents: number }>();
      for (const r of counts) byKey.set(key(r), { province: r.province, city: r.city, customers: r.customers, salesCents: 0 });
      for (const r of amounts) {
        const row = byKey.get(key(r)) ?? { province: r.province, city: r.city, customers: 0, salesCents: 0 };
        row.salesCents += r.cents;
        byKey.set(key(r), row);
      }
      const list = [...byKey.values()].sort((a, b) => b.customers - a.customers || b.salesCents - a.salesCents || key(a).localeCompare(key(b)));
      const customerShares = shares(list.map((r) => r.customers));
      const salesShares = shares(list.map((r) => r.salesCents));
      return {
        period,
        rows: list.map((r, i) => ({ ...r, customerShare: customerShares[i], salesShare: salesShares[i] })),
        totals: { customers: list.reduce((a, r) => a + r.customers, 0), salesCents: list.reduce((a, r) => a + r.salesCents, 0) },
      };
    },

    /** 客户销售分析表: the top customers × the top products with 其他 for the rest, row and column totals. */
    async sales(ctx: RequestContext, qy: AnalysisQuery): Promise<Sales> {
      const f = filterOf(qy);
      const period = periodOf(qy);
      const src = sales(period);
      const top = await q.topCustomers(db, ctx.actor, f, src, qy.top);
      const products = (await q.byProduct(db, ctx.actor, f, src)).slice(0, qy.top).map((p) => p.product);
      const cells = await q.grid(db, ctx.actor, f, src, top.map((c) => c.id), products);
      const columns: (string | null)[] = [...products];
      if (cells.some((c) => c.product === null)) columns.push(null);
      const rowsOf: { customerId: number | null; name: string | null }[] = top.map((c) => ({ customerId: c.id, name: c.name }));
      if (cells.some((c) => c.customerId === 0)) rowsOf.push({ customerId: null, name: null });
      const rows = rowsOf.map((r) => {
        const mine = cells.filter((c) => c.customerId === (r.customerId ?? 0));
        const line = columns.map((p) => mine.filter((c) => c.product === p).reduce((a, c) => a + c.cents, 0));
        return { ...r, cells: line, totalCents: line.reduce((a, b) => a + b, 0) };
      });
      const totals = columns.map((_, i) => rows.reduce((a, r) => a + r.cells[i], 0));
      return { period, products: columns.map((p, i) => ({ product: p, totalCents: totals[i] })), rows, totalCents: totals.reduce((a, b) => a + b, 0) };
    },

    /** Purchase structure by product (the archive has no product categories, so none are shown). */
    async structure(ctx: RequestContext, qy: AnalysisQuery): Promise<Structure> {
      const period = periodOf(qy);
      const list = await q.byProduct(db, ctx.actor, filterOf(qy), sales(period));
      const pct = shares(list.map((r) => r.cents));
      return { period, rows: list.map((r, i) => ({ product: r.product, salesCents: r.cents, share: pct[i], customers: r.customers })), totalCents: list.reduce((a, r) => a + r.cents, 0) };
    },

    /**
     * A卡 (docs/regulations.md §16): the prospects entered in the period, by source (channel), salesperson and
     * month, each with how many reached 合同签订 (converted) and were lost. Prospects record no product, region
     * or purchase type: those dimensions are listed as unavailable, and the region / industry / grade filters
     * as not applied, rather than estimated.
     */
    async acard(ctx: RequestContext, qy: AnalysisQuery): Promise<ACard> {
      const period = periodOf(qy);
      const months = monthsOf(period);
      const rows = await development.prospectCard(ctx.actor, {
        start: dayStart(period.from),
        end: dayStart(nextDay(period.to)),
        bounds: months.map((m) => ({ label: m.label, from: dayStart(m.from) })),
        teamId: qy.teamId,
        ownerId: qy.ownerId,
      });
      const fold = (keyOf: (r: (typeof rows)[number]) => string, nameOf: (r: (typeof rows)[number]) => string | null, keys: string[] = []) => {
        const by = new Map<string, { key: string; name: string | null; count: number; converted: number; lost: number }>();
        for (const k of keys) by.set(k, { key: k, name: null, count: 0, converted: 0, lost: 0 });
        for (const r of rows) {
          const k = keyOf(r);
          const e = by.get(k) ?? { key: k, name: nameOf(r), count: 0, converted: 0, lost: 0 };
          e.count += r.count;
          e.converted += r.won;
          e.lost += r.lost;
          by.set(k, e);
        }
        return [...by.values()].map((e) => ({ ...e, conversionRate: conversionRate(e.converted, e.count) }));
      };
      const byCount = <T extends { count: number; key: string }>(list: T[]) => list.sort((a, b) => b.count - a.count || byCode(a.key, b.key));
      const count = rows.reduce((a, r) => a + r.count, 0);
      const converted = rows.reduce((a, r) => a + r.won, 0);
      return {
        period,
        totals: { count, converted, lost: rows.reduce((a, r) => a + r.lost, 0), conversionRate: conversionRate(converted, count) },
        bySource: byCount(fold((r) => r.channel, () => null)),
        bySalesperson: byCount(fold((r) => String(r.ownerId), (r) => r.ownerName)),
        byMonth: fold((r) => r.month, () => null, months.map((m) => m.label)),
        unavailable: [...ACARD_UNAVAILABLE],
        ignoredFilters: ACARD_IGNORED.filter((k) => qy[k] !== undefined),
      };
    },

    /**
     * C卡 (docs/regulations.md §16): the customers in the archive at the end of the period, by type (the archive
     * status: it records no other customer type), province, industry, the products they bought in the period
     * and their loyalty segment (RFM over the loyalty window). Shares are of all those customers.
     */
    async ccard(ctx: RequestContext, qy: AnalysisQuery): Promise<CCard> {
      const f = filterOf(qy);
      const period = periodOf(qy);
      const end = dayStart(nextDay(period.to));
      const [byType, byRegion, byIndustry] = [await q.cardBy(db, ctx.actor, f, end, 'status'), await q.cardBy(db, ctx.actor, f, end, 'province'), await q.cardBy(db, ctx.actor, f, end, 'industry')];
      const total = byType.reduce((a, r) => a + r.count, 0);
      const pct = (n: number) => (total ? Math.round((n / total) * 10000) / 100 : 0);
      const shared = (list: { key: string | null; count: number }[]) => {
        const sorted = [...list].sort((a, b) => b.count - a.count || byCode(a.key ?? '\uffff', b.key ?? '\uffff'));
        const sh = shares(sorted.map((r) => r.count));
        return sorted.map((r, i) => ({ ...r, share: sh[i] }));
      };
      const products = await q.cardByProduct(db, ctx.actor, f, end, sales(period));
      const rfm = await loyalty.rfmSource(db);
      const groups = await q.cardByLoyalty(db, ctx.actor, f, end, rfm.source);
      const segs = new Map<Segment, number>();
      for (const g of groups) {
        const seg = segmentOf(g.r ? 3 : 1, g.f ? 3 : 1, g.m ? 3 : 1);
        segs.set(seg, (segs.get(seg) ?? 0) + g.count);
      }
      const scored = [...segs.values()].reduce((a, b) => a + b, 0);
      return {
        period,
        total,
        byType: shared(byType),
        byRegion: shared(byRegion),
        byIndustry: shared(byIndustry),
        // A customer may buy several products: each product's share is of all customers, so they need not add up to 100.
        byProduct: { rows: products.rows.sort((a, b) => b.count - a.count || byCode(a.key, b.key)).map((r) => ({ ...r, share: pct(r.count) })), buyers: products.buyers, noPurchase: total - products.buyers },
        byLoyalty: { window: rfm.window, rows: [...segs].map(([key, count]) => ({ key, count, share: pct(count) })).sort((a, b) => b.count - a.count || byCode(a.key, b.key)), unscored: total - scored },
      };
    },

    /** One table as .xlsx in the seed form's layout; the export is audit-logged with its filters and size. */
    async exportTable(ctx: RequestContext, table: AnalysisTable, qy: AnalysisQuery): Promise<{ filename: string; body: Buffer }> {
      const lang = ctx.lang;
      const L = (key: string) => t(lang, `analysis.${key}`);
      const scope = t(lang, scopeOn(ctx.actor, { table: 'customer_directory', id: 'id', widerFor: { finance: 'all' } }) === 'all' ? 'analysis.scope.all' : 'analysis.scope.mine');
      let sheet: Sheet;
      let period: Span;
      const notes: string[] = [];
      if (table === 'growth') {
        const g = await service.growth(ctx, qy);
        period = g.period;
        sheet = growthSheet(g, L);
      } else if (table === 'regions') {
        const r = await service.regions(ctx, qy);
        period = r.period;
        sheet = regionsSheet(r, L);
      } else if (table === 'sales') {
        const s = await service.sales(ctx, qy);
        period = s.period;
        sheet = salesSheet(s, L);
      } else if (table === 'structure') {
        const s = await service.structure(ctx, qy);
        period = s.period;
        sheet = structureSheet(s, L);
      } else if (table === 'acard') {
        const a = await service.acard(ctx, qy);
        period = a.period;
        sheet = acardSheet(a, L);
        notes.push(L('note.acardUnavailable'), ...a.ignoredFilters.map((k) => t(lang, 'analysis.note.ignored', { filter: L(`filter.${k}`) })));
      } else {
        const c = await service.ccard(ctx, qy);
        period = c.period;
        sheet = ccardSheet(c, L);
        notes.push(L('note.ccardType'), t(lang, 'analysis.note.ccardLoyalty', { from: c.byLoyalty.window.from, to: c.byLoyalty.window.to }));
      }
      const title = `${L(`title.${table}`)} ${period.label}`;
      notes.unshift(t(lang, 'analysis.note.scope', { scope, from: period.from, to: period.to }), ...(table === 'growth' ? [L('note.direct')] : []));
      const body = await writeSheet(L(`title.${table}`), title, notes, sheet);
      await audit.record(db, actorInfo(ctx), {
        action: 'export',
        entityType: 'analysis',
        entityId: null,
        summary: `${table} ${period.from}..${period.to}: ${sheet.rows.length}`,
        changes: { table: [null, table], period: [null, period.label], filters: [null, JSON.stringify(filterOf(qy))], rowCount: [null, sheet.rows.length] },
      });
      return { filename: `${L(`title.${table}`)}-${period.label}.xlsx`, body };
    },
  };
  return service;
}
export type AnalysisService = ReturnType<typeof createAnalysisService>;

// ── .xlsx after the seed forms ────────────────────────────────────────────────
type Cell = string | number | null;
/** Header rows as cells with spans (cols × rows), body rows, and the totals row. */
interface Sheet {
  header: { text: string; col: number; row: number; cols?: number; rows?: number }[];
  headerRows: number;
  width: number;
  rows: Cell[][];
  totals: Cell[] | null;
}

function growthSheet(g: Growth, L: (k: string) => string): Sheet {
  const counts = ['previous', 'added', 'removed', 'current', 'growth'];
  const money = ['oldCustomers', 'newCustomers', 'thisSales', 'lastSales'];
  return {
    headerRows: 2,
    width: 10,
    header: [
      { text: L('head.period'), col: 1, row: 1, rows: 2 },
      { text: L('head.customers'), col: 2, row: 1, cols: 5 },
      ...counts.map((k, i) => ({ text: L(`head.${k}`), col: 2 + i, row: 2 })),
      { text: L('head.customerSales'), col: 7, row: 1, cols: 4 },
      ...money.map((k, i) => ({ text: L(`head.${k}`), col: 7 + i, row: 2 })),
    ],
    rows: g.rows.map((r) => [r.span.label, r.previous, r.added, r.removed, r.current, r.growth, yuan(r.oldSalesCents), yuan(r.newSalesCents), yuan(r.salesCents), yuan(r.comparedSalesCents)]),
    totals: null, // two periods side by side: a sum of them would mean nothing
  };
}

function regionsSheet(r: Regions, L: (k: string) => string): Sheet {
  const heads = ['year', 'province', 'city', 'customerCount', 'customerShare', 'sales', 'salesShare'];
  return {
    headerRows: 2,
    width: 7,
    header: [
      { text: L('head.year'), col: 1, row: 1, rows: 2 },
      { text: L('head.region'), col: 2, row: 1, cols: 2 },
      ...heads.slice(1, 3).map((k, i) => ({ text: L(`head.${k}`), col: 2 + i, row: 2 })),
      ...heads.slice(3).map((k, i) => ({ text: L(`head.${k}`), col: 4 + i, row: 1, rows: 2 })),
    ],
    rows: r.rows.map((x) => [r.period.label, x.province ?? L('none'), x.city ?? L('none'), x.customers, x.customerShare, yuan(x.salesCents), x.salesShare]),
    totals: [L('total'), null, null, r.totals.customers, r.totals.customers ? 100 : 0, yuan(r.totals.salesCents), r.totals.salesCents ? 100 : 0],
  };
}

function salesSheet(s: Sales, L: (k: string) => string): Sheet {
  const n = s.products.length;
  return {
    headerRows: 2,
    width: n + 2,
    header: [
      { text: L('head.customerName'), col: 1, row: 1, rows: 2 },
      ...(n ? [{ text: L('head.productSales'), col: 2, row: 1, cols: n }] : []),
      ...s.products.map((p, i) => ({ text: p.product ?? L('other'), col: 2 + i, row: 2 })),
      { text: L('total'), col: n + 2, row: 1, rows: 2 },
    ],
    rows: s.rows.map((r) => [r.name ?? L('other'), ...r.cells.map(yuan), yuan(r.totalCents)]),
    totals: [L('total'), ...s.products.map((p) => yuan(p.totalCents)), yuan(s.totalCents)],
  };
}

function structureSheet(s: Structure, L: (k: string) => string): Sheet {
  const heads = ['product', 'sales', 'share', 'buyers'];
  return {
    headerRows: 1,
    width: 4,
    header: heads.map((k, i) => ({ text: L(`head.${k}`), col: 1 + i, row: 1 })),
    rows: s.rows.map((r) => [r.product, yuan(r.salesCents), r.share, r.customers]),
    totals: [L('total'), yuan(s.totalCents), s.totalCents ? 100 : 0, null],
  };
}

/** A卡: one block per dimension (source, salesperson, month) under one header, then the totals row. */
function acardSheet(a: ACard, L: (k: string) => string): Sheet {
  const heads = ['dimension', 'item', 'prospects', 'converted', 'lost', 'conversionRate'];
  const block = (dim: string, rows: ACard['bySource'], label: (r: ACard['bySource'][number]) => string): Cell[][] =>
    rows.map((r, i) => [i === 0 ? L(`dim.${dim}`) : null, label(r), r.count, r.converted, r.lost, r.conversionRate]);
  return {
    headerRows: 1,
    width: 6,
    header: heads.map((k, i) => ({ text: L(`head.${k}`), col: 1 + i, row: 1 })),
    rows: [
      ...block('source', a.bySource, (r) => L(`channel.${r.key}`)),
      ...block('salesperson', a.bySalesperson, (r) => r.name ?? r.key),
      ...block('month', a.byMonth, (r) => r.key),
    ],
    totals: [L('total'), null, a.totals.count, a.totals.converted, a.totals.lost, a.totals.conversionRate],
  };
}

/** C卡: one block per dimension (type, region, industry, product, loyalty) with counts and shares of all customers. */
function ccardSheet(c: CCard, L: (k: string) => string): Sheet {
  const heads = ['dimension', 'item', 'customerCount', 'share'];
  const block = (dim: string, rows: { key: string | null; count: number; share: number }[], label: (k: string | null) => string): Cell[][] =>
    rows.map((r, i) => [i === 0 ? L(`dim.${dim}`) : null, label(r.key), r.count, r.share]);
  return {
    headerRows: 1,
    width: 4,
    header: heads.map((k, i) => ({ text: L(`head.${k}`), col: 1 + i, row: 1 })),
    rows: [
      ...block('type', c.byType, (k) => (k ? L(`status.${k}`) : L('none'))),
      ...block('region', c.byRegion, (k) => k ?? L('none')),
      ...block('industry', c.byIndustry, (k) => k ?? L('none')),
      ...block('product', [...c.byProduct.rows, { key: null, count: c.byProduct.noPurchase, share: c.total ? Math.round((c.byProduct.noPurchase / c.total) * 10000) / 100 : 0 }], (k) => k ?? L('noPurchase')),
      ...block('loyalty', [...c.byLoyalty.rows, { key: null, count: c.byLoyalty.unscored, share: c.total ? Math.round((c.byLoyalty.unscored / c.total) * 10000) / 100 : 0 }], (k) => (k ? L(`segment.${k}`) : L('unscored'))),
    ],
    totals: [L('total'), null, c.total, c.total ? 100 : 0],
  };
}

const safe = (v: Cell) => (typeof v === 'string' && isFormulaLike(v) ? `'${v}` : v);

async function writeSheet(sheetName: string, title: string, notes: string[], s: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = Array.from({ length: s.width }, (_, i) => ({ width: i === 0 ? 28 : 14 }));
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(1, 1, 1, s.width);
  notes.forEach((n, i) => {
    ws.getCell(2 + i, 1).value = n;
    ws.mergeCells(2 + i, 1, 2 + i, s.width);
  });
  const top = 2 + notes.length;
  for (const h of s.header) {
    const r = top + h.row - 1;
    const cell = ws.getCell(r, h.col);
    cell.value = h.text;
    if ((h.cols ?? 1) > 1 || (h.rows ?? 1) > 1) ws.mergeCells(r, h.col, r + (h.rows ?? 1) - 1, h.col + (h.cols ?? 1) - 1);
  }
  for (let r = top; r < top + s.headerRows; r++) {
    for (let c = 1; c <= s.width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    }
  }
  const body = [...s.rows, ...(s.totals ? [s.totals] : [])];
  body.forEach((values, i) => {
    const row = ws.getRow(top + s.headerRows + i);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = safe(v);
      cell.border = border;
      if (typeof v === 'number' && !Number.isInteger(v)) cell.numFmt = '0.00';
    });
    if (s.totals && i === body.length - 1) row.font = { bold: true };
  });
  ws.views = [{ state: 'frozen', ySplit: top + s.headerRows - 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
