import { App, DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FormModal } from '../../components/FormModal';
import { useDescribeError } from '../../components/errors';
import { useCurrentUser } from '../auth/hooks';
import { useCreateTransaction } from './hooks';

const ISO = 'YYYY-MM-DD';

interface Values {
  customerId?: number;
  date?: Dayjs | null;
  product?: string;
  model?: string;
  quantity?: number | null;
  unitPrice?: number | null;
  amount?: number | null;
  sourceDocNo?: string;
}

/**
 * 新增交易记录, by hand (archive section 3). From a customer's tab the customer is fixed; the salesperson is
 * the person entering it. The server recomputes the customer's class at once.
 */
export function TransactionFormModal({ open, onClose, customerId }: { open: boolean; onClose: () => void; customerId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateTransaction();
  const describe = useDescribeError();
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) => {
    setError(null);
    create.mutate(
      {
        customerId: customerId ?? v.customerId!,
        date: v.date ? v.date.format(ISO) : '',
        product: v.product ?? '',
        model: v.model?.trim() || null,
        quantity: v.quantity ?? 0,
        unitPrice: v.unitPrice ?? 0,
        amount: v.amount ?? null,
        salespersonId: me.id,
        sourceDocNo: v.sourceDocNo?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('transactions.created'));
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
      name="transactionForm"
      title={t('transactions.createTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={create.isPending}
      error={error}
      initialValues={{ date: dayjs(), quantity: 1 }}
    >
      {customerId ? null : (
        <Form.Item label={t('transactions.fields.customer')} name="customerId" rules={[required]}>
          <CustomerPicker autoFocus placeholder={t('transactions.customerPlaceholder')} notFound={t('transactions.noCustomer')} />
        </Form.Item>
      )}
      <Form.Item label={t('transactions.fields.date')} name="date" rules={[required]}>
        <DatePicker format={ISO} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('transactions.fields.product')} name="product" rules={[required]}>
        <Input maxLength={200} autoFocus={!!customerId} />
      </Form.Item>
      <Form.Item label={t('transactions.fields.model')} name="model">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('transactions.fields.quantity')} name="quantity" rules={[required]}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('transactions.fields.unitPrice')} name="unitPrice" rules={[required]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('transactions.fields.amount')} name="amount" extra={t('transactions.amountHint')}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('transactions.fields.sourceDocNo')} name="sourceDocNo">
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}
