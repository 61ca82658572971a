import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useTransferCustomers } from './hooks';
import { OwnerSelect } from './OwnerSelect';

interface Values {
  ownerId: number;
  reason: string;
}

interface Props {
  /** The customers to hand over; an empty list closes the modal. */
  customerIds: number[];
  onClose: () => void;
  onDone?: () => void;
}

/** 转移负责人: one or many customers to a new owner, with a required reason (audited on the server). */
export function TransferModal({ customerIds, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const describe = useDescribeError();
  const transfer = useTransferCustomers();
  const open = customerIds.length > 0;

  const close = () => {
    setError(null);
    onClose();
  };

  const onFinish = (v: Values) => {
    setError(null);
    transfer.mutate(
      { customerIds, ownerId: v.ownerId, reason: v.reason.trim() },
      {
        onSuccess: (answer) => {
          void message.success(t('customers.transferred', { count: answer?.transferred ?? customerIds.length }));
          onDone?.();
          close();
        },
        onError: (err) => setError(applyFieldErrors(form, err) ? null : describe(err)),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal<Values>
      name="customerTransfer"
      title={t('customers.transferTitle', { count: customerIds.length })}
      open={open}
      form={form}
      onCancel={close}
      onFinish={onFinish}
      loading={transfer.isPending}
      okText={t('customers.transfer')}
      error={error}
    >
      <Form.Item label={t('customers.newOwner')} name="ownerId" rules={[required]}>
        <OwnerSelect activeOnly placeholder="" />
      </Form.Item>
      <Form.Item label={t('customers.reason')} name="reason" rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
