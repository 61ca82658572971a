import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadFile, UploadProps } from 'antd';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { AttachmentKind, CustomerAttachment } from '../../api/types';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime, formatSize } from '../../components/format';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { attachmentUrl, useAttachments, useDeleteAttachment, useUploadAttachment } from './hooks';

export const ATTACHMENT_KINDS: AttachmentKind[] = ['fax', 'contract', 'letter', 'other'];
const KIND_COLOR: Record<string, string> = { fax: 'purple', contract: 'gold', letter: 'cyan', other: 'default' };
/** What the server accepts (judged by content there; this only narrows the file dialog). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx';

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
  const describe = useDescribeError();
  const [form] = Form.useForm<UploadValues>();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fileInputId = useId();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  /** The server's words for a refused file (415 type, 413 size) sit on the `file` field. */
  const uploadError = (err: unknown, filename: string) => {
    const text = err instanceof ApiError ? (err.fields.find((f) => f.field === 'file')?.message ?? describe(err)) : describe(err);
    return t('customers.attachments.uploadFailed', { filename, reason: text });
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const f = file as File;
    const { kind, description } = form.getFieldsValue();
    const controller = new AbortController();
    setError(null);
    upload
      .mutateAsync({
        file: f,
        filename: f.name,
        kind: kind ?? 'other',
        description,
        onProgress: (percent) => onProgress?.({ percent }),
        signal: controller.signal,
      })
      .then((answer) => {
        onSuccess?.(answer);
        form.setFieldValue('description', undefined);
        void message.success(t('customers.attachments.uploaded', { filename: answer?.filename ?? f.name }));
      })
      .catch((err: unknown) => {
        if ((err as Error)?.name === 'AbortError') return;
        onError?.(err as Error);
        // Shown above the table until closed or the next upload (a toast would vanish before it is read).
        setError(uploadError(err, f.name));
      });
    return { abort: () => controller.abort() };
  };

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
            <Upload
              id={fileInputId}
              multiple
              accept={ACCEPT}
              customRequest={customRequest}
              fileList={uploading}
              // Finished uploads appear in the table; the list under the button shows only those still sending.
              onChange={(info) => setUploading(info.fileList.filter((f) => f.status === 'uploading'))}
              showUploadList={{ showRemoveIcon: true }}
            >
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
      {error ? <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
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
