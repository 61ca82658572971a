import { describe, expect, it } from 'vitest';
import { autoMapFor, parseAmount, parseDate, parseRow, unmappedRequired } from './import.rules';

describe('transactions import rules', () => {
  it('reads the dates people type in Chinese spreadsheets, and refuses a day that does not exist', () => {
    expect(['2026-6-5', '2026/06/05', '2026.6.5', '2026年6月5日', '20260605'].map(parseDate)).toEqual(Array(5).fill('2026-06-05'));
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('6/5/2026')).toBeNull();
  });

  it('reads amounts with thousands separators, a yuan sign or 元, and nothing else', () => {
    expect(['1,234.50', '¥1234.5', '1234.5元', '１２３４.５'].map(parseAmount)).toEqual([1234.5, 1234.5, 1234.5, 1234.5]);
    expect(parseAmount('一千')).toBeNull();
  });

  it('maps Chinese, traditional and English headers, and asks for the customer when neither number nor name is there', () => {
    expect(autoMapFor('transactions')(['销售单号', '客戶名稱', '开单日期', '品名', '數量', '含税单价', '价税合计', '业务员', 'Contract No'])).toEqual([
      'sourceDocNo',
      'customerName',
      'date',
      'product',
      'quantity',
      'unitPrice',
      'amount',
      'salesperson',
      'contractNo',
    ]);
    expect(autoMapFor('returns')(['退赔单号', '原销售单号', '处理方式', '退货日期', '退赔金额', '退赔原因', '责任方'])).toEqual([
      'sourceDocNo',
      'transactionDocNo',
      'kind',
      'date',
      'amount',
      'reason',
      'responsibleParty',
    ]);
    expect(unmappedRequired('transactions', ['sourceDocNo', 'date', 'product', 'quantity', 'unitPrice'])).toEqual(['customerName']);
    expect(unmappedRequired('returns', ['sourceDocNo', 'transactionDocNo', 'kind', 'date', 'amount', 'reason', 'responsibleParty'])).toEqual([]);
  });

  it('names every bad cell of a row with its field and column', () => {
    const mapping = ['sourceDocNo', 'customerName', 'date', 'product', 'quantity', 'unitPrice'];
    const bad = parseRow('transactions', ['', '北京华宇', '2026-13-01', '客房', '-1', 'abc'], mapping);
    expect(bad.values).toBeNull();
    expect(bad.issues.map((i) => [i.field, i.column, i.key])).toEqual([
      ['sourceDocNo', 0, 'validation.required'],
      ['date', 2, 'validation.date'],
      ['quantity', 4, 'transaction.quantity_invalid'],
      ['unitPrice', 5, 'transaction.price_invalid'],
    ]);
    const ok = parseRow('transactions', ['XS-1', '北京华宇', '2026-1-2', '客房', '2', '650'], mapping);
    expect(ok.values).toMatchObject({ sourceDocNo: 'XS-1', customerName: '北京华宇', date: '2026-01-02', quantity: 2, unitPriceCents: 65000, amountCents: null });
    expect(parseRow('returns', ['TH-1', '北京华宇', '2026-1-2', '折價', '100', '空调故障', '我方'], ['sourceDocNo', 'customerName', 'date', 'kind', 'amount', 'reason', 'responsibleParty']).values).toMatchObject({ kind: 'discount', amountCents: 10000 });
  });
});
