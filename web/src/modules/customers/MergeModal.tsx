import { Alert, App, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../api/client';
import type { Customer, CustomerListItem } from '../../api/contract/customers';
import { useDescribeError } from '../../components/errors';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FormModal } from '../../components/FormModal';
import { useMergeCustomer } from './hooks';

interface Values {
  mergedId: number;
  reason: string;
}

type Brief = Pick<Customer, 'archiveNo' | 'name' | 'ownerName' | 'phone'>;

/** The few facts that tell two records of the same company apart. */
function CustomerBrief({ title, customer }: { title: string; customer: Brief | null }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Card size="small" title={title} style={{ flex: '1 1 240px', minWidth: 0 }}>
      {customer ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'archiveNo', label: t('customers.archiveNo'), children: customer.archiveNo },
            { key: 'name', label: t('customers.fields.name'), children: customer.name },
            { key: 'owner', label: t('customers.owner'), children: customer.ownerName || none },
            { key: 'phone', label: t('customers.fields.phone'), children: customer.phone || none },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('customers.merge.pickFirst')}</Typography.Text>
      )}
    </Card>
  );
}

interface Props {
  /** The customer that stays (the page's customer). */
  survivor: Customer;
  open: boolean;
  onClose: () => void;
}

/** 合并客户: another record of the same company is merged into this one (contacts, attachments, history move here). */
export function MergeModal({ survivor, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<CustomerListItem | null>(null);
  const describe = useDescribeError();
  const merge = useMergeCustomer(survivor.id);

  useEffect(() => {
    if (open) return;
    setError(null);
    setPicked(null);
  }, [open]);

  const onFinish = (v: Values) => {
    setError(null);
    merge.mutate(
      { mergedId: v.mergedId, reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('customers.merge.done', { archiveNo: picked?.archiveNo ?? '', name: picked?.name ?? '' }));
          onClose();
        },
        onError: (err) => setError(applyFieldErrors(form, err) ? null : describe(err)),
      },
    );
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal<Values>
      name="customerMerge"
      title={t('customers.merge.title', { name: survivor.name })}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={merge.isPending}
      okText={t('customers.merge.submit')}
      error={error}
      width={760}
      danger
    >
      <Form.Item label={t('customers.merge.other')} name="mergedId" rules={[required]} extra={t('customers.merge.otherHint')}>
        <CustomerPicker
          autoFocus
          exclude={[survivor.id]}
          placeholder={t('customers.searchPlaceholder')}
          notFound={t('customers.merge.noMatch')}
          // The picker hands back the search's list row: the brief beside shows its owner and masked phone.
          onChange={(_id, customer) => setPicked((customer as CustomerListItem | undefined) ?? null)}
        />
      </Form.Item>
      <Flex gap={12} wrap style={{ marginBottom: 16 }} role="group" aria-label={t('customers.merge.compare')}>
        <CustomerBrief title={t('customers.merge.keep')} customer={survivor} />
        <CustomerBrief title={t('customers.merge.goes')} customer={picked} />
      </Flex>
      <Alert type="warning" showIcon title={t('customers.merge.warning')} style={{ marginBottom: 16 }} />
      <Form.Item label={t('customers.merge.reason')} name="reason" rules={[{ ...required, whitespace: true }, { min: 2, message: t('customers.merge.reasonShort') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
