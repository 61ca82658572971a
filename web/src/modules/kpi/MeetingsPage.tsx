import { Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, applyFieldErrors } from '../../api/client';
import type { KpiMeeting } from '../../api/contract/kpi';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';

/** /kpi/meetings — 例会: the department's Tuesday and Friday meetings with their minutes (docs/regulations.md §19). */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['kpi', 'meetings'], queryFn: ({ signal }) => api.get('/api/kpi/meetings', undefined, signal) });
  const [editing, setEditing] = useState<KpiMeeting | null>(null);
  const [form] = Form.useForm<{ attendees: string; decisions: string; notes?: string }>();
  const schedule = useMutation({ mutationFn: () => api.post('/api/kpi/meetings', {}), onSuccess: () => void qc.invalidateQueries({ queryKey: ['kpi', 'meetings'] }) });
  const save = useMutation({
    mutationFn: (v: { attendeeIds: number[]; decisions: string; notes?: string }) => api.put(`/api/kpi/meetings/${editing!.id}/minutes`, { ...v, version: editing!.version }),
    onSuccess: () => {
      setEditing(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['kpi', 'meetings'] });
    },
    onError: (e) => e instanceof ApiError && applyFieldErrors(form, e),
  });
  const people = useQuery({ queryKey: ['kpi', 'people'], queryFn: ({ signal }) => api.get('/api/kpi/targets', { period: dayjs().format('YYYY-MM') }, signal), enabled: !!editing });
  return (
    <PageContainer
      title={t('kpi.meetings.title')}
      extra={
        can('kpi.minutes') && (
          <Button onClick={() => schedule.mutate()} loading={schedule.isPending}>
            {t('kpi.meetings.schedule')}
          </Button>
        )
      }
    >
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Card size="small">
          <Table<KpiMeeting>
            rowKey="id"
            loading={q.isFetching}
            dataSource={q.data?.items ?? []}
            locale={{ emptyText: <EmptyListHint hint={{ description: t('kpi.meetings.empty') }} /> }}
            pagination={false}
            columns={[
              { title: t('kpi.meetings.when'), dataIndex: 'startsAt', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD ddd HH:mm') },
              { title: t('kpi.meetings.department'), dataIndex: 'departmentName', width: 140 },
              { title: t('kpi.meetings.status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'held' ? 'green' : 'blue'}>{t(`kpi.meetings.${s}`)}</Tag> },
              { title: t('kpi.meetings.attendees'), render: (_, m) => m.attendees.map((a) => a.name).join(t('common.listSeparator')) },
              { title: t('kpi.meetings.decisions'), dataIndex: 'decisions' },
              {
                title: '',
                width: 110,
                render: (_, m) =>
                  m.status === 'scheduled' && can('kpi.minutes') ? (
                    <Button size="small" onClick={() => setEditing(m)}>
                      {t('kpi.meetings.record')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      <Modal open={!!editing} title={t('kpi.meetings.record')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ attendeeIds: (v.attendees as unknown as number[]) ?? [], decisions: v.decisions, notes: v.notes })}>
          <Form.Item name="attendees" label={t('kpi.meetings.attendees')}>
            <Select mode="multiple" options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="decisions" label={t('kpi.meetings.decisions')} rules={[{ required: true, whitespace: true, message: t('kpi.meetings.decisions') }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="notes" label={t('kpi.meetings.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
