import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerContact } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { useDialogSaveError, useNotifyError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { type ContactInput, useContacts, useDeleteContact, useSaveContact } from './hooks';
import { RevealValue } from './RevealValue';

const ISO = 'YYYY-MM-DD';

interface Values {
  name: string;
  position?: string;
  department?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  birthday?: Dayjs | null;
  birthdayCalendar?: 'solar' | 'lunar';
  notes?: string;
  isKey?: boolean;
}


function toValues(c: CustomerContact | null): Values {
  if (!c) return { name: '', isKey: false, birthdayCalendar: 'solar' };
  return {
    name: c.name,
    position: c.position ?? '',
    department: c.department ?? '',
    mobile: c.mobile ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    birthday: c.birthday ? dayjs(c.birthday, ISO) : null,
    birthdayCalendar: c.birthdayCalendar,
    notes: c.notes ?? '',
    isKey: c.isKey,
  };
}

function toBody(v: Values): Required<ContactInput> {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    position: text(v.position),
    department: text(v.department),
    mobile: text(v.mobile),
    phone: text(v.phone),
    email: text(v.email),
    birthday: v.birthday ? v.birthday.format(ISO) : null,
    birthdayCalendar: v.birthdayCalendar ?? 'solar',
    notes: text(v.notes),
    isKey: !!v.isKey,
  };
}

function ContactModal({ customerId, open, contact, onClose }: { customerId: number; open: boolean; contact: CustomerContact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const saveError = useDialogSaveError(form, setError, onClose);
  const save = useSaveContact(customerId);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(toValues(contact));
  }, [open, contact, form]);

  const onFinish = (v: Values) => {
    setError(null);
    const body = toBody(v);
    let payload: ContactInput & { contactId?: number; version?: number } = body;
    if (contact) {
      // Only what changed (the phones come masked: untouched, they are not sent back).
      const before = toBody(toValues(contact));
      const changed: ContactInput = {};
      for (const k of Object.keys(body) as (keyof ContactInput)[]) {
        if (body[k] !== before[k]) (changed as Record<string, unknown>)[k] = body[k];
      }
      if (Object.keys(changed).length === 0) {
        onClose();
        return;
      }
      payload = { ...changed, contactId: contact.id, version: contact.version };
    }
    save.mutate(payload, {
      onSuccess: () => {
        void message.success(t('customers.contacts.saved'));
        onClose();
      },
      onError: saveError,
    });
  };

  return (
    <FormModal<Values>
      name="customerContact"
      title={contact ? t('customers.contacts.editTitle', { name: contact.name }) : t('customers.contacts.addTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={save.isPending}
      error={error}
    >
      <Form.Item label={t('customers.contacts.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={50} autoComplete="off" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item label={t('customers.contacts.position')} name="position" style={{ flex: '1 1 180px' }}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('customers.contacts.department')} name="department" style={{ flex: '1 1 180px' }}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          label={t('customers.contacts.mobile')}
          name="mobile"
          style={{ flex: '1 1 180px' }}
          extra={contact?.mobile ? t('customers.maskedHint') : undefined}
        >
          <Input inputMode="tel" maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('customers.contacts.phone')}
          name="phone"
          style={{ flex: '1 1 180px' }}
          extra={contact?.phone ? t('customers.maskedHint') : undefined}
        >
          <Input inputMode="tel" maxLength={30} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item label={t('customers.contacts.email')} name="email" style={{ flex: '1 1 180px' }}>
          <Input inputMode="email" maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('customers.contacts.birthday')} name="birthday" style={{ flex: '1 1 180px' }}>
          <DatePicker format={ISO} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('customers.contacts.birthdayCalendar')} name="birthdayCalendar" style={{ flex: '1 1 140px' }}>
          <Select options={(['solar', 'lunar'] as const).map((v) => ({ value: v, label: t(`customers.contacts.calendars.${v}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('customers.contacts.notes')} name="notes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item label={t('customers.contacts.isKey')} name="isKey" valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

/** 联系人 (客户关系卡) of one customer. */
export function ContactsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const isMobile = useIsMobile();
  const contacts = useContacts(customerId);
  const remove = useDeleteContact(customerId);
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<{ open: boolean; contact: CustomerContact | null }>({ open: false, contact: null });
  const canEdit = can('customers.update');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<CustomerContact> = [
    {
      title: t('customers.contacts.name'),
      dataIndex: 'name',
      width: 140,
      fixed: isMobile ? undefined : 'left',
      render: (v: string, c) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {c.isKey ? <Tag color="gold">{t('customers.contacts.keyTag')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('customers.contacts.position'), dataIndex: 'position', width: 120, render: (v: string | null) => v || none },
    { title: t('customers.contacts.department'), dataIndex: 'department', width: 120, render: (v: string | null) => v || none },
    {
      title: t('customers.contacts.mobile'),
      dataIndex: 'mobile',
      width: 170,
      render: (v: string | null, c) => <RevealValue customerId={customerId} field="contactMobile" contactId={c.id} masked={v} label={`${c.name} ${t('customers.contacts.mobile')}`} />,
    },
    {
      title: t('customers.contacts.phone'),
      dataIndex: 'phone',
      width: 170,
      render: (v: string | null, c) => <RevealValue customerId={customerId} field="contactPhone" contactId={c.id} masked={v} label={`${c.name} ${t('customers.contacts.phone')}`} />,
    },
    { title: t('customers.contacts.email'), dataIndex: 'email', width: 180, render: (v: string | null) => v || none },
    { title: t('customers.contacts.birthday'), dataIndex: 'birthday', width: 130, render: (v: string | null, c) => (v ? (c.birthdayCalendar === 'lunar' ? `${v} ${t('customers.contacts.calendars.lunar')}` : v) : none) },
    { title: t('customers.contacts.notes'), dataIndex: 'notes', width: 200, ellipsis: true, render: (v: string | null) => v || none },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            fixed: isMobile ? undefined : ('right' as const),
            render: (_: unknown, c: CustomerContact) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ open: true, contact: c })} aria-label={`${t('common.edit')} ${c.name}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('customers.contacts.deleteConfirm', { name: c.name })}
                  okText={t('common.ok')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove
                      .mutateAsync(c.id, { onSuccess: () => void message.success(t('customers.contacts.deleted')), onError: notifyError })
                      .catch(() => undefined)
                  }
                >
                  <Button type="link" size="small" danger aria-label={`${t('common.delete')} ${c.name}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  if (contacts.isError && !contacts.data) return <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  return (
    <>
      {canEdit ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ open: true, contact: null })}>
            {t('customers.contacts.add')}
          </Button>
        </Flex>
      ) : null}
      <Table<CustomerContact>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={contacts.data ?? []}
        loading={contacts.isFetching}
        scroll={{ x: 1340 }}
        pagination={false}
        locale={{ emptyText: t('customers.contacts.empty') }}
      />
      <ContactModal customerId={customerId} open={editing.open} contact={editing.contact} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </>
  );
}
