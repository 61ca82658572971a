import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from 'antd';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useUserOptions } from '../admin/users/hooks';
import { type CorrespondenceValues, useFileCorrespondence, useLend, useMaterial, useRequestDownload } from './hooks';

export const KINDS = ['fax', 'letter', 'contract', 'email'] as const;
const today = () => dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

/** A colleague searched on the server (GET /api/users?q=). */
function UserSelect(props: { id?: string; value?: number | null; onChange?: (v: number | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q);
  const options = useMemo(() => (users.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: t('common.withNote', { text: u.displayName, note: u.username }) })), [users.data, t]);
  return <Select allowClear {...props} showSearch={{ filterOption: false, onSearch: setQ }} loading={users.isFetching} options={options} />;
}

/** 往来文书登记: filed with the next index number of the customer (docs/regulations.md §2). */
export function CorrespondenceFormModal({ open, onClose, customerId }: ModalProps & { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<CorrespondenceValues, 'datedOn'> & { datedOn: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const file = useFileCorrespondence(customerId);
  const material = useMaterial(customerId);
  const onError = useDialogSaveError(form, setError, onClose);
  return (
    <FormModal
      name="correspondence"
      title={t('archives.correspondence.create')}
      open={open}
      form={form}
      onCancel={onClose}
      error={error}
      loading={file.isPending}
      initialValues={{ kind: 'letter', direction: 'in', datedOn: today() }}
      onFinish={(v) =>
        file.mutate(
          { ...v, datedOn: v.datedOn.format('YYYY-MM-DD') },
          {
            onSuccess: (row) => {
              void message.success(t('archives.correspondence.filed', { no: row.indexNo }));
              onClose();
            },
            onError,
          },
        )
      }
    >
      <Form.Item name="kind" label={t('archives.correspondence.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group options={KINDS.map((k) => ({ value: k, label: t(`archives.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="direction" label={t('archives.correspondence.direction')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group options={(['in', 'out'] as const).map((d) => ({ value: d, label: t(`archives.directions.${d}`) }))} />
      </Form.Item>
      <Form.Item name="subject" label={t('archives.correspondence.subject')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="counterpart" label={t('archives.correspondence.counterpart')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="datedOn" label={t('archives.correspondence.datedOn')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="attachmentId" label={t('archives.correspondence.attachment')} rules={[{ required: true, message: t('common.required') }]} extra={t('archives.correspondence.attachmentHint')}>
        <Select options={(material.data?.items ?? []).map((m) => ({ value: m.attachmentId, label: m.filename }))} loading={material.isLoading} />
      </Form.Item>
    </FormModal>
  );
}

/** 档案借阅登记: only to someone of the material's department (docs/regulations.md §1). */
export function LoanFormModal({ open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ customerId: number; material: string; borrowerId: number; dueOn?: Dayjs | null; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const lend = useLend();
  const onError = useDialogSaveError(form, setError, onClose);
  return (
    <FormModal
      name="loan"
      title={t('archives.loans.create')}
      open={open}
      form={form}
      onCancel={onClose}
      error={error}
      loading={lend.isPending}
      onFinish={(v) => lend.mutate({ ...v, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null }, { onSuccess: onClose, onError })}
    >
      <Form.Item name="customerId" label={t('archives.loans.customer')} rules={[{ required: true, message: t('common.required') }]}>
        <CustomerPicker />
      </Form.Item>
      <Form.Item name="material" label={t('archives.loans.material')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="borrowerId" label={t('archives.loans.borrower')} rules={[{ required: true, message: t('common.required') }]} extra={t('archives.loans.insideOnly')}>
        <UserSelect />
      </Form.Item>
      <Form.Item name="dueOn" label={t('archives.loans.dueOn')} extra={t('archives.loans.dueHint')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('archives.loans.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 下载申请: the manager approves, then one download within the grant. */
export function DownloadRequestModal({ open, onClose, customerId, attachment }: ModalProps & { customerId: number; attachment: { id: number; filename: string } | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const request = useRequestDownload();
  const onError = useDialogSaveError(form, setError, onClose);
  if (!attachment) return null;
  return (
    <FormModal
      name="downloadRequest"
      title={t('archives.request.title', { filename: attachment.filename })}
      open={open}
      form={form}
      onCancel={onClose}
      error={error}
      loading={request.isPending}
      onFinish={(v) =>
        request.mutate(
          { customerId, attachmentId: attachment.id, reason: v.reason },
          {
            onSuccess: () => {
              void message.success(t('archives.request.sent'));
              onClose();
            },
            onError,
          },
        )
      }
    >
      <Form.Item name="reason" label={t('archives.request.reason')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
