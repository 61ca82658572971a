import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentKind, CustomerAttachment } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { useNotifyError } from '../../components/errors';
import { formatDateTime, formatSize } from '../../components/format';
import { LoadError } from '../../components/status';
import { ATTACHMENT_ACCEPT, useUploadRequest } from '../../components/useUploadRequest';
import { useCan } from '../auth/hooks';
import { attachmentUrl, useAttachments, useDeleteAttachment, useUploadAttachment } from './hooks';

export const ATTACHMENT_KINDS: AttachmentKind[] = ['fax', 'contract', 'letter', 'other'];
const KIND_COLOR: Record<string, string> = { fax: 'purple', contract: 'gold', letter: 'cyan', other: 'default' };

export function attachmentKindLabel(t: TFunction, kind: string): string {
  return t(`customers.attachments.kinds.${kind}`, { defaultValue: kind });
}

interface UploadValues {
  kind: AttachmentKind;
  description?: string;
}

/** 附件: faxes, contracts and letters filed with the customer; newest first. */
export function AttachmentsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const isMobile = useIsMobile();
  const canEdit = can('customers.update');
  const attachments = useAttachments(customerId);
  const upload = useUploadAttachment(customerId);
  const remove = useDeleteAttachment(customerId);
  const notifyError = useNotifyError();
  const [form] = Form.useForm<UploadValues>();
  const { uploadProps, error, clearError } = useUploadRequest({
    send: (file, transfer) => {
      const { kind, description } = form.getFieldsValue();
      return upload.mutateAsync({ file, filename: file.name, kind: kind ?? 'other', description, ...transfer });
    },
    onUploaded: (filename) => {
      form.setFieldValue('description', undefined);
      void message.success(t('customers.attachments.uploaded', { filename }));
    },
    failedMessage: (filename, reason) => t('customers.attachments.uploadFailed', { filename, reason }),
  });
  const fileInputId = useId();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<CustomerAttachment> = [
    {
      title: t('customers.attachments.filename'),
      dataIndex: 'filename',
      width: 260,
      render: (v: string, a) => (
        <Flex vertical align="start">
          <a href={attachmentUrl(customerId, a.id)} download={v} title={t('customers.attachments.download')}>
            <DownloadOutlined style={{ marginInlineEnd: 4 }} />
            {v}
          </a>
          {a.description ? <Typography.Text type="secondary">{a.description}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      title: t('customers.attachments.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (v: string) => <Tag color={KIND_COLOR[v]}>{attachmentKindLabel(t, v)}</Tag>,
    },
    { title: t('customers.attachments.size'), dataIndex: 'size', width: 100, align: 'right', render: (v: number) => formatSize(v) },
    { title: t('customers.attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 110, render: (v: string | null) => v || none },
    { title: t('customers.attachments.uploadedAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, a: CustomerAttachment) => (
              <Popconfirm
                title={t('customers.attachments.deleteConfirm', { filename: a.filename })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove
                    .mutateAsync(a.id, { onSuccess: () => void message.success(t('customers.attachments.deleted')), onError: notifyError })
                    .catch(() => undefined)
                }
              >
                <Button type="link" size="small" danger aria-label={`${t('common.delete')} ${a.filename}`}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  if (attachments.isError && !attachments.data) return <LoadError error={attachments.error} onRetry={() => void attachments.refetch()} />;
  return (
    <>
      {canEdit ? (
        <Form<UploadValues>
          form={form}
          name="attachmentUpload"
          layout={isMobile ? 'vertical' : 'inline'}
          initialValues={{ kind: 'other' }}
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={() => undefined}
        >
          <Form.Item label={t('customers.attachments.kind')} name="kind">
            <Select style={{ width: isMobile ? '100%' : 110 }} options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: attachmentKindLabel(t, k) }))} />
          </Form.Item>
          <Form.Item label={t('customers.attachments.description')} name="description">
            <Input maxLength={200} allowClear autoComplete="off" style={{ width: isMobile ? '100%' : 220 }} />
          </Form.Item>
          <Form.Item label={t('customers.attachments.file')} htmlFor={fileInputId} extra={isMobile ? t('customers.attachments.hint') : undefined}>
            <Upload id={fileInputId} multiple accept={ATTACHMENT_ACCEPT} {...uploadProps} showUploadList={{ showRemoveIcon: true }}>
              <Button icon={<UploadOutlined />}>{t('customers.attachments.upload')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      ) : null}
      {canEdit && !isMobile ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('customers.attachments.hint')}
        </Typography.Paragraph>
      ) : null}
      {error ? <Alert type="error" showIcon closable title={error} onClose={clearError} style={{ marginBottom: 12 }} /> : null}
      <Table<CustomerAttachment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={attachments.data ?? []}
        loading={attachments.isFetching}
        scroll={{ x: canEdit ? 790 : 710 }}
        pagination={false}
        locale={{ emptyText: t('customers.attachments.empty') }}
      />
    </>
  );
}
