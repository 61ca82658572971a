import { Alert, Button, Form, Input, InputNumber, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useCan } from '../auth/hooks';
import { type ReceivableValues, useCreateReceivable, useUpdateReceivable } from './hooks';
import { RECEIVABLE_COLOR, type Receivable } from './types';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Asia/Shanghai
export const money = (v: number) => `¥${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function useSaveError() {
  const describe = useDescribeError();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const onError = (form: Parameters<typeof applyFieldErrors>[0], err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) return setError(t('errors.stale'));
    if (!applyFieldErrors(form, err)) setError(describe(err));
  };
  return { error, setError, onError };
}

/** The state of a receivable, overdue with its days (docs/regulations.md §5). */
export function ReceivableState({ r }: { r: Receivable }) {
  const { t } = useTranslation();
  return <Tag color={RECEIVABLE_COLOR[r.state]}>{r.state === 'overdue' ? t('credit.receivable.overdueDays', { days: r.overdueDays }) : t(`credit.receivable.states.${r.state}`)}</Tag>;
}

/** The columns both lists share; the finance list adds the customer. */
export function useReceivableColumns(opts: { withCustomer: boolean; onPay?: (r: Receivable) => void }): TableColumnsType<Receivable> {
  const { t } = useTranslation();
  const can = useCan();
  return [
    ...(opts.withCustomer
      ? [{ title: t('credit.risk.customer'), key: 'customer', width: 200, render: (_: unknown, r: Receivable) => <Link to={`/customers/${r.customerId}?tab=credit`}>{r.customerName}</Link> }]
      : []),
    { title: t('credit.receivable.docNo'), dataIndex: 'docNo', width: 150 },
    { title: t('credit.receivable.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number) => money(v) },
    { title: t('credit.receivable.dueDate'), dataIndex: 'dueDate', width: 110 },
    { title: t('credit.receivable.paidAmount'), dataIndex: 'paidAmount', width: 130, align: 'right', render: (v: number) => money(v) },
    { title: t('credit.receivable.outstanding'), dataIndex: 'outstanding', width: 130, align: 'right', render: (v: number) => money(v) },
    { title: t('credit.receivable.state'), key: 'state', width: 120, render: (_: unknown, r) => <ReceivableState r={r} /> },
    ...(opts.withCustomer ? [{ title: t('credit.risk.owner'), dataIndex: 'ownerName', width: 100 }] : []),
    ...(opts.onPay && can('credit.receivables')
      ? [
          {
            title: t('credit.receivable.actions'),
            key: 'pay',
            width: 110,
            render: (_: unknown, r: Receivable) =>
              r.state === 'paid' ? null : (
                <Button size="small" onClick={() => opts.onPay!(r)} aria-label={`${t('credit.receivable.pay')} ${r.docNo}`}>
                  {t('credit.receivable.pay')}
                </Button>
              ),
          },
        ]
      : []),
  ];
}

/** 登记应收账款 by finance: document number, amount, due date and what is paid already. */
export function ReceivableFormModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReceivableValues>();
  const save = useCreateReceivable();
  const { error, setError, onError } = useSaveError();
  return (
    <FormModal<ReceivableValues>
      name="credit-receivable"
      title={t('credit.receivable.create')}
      open={open}
      form={form}
      error={error}
      loading={save.isPending}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => {
        setError(null);
        save.mutate(
          { customerId, docNo: v.docNo, amount: v.amount, dueDate: v.dueDate, paidAmount: v.paidAmount ?? undefined, paidDate: v.paidDate || null, notes: v.notes || null },
          {
            onSuccess: () => {
              form.resetFields();
              onClose();
            },
            onError: (err) => onError(form, err),
          },
        );
      }}
    >
      <Form.Item name="docNo" label={t('credit.receivable.docNo')} rules={[{ required: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={64} />
      </Form.Item>
      <Form.Item name="amount" label={t('credit.receivable.amountYuan')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('credit.receivable.dueDate')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="paidAmount" label={t('credit.receivable.paidAmountYuan')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="paidDate" label={t('credit.receivable.paidDate')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="notes" label={t('credit.survey.notes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 登记收款: the amount paid so far and when; paying it all gives the rating back (docs/regulations.md §5). */
export function PaymentModal({ receivable: r, onClose }: { receivable: Receivable; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ paidAmount: number; paidDate: string }>();
  const save = useUpdateReceivable(r.id);
  const { error, setError, onError } = useSaveError();
  return (
    <FormModal<{ paidAmount: number; paidDate: string }>
      name="credit-payment"
      title={t('credit.receivable.payTitle', { docNo: r.docNo })}
      open
      form={form}
      error={error}
      loading={save.isPending}
      initialValues={{ paidAmount: r.amount, paidDate: today() }}
      onCancel={onClose}
      onFinish={(v) => {
        setError(null);
        save.mutate({ paidAmount: v.paidAmount, paidDate: v.paidDate, version: r.version }, { onSuccess: onClose, onError: (err) => onError(form, err) });
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('credit.receivable.payHint', { amount: money(r.amount), outstanding: money(r.outstanding) })} />
      <Form.Item name="paidAmount" label={t('credit.receivable.paidAmountYuan')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} autoFocus />
      </Form.Item>
      <Form.Item name="paidDate" label={t('credit.receivable.paidDate')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

/** A receivables table with the payment dialog. */
export function ReceivablesTable({ items, loading, withCustomer, pagination }: { items: Receivable[]; loading: boolean; withCustomer: boolean; pagination?: Parameters<typeof Table<Receivable>>[0]['pagination'] }) {
  const { t } = useTranslation();
  const [paying, setPaying] = useState<Receivable | null>(null);
  const columns = useReceivableColumns({ withCustomer, onPay: setPaying });
  return (
    <>
      <Table<Receivable>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={pagination ?? false}
        scroll={{ x: withCustomer ? 1100 : 850 }}
        locale={{ emptyText: t('credit.receivable.none') }}
      />
      {paying ? <PaymentModal receivable={paying} onClose={() => setPaying(null)} /> : null}
    </>
  );
}
