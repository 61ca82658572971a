import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { BusinessType, ContractBooking } from '../../api/contract/contracts';
import { CustomerRecordsTable } from '../../components/CustomerRecordsTable';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useCan } from '../auth/hooks';
import { useCustomerBookings, useCustomerContracts, useRecordBooking } from './hooks';
import { BUSINESS_TYPES } from './labels';

interface Values {
  businessType: BusinessType;
  day?: Dayjs | null;
  quantity?: number | null;
  resource?: string;
  contractId?: number | null;
  note?: string;
}

/**
 * 团队/订单 on the customer's page: group stays and orders as recorded; from the size line of their business type on
 * (hotel groups of 30 or more) they must name an effective contract of the customer (docs/regulations.md §13).
 */
export function CustomerBookingsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const list = useCustomerBookings(customerId);
  const contracts = useCustomerContracts(customerId, 1);
  const record = useRecordBooking();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const columns: TableColumnsType<ContractBooking> = [
    { title: t('contracts.booking.day'), dataIndex: 'day', width: 120 },
    { title: t('contracts.booking.businessType'), dataIndex: 'businessType', width: 120, render: (v: BusinessType) => t(`contracts.booking.types.${v}`) },
    { title: t('contracts.booking.quantity'), dataIndex: 'quantity', width: 120, align: 'right', render: (v: number, b) => `${v} ${t(`contracts.booking.units.${b.businessType}`)}` },
    { title: t('contracts.booking.resource'), dataIndex: 'resource', width: 120 },
    { title: t('contracts.booking.contract'), dataIndex: 'contractNo', width: 150, render: (v: string | null, b) => (v && b.contractId ? <Link to={`/contracts/${b.contractId}`}>{v}</Link> : t('common.none')) },
    { title: t('contracts.booking.note'), dataIndex: 'note', width: 200, ellipsis: true },
  ];

  const onFinish = (v: Values) => {
    setError(null);
    record.mutate(
      { customerId, businessType: v.businessType, day: v.day?.format('YYYY-MM-DD') ?? '', quantity: v.quantity ?? 0, resource: v.resource?.trim() || null, contractId: v.contractId ?? null, note: v.note?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('contracts.booking.recorded'));
          setOpen(false);
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };

  const effective = (contracts.data?.items ?? []).filter((c) => c.status === 'effective');
  return (
    <Flex vertical gap={12}>
      {can('contracts.manage') ? (
        <Flex justify="end">
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
            {t('contracts.booking.record')}
          </Button>
        </Flex>
      ) : null}
      <CustomerRecordsTable<ContractBooking> label={t('contracts.booking.tab')} query={list} columns={columns} empty={t('contracts.booking.tabEmpty')} />
      <FormModal<Values>
        name="contractBooking"
        title={t('contracts.booking.recordTitle')}
        open={open}
        form={form}
        onCancel={() => setOpen(false)}
        onFinish={onFinish}
        loading={record.isPending}
        error={error}
        initialValues={{ businessType: 'hotel_group' }}
      >
        <Form.Item label={t('contracts.booking.businessType')} name="businessType" rules={[{ required: true, message: t('common.required') }]}>
          <Select options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`contracts.booking.types.${b}`) }))} />
        </Form.Item>
        <Form.Item label={t('contracts.booking.day')} name="day" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('contracts.booking.quantity')} name="quantity" rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('contracts.booking.resource')} name="resource">
          <Input maxLength={60} placeholder={t('contracts.booking.resourceHint')} />
        </Form.Item>
        <Form.Item label={t('contracts.booking.contract')} name="contractId" extra={t('contracts.booking.contractHint')}>
          <Select allowClear options={effective.map((c) => ({ value: c.id, label: t('common.withNote', { text: c.contractNo, note: c.title }) }))} />
        </Form.Item>
        <Form.Item label={t('contracts.booking.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
