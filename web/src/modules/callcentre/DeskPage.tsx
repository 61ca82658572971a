import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, applyFieldErrors } from '../../api/client';
import type { Call } from '../../api/contract/callcentre';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useComplaintOptions } from '../complaints/hooks';
import { callcentreKeys, useCallToComplaint, useCallToTask, useCalls, useMyLines, useRecordCall, useScreenPop } from './hooks';

const CATEGORIES = ['consult', 'accept', 'complaint', 'visit', 'marketing'] as const;

/** /callcentre — the agent's desk: incoming calls pop with the matched customer; calls are recorded and turned into complaints or tasks (docs/regulations.md §1). */
export default function DeskPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const calls = useCalls({ page });
  const lines = useMyLines();
  const pop = useScreenPop(true);
  const [recording, setRecording] = useState<number | null>(null);
  const [complaintFor, setComplaintFor] = useState<Call | null>(null);
  const [taskFor, setTaskFor] = useState<Call | null>(null);
  const openLines = (lines.data?.items ?? []).filter((l) => l.status === 'open');

  return (
    <PageContainer title={t('callcentre.title')}>
      {pop.calls.map((c) => (
        <Alert
          key={c.callId}
          role="alert"
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('callcentre.pop.title', { customer: c.customerName ?? t('callcentre.pop.unknown') })}
          description={
            <Space wrap>
              {c.customerArchiveNo ? <span>{t('callcentre.pop.archiveNo', { no: c.customerArchiveNo })}</span> : null}
              <span>{t('callcentre.pop.phone', { phone: c.phone ?? '' })}</span>
              <span>{formatDateTime(c.at)}</span>
            </Space>
          }
          action={
            <Space>
              <Button type="primary" onClick={() => setRecording(c.callId)}>
                {t('callcentre.pop.record')}
              </Button>
              {c.customerId && can('customers.read') ? <Link to={`/customers/${c.customerId}`}>{t('callcentre.pop.openCustomer')}</Link> : null}
              <Button onClick={() => pop.dismiss(c.callId)}>{t('callcentre.pop.dismiss')}</Button>
            </Space>
          }
        />
      ))}
      {openLines.length ? (
        <Card size="small" title={t('callcentre.lines.title')} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={openLines}
            columns={[
              { title: t('callcentre.lines.customer'), dataIndex: 'customerName' },
              { title: t('callcentre.lines.dueDate'), dataIndex: 'dueDate' },
              { title: t('callcentre.lines.status'), dataIndex: 'status', render: (s: 'open' | 'done') => t(`callcentre.lines.statuses.${s}`) },
            ]}
          />
        </Card>
      ) : null}
      {calls.isError && !calls.data ? (
        <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : (
        <Card size="small" title={t('callcentre.calls.title')}>
          <Table<Call>
            size="small"
            rowKey="id"
            loading={calls.isFetching}
            dataSource={calls.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('callcentre.calls.none') }}
            pagination={{ current: page, pageSize: 20, total: calls.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: t('callcentre.calls.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
              { title: t('callcentre.calls.direction'), dataIndex: 'direction', render: (d: 'inbound' | 'outbound') => t(`callcentre.calls.directions.${d}`) },
              { title: t('callcentre.calls.phone'), dataIndex: 'phone' },
              { title: t('callcentre.calls.customer'), dataIndex: 'customerName' },
              { title: t('callcentre.calls.agent'), dataIndex: 'agentName' },
              { title: t('callcentre.calls.category'), dataIndex: 'category', render: (c: Call['category']) => (c ? t(`callcentre.calls.categories.${c}`) : null) },
              { title: t('callcentre.calls.summary'), dataIndex: 'summary', ellipsis: true },
              { title: t('callcentre.calls.complete'), dataIndex: 'complete', render: (ok: boolean) => (ok ? <Tag color="green">{t('callcentre.calls.complete')}</Tag> : <Tag color="orange">{t('callcentre.calls.incomplete')}</Tag>) },
              { title: t('callcentre.calls.qaTotal'), dataIndex: 'qaTotal' },
              {
                title: t('callcentre.calls.actions'),
                key: 'actions',
                render: (_: unknown, c: Call) => (
                  <Space wrap>
                    <Button size="small" onClick={() => setRecording(c.id)}>
                      {t('callcentre.calls.record')}
                    </Button>
                    {c.complaintId ? (
                      <Link to={`/complaints/${c.complaintId}`}>{t('callcentre.calls.openComplaint')}</Link>
                    ) : can('complaints.intake') ? (
                      <Button size="small" onClick={() => setComplaintFor(c)}>
                        {t('callcentre.calls.toComplaint')}
                      </Button>
                    ) : null}
                    {c.taskId == null && can('tasks.use') ? (
                      <Button size="small" onClick={() => setTaskFor(c)}>
                        {t('callcentre.calls.toTask')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {recording != null ? <RecordModal callId={recording} onClose={() => setRecording(null)} /> : null}
      {complaintFor ? <ComplaintModal call={complaintFor} onClose={() => setComplaintFor(null)} /> : null}
      {taskFor ? <TaskModal call={taskFor} onClose={() => setTaskFor(null)} /> : null}
    </PageContainer>
  );
}

type RecordValues = { category: Call['category']; summary: string; result: string; followUp?: string };

function RecordModal({ callId, onClose }: { callId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const call = useQuery({ queryKey: [...callcentreKeys.all, 'call', callId], queryFn: ({ signal }) => api.get(`/api/callcentre/calls/${callId}`, undefined, signal) });
  const [form] = Form.useForm<RecordValues>();
  const record = useRecordCall();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  const c = call.data;
  if (!c) return null;
  return (
    <FormModal<RecordValues>
      name="recordCall"
      title={t('callcentre.calls.recordTitle', { customer: c.customerName ?? c.phone ?? '' })}
      open
      form={form}
      onCancel={onClose}
      loading={record.isPending}
      error={error}
      initialValues={{ category: c.category ?? undefined, summary: c.summary ?? '', result: c.result ?? '', followUp: c.followUp ?? '' }}
      onFinish={(v) =>
        record.mutate(
          { id: c.id, category: v.category!, summary: v.summary, result: v.result, followUp: v.followUp || null, version: c.version },
          { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } },
        )
      }
    >
      <Form.Item name="category" label={t('callcentre.calls.category')} rules={[{ required: true }]}>
        <Select autoFocus showSearch={{ optionFilterProp: 'label' }} options={CATEGORIES.map((k) => ({ value: k, label: t(`callcentre.calls.categories.${k}`) }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('callcentre.calls.summary')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="result" label={t('callcentre.calls.result')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="followUp" label={t('callcentre.calls.followUp')}>
        <Input maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

type ComplaintValues = { category: string; severity: 'general' | 'major' | 'serious'; content?: string };

function ComplaintModal({ call: c, onClose }: { call: Call; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ComplaintValues>();
  const options = useComplaintOptions();
  const toComplaint = useCallToComplaint();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<ComplaintValues>
      name="callToComplaint"
      title={t('callcentre.calls.complaintTitle')}
      open
      form={form}
      onCancel={onClose}
      loading={toComplaint.isPending}
      error={error}
      initialValues={{ severity: 'general', content: c.summary ?? '' }}
      onFinish={(v) => toComplaint.mutate({ id: c.id, ...v }, { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } })}
    >
      <Form.Item name="category" label={t('callcentre.calls.complaintCategory')} rules={[{ required: true }]}>
        <Select autoFocus showSearch={{ optionFilterProp: 'label' }} options={(options.data?.categories ?? []).map((k) => ({ value: k, label: k }))} />
      </Form.Item>
      <Form.Item name="severity" label={t('callcentre.calls.severity')} rules={[{ required: true }]}>
        <Select options={(['general', 'major', 'serious'] as const).map((s) => ({ value: s, label: t(`callcentre.calls.severities.${s}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('callcentre.calls.content')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

function TaskModal({ call: c, onClose }: { call: Call; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ dueDate: Dayjs }>();
  const toTask = useCallToTask();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal<{ dueDate: Dayjs }>
      name="callToTask"
      title={t('callcentre.calls.taskTitle')}
      open
      form={form}
      onCancel={onClose}
      loading={toTask.isPending}
      error={error}
      initialValues={{ dueDate: dayjs().add(3, 'day') }}
      onFinish={(v) => toTask.mutate({ id: c.id, dueDate: v.dueDate.format('YYYY-MM-DD') }, { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } })}
    >
      <Form.Item name="dueDate" label={t('callcentre.calls.dueDate')} rules={[{ required: true }]}>
        <DatePicker autoFocus />
      </Form.Item>
    </FormModal>
  );
}
