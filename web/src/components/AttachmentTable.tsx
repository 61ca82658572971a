import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerAttachment } from '../api/contract/customers';
import { useNotifyError } from './errors';
import { formatDateTime, formatSize } from './format';
import { LoadError } from './status';
import { ATTACHMENT_ACCEPT, useUploadRequest } from './useUploadRequest';

type UploadVars = { file: File; filename: string; onProgress?: (percent: number) => void; signal?: AbortSignal };

/**
 * The files of one record (a contract, a proposal): download links, upload with progress, delete while
 * allowed. Texts come from the owning module's messages under `<messages>.filename`, `.upload`, `.empty` …
 */
export function AttachmentTable(props: {
  messages: string;
  list: UseQueryResult<CustomerAttachment[]>;
  upload: UseMutationResult<CustomerAttachment, unknown, UploadVars>;
  remove: UseMutationResult<unknown, unknown, number>;
  urlOf: (attachmentId: number) => string;
  canUpload: boolean;
  canDelete: boolean;
  hint?: ReactNode;
}) {
  const { messages: m, list, upload, remove, urlOf, canUpload, canDelete, hint } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { uploadProps, error, clearError } = useUploadRequest({
    send: (file, transfer) => upload.mutateAsync({ file, filename: file.name, ...transfer }),
    onUploaded: (filename) => void message.success(t(`${m}.uploaded`, { filename })),
    failedMessage: (filename, reason) => t(`${m}.uploadFailed`, { filename, reason }),
  });
  const inputId = useId();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<CustomerAttachment> = [
    {
      title: t(`${m}.filename`),
      dataIndex: 'filename',
      render: (v: string, a) => (
        <a href={urlOf(a.id)} download={v}>
          <DownloadOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
          {v}
        </a>
      ),
    },
    { title: t(`${m}.size`), dataIndex: 'size', width: 100, align: 'right', render: (v: number) => formatSize(v) },
    { title: t(`${m}.uploadedBy`), dataIndex: 'uploadedByName', width: 110, render: (v: string | null) => v || none },
    { title: t(`${m}.uploadedAt`), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    ...(canDelete
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, a: CustomerAttachment) => (
              <Popconfirm
                title={t(`${m}.deleteConfirm`, { filename: a.filename })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(a.id, { onError: notifyError }).catch(() => undefined)}
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

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {canUpload ? (
        <Flex align="center" gap={12} wrap>
          <label htmlFor={inputId} style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {t(`${m}.file`)}
          </label>
          <Upload id={inputId} multiple accept={ATTACHMENT_ACCEPT} {...uploadProps}>
            <Button icon={<UploadOutlined aria-hidden />}>{t(`${m}.upload`)}</Button>
          </Upload>
          {hint ? <Typography.Text type="secondary">{hint}</Typography.Text> : null}
        </Flex>
      ) : null}
      {error ? <Alert type="error" showIcon closable title={error} onClose={clearError} /> : null}
      <Table<CustomerAttachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: t(`${m}.empty`) }}
      />
    </Flex>
  );
}
