import { App, Button, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
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

/** The columns of 问题整改通知单, with the reply button on the notices the user must answer. */
function rectificationColumns(t: TFunction, { showComplaint, focus, onReply }: { showComplaint: boolean; focus?: number; onReply: (r: Rectification) => void }): ListColumn<Rectification>[] {
  return [
    { key: 'noticeNo', title: t('complaints.rectification.noticeNo'), dataIndex: 'noticeNo', width: 190 },
    ...(showComplaint
      ? [{ key: 'complaintNo', title: t('complaints.fields.complaintNo'), dataIndex: 'complaintNo', width: 140, render: (v: string, r: Rectification) => <Link to={`/complaints/${r.complaintId}`}>{v}</Link> }]
      : []),
    { key: 'department', title: t('complaints.rectification.department'), dataIndex: 'departmentName', width: 110 },
    { key: 'recipient', title: t('complaints.rectification.recipient'), dataIndex: 'recipientName', width: 100 },
    { key: 'requirement', title: t('complaints.rectification.requirement'), dataIndex: 'requirement', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
    {
      key: 'dueDate',
      title: t('complaints.rectification.dueDate'),
      dataIndex: 'dueDate',
      width: 110,
      render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      key: 'status',
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
              <Button size="small" type={focus === r.id ? 'primary' : 'default'} onClick={() => onReply(r)}>
                {t('complaints.rectification.reply')}
              </Button>
            ) : null}
          </Flex>
        ),
    },
  ];
}

/** 问题整改通知单 of one complaint, with the reply action. */
export function RectificationTable({ items, showComplaint = true, focus }: { items: Rectification[]; showComplaint?: boolean; focus?: number }) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState<Rectification | null>(null);
  return (
    <>
      <Table<Rectification> rowKey="id" size="small" pagination={false} dataSource={items} columns={rectificationColumns(t, { showComplaint, focus, onReply: setReplying })} scroll={{ x: 900 }} />
      <ReplyDialog notice={replying} onClose={() => setReplying(null)} />
    </>
  );
}

/** /complaints/rectifications — the notices the user issued or must answer (?focus= highlights one). */
export default function RectificationsPage() {
  const { t } = useTranslation();
  const [replying, setReplying] = useState<Rectification | null>(null);
  const list = useListState([
    {
      name: 'status',
      kind: 'select',
      allowed: ['open', 'replied'],
      label: t('complaints.rectification.status'),
      width: 120,
      options: [
        { value: 'open', label: t('complaints.rectification.statusOpen') },
        { value: 'replied', label: t('complaints.rectification.statusReplied') },
      ],
    },
    { name: 'mine', kind: 'flag', text: t('complaints.rectification.mine') },
  ]);
  const f = list.state.filters;
  const notices = useRectifications({ status: f.status as 'open' | 'replied' | undefined, mine: !!f.mine, page: list.state.page, pageSize: list.state.pageSize });
  const focus = Number(list.params.get('focus')) || undefined;
  return (
    <PageContainer title={t('complaints.rectification.listTitle')}>
      <ListPage<Rectification>
        emptyHint={{ description: t('complaints.rectification.emptyHint.description'), action: null }}
        list={list}
        formName="rectificationFilters"
        query={notices}
        columns={rectificationColumns(t, { showComplaint: true, focus, onReply: setReplying })}
        tableProps={{ size: 'small', scroll: { x: 900 } }}
      />
      <ReplyDialog notice={replying} onClose={() => setReplying(null)} />
    </PageContainer>
  );
}
