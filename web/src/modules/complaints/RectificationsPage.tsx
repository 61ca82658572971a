import { App, Button, Card, Checkbox, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useReplyRectification, useRectifications } from './hooks';
import type { Rectification } from '../../api/contract/complaints';

function ReplyDialog({ notice, onClose }: { notice: Rectification | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<{ reply: string }>();
  const [error, setError] = useState<string | null>(null);
  const reply = useReplyRectification();
  if (!notice) return null;
  return (
    <FormModal<{ reply: string }>
      name="rectificationReply"
      title={t('complaints.rectification.replyTitle', { no: notice.noticeNo })}
      open
      form={form}
      onCancel={onClose}
      loading={reply.isPending}
      okText={t('complaints.rectification.reply')}
      error={error}
      onFinish={(v) =>
        reply.mutate(
          { id: notice.id, reply: v.reply, version: notice.version },
          {
            onSuccess: () => {
              void message.success(t('complaints.rectification.replied'));
              onClose();
            },
            onError: (err) => {
              if (err instanceof ApiError && err.isStaleVersion) setError(t('errors.stale'));
              else if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          },
        )
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{notice.requirement}</Typography.Paragraph>
      <Form.Item name="reply" label={t('complaints.rectification.replyLabel')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={5} maxLength={4000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

/** 问题整改通知单 as a table with the reply action, for the complaint page and the notices page. */
export function RectificationTable({ items, showComplaint = true, focus, pagination = false }: { items: Rectification[]; showComplaint?: boolean; focus?: number; pagination?: TableProps<Rectification>['pagination'] }) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState<Rectification | null>(null);
  const columns: TableColumnsType<Rectification> = [
    { title: t('complaints.rectification.noticeNo'), dataIndex: 'noticeNo', width: 190 },
    ...(showComplaint
      ? [{ title: t('complaints.fields.complaintNo'), dataIndex: 'complaintNo', width: 140, render: (v: string, r: Rectification) => <Link to={`/complaints/${r.complaintId}`}>{v}</Link> }]
      : []),
    { title: t('complaints.rectification.department'), dataIndex: 'departmentName', width: 110 },
    { title: t('complaints.rectification.recipient'), dataIndex: 'recipientName', width: 100 },
    { title: t('complaints.rectification.requirement'), dataIndex: 'requirement', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
    {
      title: t('complaints.rectification.dueDate'),
      dataIndex: 'dueDate',
      width: 110,
      render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: t('complaints.rectification.status'),
      dataIndex: 'status',
      width: 220,
      render: (v: string, r) =>
        v === 'replied' ? (
          <div>
            <Tag color="success">{t('complaints.rectification.statusReplied')}</Tag>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.reply}</div>
            <Typography.Text type="secondary">{`${r.repliedByName ?? ''} ${formatDateTime(r.repliedAt)}`}</Typography.Text>
          </div>
        ) : (
          <Flex gap={8} align="center" wrap>
            <Tag color={r.overdue ? 'error' : 'processing'}>{t(r.overdue ? 'complaints.rectification.statusOverdue' : 'complaints.rectification.statusOpen')}</Tag>
            {r.canReply ? (
              <Button size="small" type={focus === r.id ? 'primary' : 'default'} onClick={() => setReplying(r)}>
                {t('complaints.rectification.reply')}
              </Button>
            ) : null}
          </Flex>
        ),
    },
  ];
  return (
    <>
      <Table<Rectification> rowKey="id" size="small" pagination={pagination} dataSource={items} columns={columns} scroll={{ x: 900 }} />
      <ReplyDialog notice={replying} onClose={() => setReplying(null)} />
    </>
  );
}

/** /complaints/rectifications — the notices the user issued or must answer (?focus= highlights one). */
export default function RectificationsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as 'open' | 'replied' | null) ?? undefined;
  const mine = params.get('mine') === '1';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useRectifications({ status, mine, page, pageSize: 20 });
  const focus = Number(params.get('focus')) || undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <PageContainer title={t('complaints.rectification.listTitle')}>
      <Card size={isMobile ? 'small' : 'default'}>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <label>
            {t('complaints.rectification.status')}{' '}
            <Select
              allowClear
              aria-label={t('complaints.rectification.status')}
              placeholder={t('common.all')}
              style={{ width: 120 }}
              value={status}
              onChange={(v: string | undefined) => set({ status: v, page: undefined })}
              options={[
                { value: 'open', label: t('complaints.rectification.statusOpen') },
                { value: 'replied', label: t('complaints.rectification.statusReplied') },
              ]}
            />
          </label>
          <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked ? '1' : undefined, page: undefined })}>
            {t('complaints.rectification.mine')}
          </Checkbox>
        </Flex>
        {list.isError && !list.data ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
          <RectificationTable
            items={list.data?.items ?? []}
            focus={focus}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p) => set({ page: p > 1 ? String(p) : undefined }), showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
