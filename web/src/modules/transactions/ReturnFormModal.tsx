import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { useDescribeError } from '../../components/errors';
import { useCreateReturn, useTransactions } from './hooks';
import { RETURN_KINDS, formatYuan, kindLabel } from './labels';
import type { ReturnKind } from '../../api/contract/transactions';

interface Values {
  transactionId?: number;
  kind?: ReturnKind;
  date?: Dayjs | null;
  amount?: number | null;
  reason?: string;
  responsibleParty?: string;
}

/** 退赔折价 of a customer (archive section 4): for one of its transactions or for the customer as a whole. */
export function ReturnFormModal({ open, onClose, customerId }: { open: boolean; onClose: () => void; customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateReturn();
  const describe = useDescribeError();
  const recent = useTransactions({ customerId, page: 1, pageSize: 100, sort: '-date' });
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) => {
    setError(null);
    create.mutate(
      {
        ...(v.transactionId ? { transactionId: v.transactionId } : { customerId }),
        kind: v.kind!,
        date: v.date ? v.date.format('YYYY-MM-DD') : '',
        amount: v.amount ?? 0,
        reason: v.reason ?? '',
        responsibleParty: v.responsibleParty ?? '',
      },
      {
        onSuccess: () => {
          void message.success(t('transactions.returns.created'));
          onClose();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      name="returnForm"
      title={t('transactions.returns.create')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={create.isPending}
      error={error}
      initialValues={{ kind: 'return', date: dayjs() }}
    >
      <Form.Item label={t('transactions.returns.fields.kind')} name="kind" rules={[required]}>
        <Select autoFocus options={RETURN_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
      </Form.Item>
      <Form.Item label={t('transactions.returns.fields.transaction')} name="transactionId">
        <Select
          allowClear
          placeholder={t('transactions.returns.transactionPlaceholder')}
          options={(recent.data?.items ?? []).map((x) => ({
            value: x.id,
            label: t('common.withNote', { text: `${x.date} ${x.product}`, note: formatYuan(x.amount) }),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('transactions.returns.fields.date')} name="date" rules={[required]}>
        <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('transactions.returns.fields.amount')} name="amount" rules={[required]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('transactions.returns.fields.reason')} name="reason" rules={[required]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item label={t('transactions.returns.fields.responsibleParty')} name="responsibleParty" rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
