import type { DemoContext } from '../../platform/modules/demo';
import { shanghaiDate } from '../../platform/time';
import type { createTransactionService } from './transactions.service';

type TransactionServices = { transactions: ReturnType<typeof createTransactionService> };

const DAY = 86_400_000;
const PRODUCTS: Record<string, [string, number][]> = {
  default: [['标准件', 120], ['配套耗材', 35], ['技术服务', 2_000], ['备品备件', 480]],
  制造业: [['数控机床配件', 1_800], ['减速机', 6_500], ['轴承', 160], ['液压件', 950]],
  信息技术服务: [['服务器', 42_000], ['网络交换机', 8_600], ['软件许可', 12_000], ['运维服务', 5_000]],
  批发和零售业: [['办公用品', 45], ['日用百货', 28], ['电子元器件', 6], ['劳保用品', 60]],
  建筑业: [['钢材', 4_200], ['电线电缆', 380], ['装饰材料', 150], ['施工机械租赁', 9_000]],
  能源化工: [['润滑油', 900], ['化工原料', 5_600], ['光伏组件', 1_100]],
};

/**
 * Demo: three years of ERP documents for the customers that buy (formal and dormant ones; dormant ones
 * stopped a year ago), about a quarter's purchases per document, and a few returns, refunds and
 * discounts — so the classes by amount, the value panel and the charts have data (docs/regulations.md §3).
 */
export async function transactionsDemo(s: TransactionServices, demo: DemoContext): Promise<void> {
  const { random, clock } = demo;
  const finance = demo.org.byRole('finance')[0];
  const buyers = demo.customers.filter((c) => c.status === 'formal' || c.status === 'dormant');
  const end = clock.end.getTime();
  const items: Parameters<TransactionServices['transactions']['pushBatch']>[1]['items'] = [];
  const salesOf = new Map(demo.org.users.map((u) => [u.id, u.username]));
  let docNo = 0;
  for (const c of buyers) {
    const products = PRODUCTS[c.industry] ?? PRODUCTS.default;
    const stopped = c.status === 'dormant' ? 365 : 0;
    // One document every two to three months, three years back.
    for (let ago = 1095 - random.int(0, 60); ago > stopped; ago -= random.int(60, 100)) {
      const date = shanghaiDate(new Date(end - ago * DAY));
      const [product, listPrice] = random.pick(products);
      const months = 2.7; // the purchases since the last document
      const amount = c.monthlyPurchase * months * (0.5 + random.next());
      const unitPrice = Math.round(listPrice * (0.85 + random.next() * 0.3) * 100) / 100;
      const quantity = Math.max(1, Math.round(amount / unitPrice));
      items.push({ sourceDocNo: `XS${date.replace(/-/g, '')}${String(++docNo).padStart(6, '0')}`, customerId: c.id, date, product, quantity, unitPrice, salesperson: salesOf.get(c.ownerId) ?? null });
    }
  }
  let created = 0;
  for (let i = 0; i < items.length; i += 1000) created += (await s.transactions.pushBatch(finance.ctx, { sourceSystem: 'ERP', items: items.slice(i, i + 1000) })).created;

  // Returns and price concessions on about 3 % of the documents, recorded a few days after the sale.
  const recent = await s.transactions.list(finance.ctx, {}, { page: 1, pageSize: 200, sort: { field: 'date', direction: 'desc' } });
  let returns = 0;
  for (const t of recent.rows) {
    if (!random.chance(0.08)) continue;
    const kind = random.pick(['return', 'refund', 'discount'] as const);
    const date = shanghaiDate(new Date(Math.min(end, new Date(`${t.date}T00:00:00Z`).getTime() + random.int(3, 20) * DAY)));
    await s.transactions.createReturn(finance.ctx, {
      transactionId: t.id,
      kind,
      date,
      amount: Math.max(1, Math.round((t.amount_cents / 100) * (kind === 'return' ? 0.2 : 0.05) * 100) / 100),
      reason: kind === 'return' ? '部分货物规格不符，客户退回' : kind === 'refund' ? '交付延迟，按合同退还部分货款' : '批量采购给予价格折让',
      responsibleParty: kind === 'discount' ? '我方' : random.pick(['我方', '承运方', '客户']),
    });
    returns++;
  }
  demo.report(`${created} 交易, ${returns} 退赔折价 (${buyers.length} 客户, 3 年)`);
}
