import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerAttachment } from '../../api/contract/customers';
import { useNotifyError } from '../../components/errors';
import { formatDateTime, formatSize } from '../../components/format';
import { LoadError } from '../../components/status';
import { ATTACHMENT_ACCEPT, useUploadRequest } from '../../components/useUploadRequest';
import { proposalAttachmentUrl, useDeleteProposalAttachment, useProposalAttachments, useUploadProposalAttachment } from './hooks';

/** The files of a 客户提案表 (sketches, photos, calculations); only a draft's can be removed. */
export function ProposalAttachments({ proposalId, canUpload, canDelete }: { proposalId: number; canUpload: boolean; canDelete: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useProposalAttachments(proposalId);
  const upload = useUploadProposalAttachment(proposalId);
  const remove = useDeleteProposalAttachment(proposalId);
  const notifyError = useNotifyError();
  const { uploadProps, error, clearError } = useUploadRequest({
    send: (file, transfer) => upload.mutateAsync({ file, filename: file.name, ...transfer }),
    onUploaded: (filename) => void message.success(t('proposals.attachments.uploaded', { filename })),
    failedMessage: (filename, reason) => t('proposals.attachments.uploadFailed', { filename, reason }),
  });
  const inputId = useId();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: TableColumnsType<CustomerAttachment> = [
    {
      title: t('proposals.attachments.filename'),
      dataIndex: 'filename',
      render: (v: string, a) => (
        <a href={proposalAttachmentUrl(proposalId, a.id)} download={v}>
          <DownloadOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
          {v}
        </a>
      ),
    },
    { title: t('proposals.attachments.size'), dataIndex: 'size', width: 100, align: 'right', render: (v: number) => formatSize(v) },
    { title: t('proposals.attachments.uploadedBy'), dataIndex: 'uploadedByName', width: 110, render: (v: string | null) => v || none },
    { title: t('proposals.attachments.uploadedAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    ...(canDelete
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, a: CustomerAttachment) => (
              <Popconfirm
                title={t('proposals.attachments.deleteConfirm', { filename: a.filename })}
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
            {t('proposals.attachments.file')}
          </label>
          <Upload id={inputId} multiple accept={ATTACHMENT_ACCEPT} {...uploadProps}>
            <Button icon={<UploadOutlined aria-hidden />}>{t('proposals.attachments.upload')}</Button>
          </Upload>
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
        locale={{ emptyText: t('proposals.attachments.empty') }}
      />
    </Flex>
  );
}
