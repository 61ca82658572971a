import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Popconfirm, Result, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import type { TaskDetail } from '../../api/contract/workflow';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCommentTask, useCompleteTask, useTask, useUpdateTask } from './hooks';
import { TaskDue, TaskStatusTag, sourceLabel } from './labels';
import { TaskFormModal } from './TaskFormModal';

function CompleteModal({ task, open, onClose }: { task: TaskDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const describe = useDescribeError();
  const complete = useCompleteTask(task.id);
  return (
    <FormModal<{ note?: string }>
      name="taskComplete"
      title={t('workflow.tasks.completeTitle', { title: task.title })}
      open={open}
      form={form}
      onCancel={onClose}
      okText={t('workflow.tasks.complete')}
      loading={complete.isPending}
      error={error}
      onFinish={(v) =>
        complete.mutate(
          { note: v.note?.trim() || null, version: task.version },
          {
            onSuccess: () => {
              void message.success(t('workflow.tasks.completedOk'));
              onClose();
            },
            onError: (err) => {
              if (err instanceof ApiError && err.isStaleVersion) {
                void message.error(t('errors.stale'));
                onClose();
              } else if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          },
        )
      }
    >
      <Form.Item name="note" label={t('workflow.tasks.fields.completionNote')}>
        <Input.TextArea rows={4} maxLength={2000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

function Comments({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [form] = Form.useForm<{ body: string }>();
  const comment = useCommentTask(task.id);
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{t('workflow.tasks.comments')}</Typography.Title>}>
      {task.comments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.tasks.noComments')} /> : null}
      <ol aria-label={t('workflow.tasks.comments')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {task.comments.map((c) => (
          <li key={c.id} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, paddingBlock: 8 }}>
            <Flex gap={8} wrap>
              <Typography.Text strong>{c.authorName}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.body}</Typography.Paragraph>
          </li>
        ))}
      </ol>
      <Form
        form={form}
        name="taskComment"
        layout="vertical"
        style={{ marginTop: 12 }}
        onFinish={(v) => {
          setError(null);
          comment.mutate(v.body.trim(), {
            onSuccess: () => form.resetFields(),
            onError: (err) => {
              if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          });
        }}
      >
        <Form.Item
          name="body"
          label={t('workflow.tasks.commentLabel')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('workflow.tasks.commentPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={comment.isPending}>
          {t('workflow.tasks.addComment')}
        </Button>
      </Form>
    </Card>
  );
}

/** One task: its facts, the record it serves, complete / edit / cancel, and the comments (issue 4 §2). */
export default function TaskDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const task = useTask(id);
  const update = useUpdateTask(id);
  const notifyError = useNotifyError();
  const [completing, setCompleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  if (task.isPending && Number.isInteger(id) && id > 0) return <Skeleton active />;
  if (task.isError && !(task.error instanceof ApiError && task.error.status === 404)) return <LoadError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) {
    return (
      <Result
        status="404"
        title={t('workflow.tasks.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/tasks')}>
            {t('workflow.tasks.back')}
          </Button>
        }
      />
    );
  }
  const d = task.data;

  const setStatus = (status: 'open' | 'cancelled') =>
    update.mutate(
      { status, version: d.version },
      {
        onSuccess: () => void message.success(status === 'open' ? t('workflow.tasks.reopenedOk') : t('workflow.tasks.cancelledOk')),
        onError: notifyError,
      },
    );

  return (
    <PageContainer
      title={d.title}
      extra={
        <>
          <Button onClick={() => navigate('/tasks')}>{t('workflow.tasks.back')}</Button>
          {d.canEdit && d.status === 'open' ? (
            <Popconfirm title={t('workflow.tasks.cancelConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => setStatus('cancelled')}>
              <Button loading={update.isPending}>{t('workflow.tasks.cancel')}</Button>
            </Popconfirm>
          ) : null}
          {d.canEdit && d.status === 'cancelled' ? (
            <Button onClick={() => setStatus('open')} loading={update.isPending}>
              {t('workflow.tasks.reopen')}
            </Button>
          ) : null}
          {d.canEdit && d.status === 'open' ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
          {d.canComplete ? (
            <Button type="primary" onClick={() => setCompleting(true)}>
              {t('workflow.tasks.complete')}
            </Button>
          ) : null}
        </>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('workflow.tasks.fields.status')}>
              <TaskStatusTag t={t} status={d.status} overdue={d.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('workflow.tasks.fields.dueDate')}>
              <TaskDue t={t} date={d.dueDate} overdue={d.overdue} provisional={d.dueProvisional} />
            </Descriptions.Item>
            <Descriptions.Item label={t('workflow.tasks.fields.assignee')}>{d.assigneeName}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.tasks.fields.creator')}>{d.creatorName}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.tasks.fields.link')}>{d.link ? <Link to={d.link.path}>{t('workflow.tasks.openRecord')}</Link> : none}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.tasks.fields.source')}>{sourceLabel(t, d.source) || none}</Descriptions.Item>
            <Descriptions.Item label={t('workflow.tasks.fields.createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
            {d.completedAt ? (
              <Descriptions.Item label={t('workflow.tasks.fields.completedAt')}>
                {formatDateTime(d.completedAt)}
                {d.completedByName ? t('common.note', { note: d.completedByName }) : ''}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('workflow.tasks.fields.description')} span={2}>
              {d.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.description}</Typography.Paragraph> : none}
            </Descriptions.Item>
            {d.status === 'done' ? (
              <Descriptions.Item label={t('workflow.tasks.fields.completionNote')} span={2}>
                {d.completionNote ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.completionNote}</Typography.Paragraph> : none}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <Comments task={d} />
      </Flex>
      <CompleteModal task={d} open={completing} onClose={() => setCompleting(false)} />
      <TaskFormModal open={editing} task={d} onClose={() => setEditing(false)} />
    </PageContainer>
  );
}
