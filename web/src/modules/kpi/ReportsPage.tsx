import { Button, Card, DatePicker, Input, Modal, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { KpiReport } from '../../api/contract/kpi';
import { useDescribeError } from '../../components/errors';
import { EmptyListHint } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';

/** /kpi/reports — one's routine reports: monthly forecast and summary (25th), analysis (28th), daily visit report (docs/regulations.md §19). */
export default function ReportsPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const qc = useQueryClient();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const q = useQuery({ queryKey: ['kpi', 'reports', month], queryFn: ({ signal }) => api.get('/api/kpi/reports', { month }, signal) });
  const [open, setOpen] = useState<KpiReport | null>(null);
  const [content, setContent] = useState('');
  const submit = useMutation({
    mutationFn: () => api.post('/api/kpi/reports', { kind: open!.kind, period: open!.period, content }),
    onSuccess: () => {
      setOpen(null);
      setContent('');
      void qc.invalidateQueries({ queryKey: ['kpi'] });
    },
  });
  return (
    <PageContainer title={t('kpi.reports.title')} extra={<DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />}>
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Card size="small">
          <Table<KpiReport>
            rowKey={(r) => `${r.kind}:${r.period}`}
            loading={q.isFetching}
            dataSource={q.data?.items ?? []}
            locale={{ emptyText: <EmptyListHint hint={{ description: t('kpi.reports.empty') }} /> }}
            pagination={{ pageSize: 31, hideOnSinglePage: true }}
            columns={[
              { title: t('kpi.reports.kind'), dataIndex: 'kind', render: (k: string) => t(`kpi.report.${k}`) },
              { title: t('kpi.reports.period'), dataIndex: 'period', width: 120 },
              { title: t('kpi.reports.due'), dataIndex: 'dueDate', width: 120 },
              {
                title: t('kpi.reports.state'),
                width: 200,
                render: (_, r) => (r.submittedAt ? <Tag color={r.late ? 'red' : 'green'}>{t(r.late ? 'kpi.reports.late' : 'kpi.reports.onTime', { at: dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm') })}</Tag> : r.late ? <Tag color="red">{t('kpi.reports.missing')}</Tag> : null),
              },
              { title: '', width: 100, render: (_, r) => (!r.submittedAt ? <Button size="small" onClick={() => setOpen(r)}>{t('kpi.reports.submit')}</Button> : null) },
            ]}
          />
        </Card>
      )}
      <Modal open={!!open} title={open ? t(`kpi.report.${open.kind}`) : ''} onCancel={() => setOpen(null)} onOk={() => submit.mutate()} okButtonProps={{ disabled: !content.trim() }} confirmLoading={submit.isPending}>
        <Input.TextArea rows={8} value={content} onChange={(e) => setContent(e.target.value)} />
        {submit.isError && <p style={{ color: '#cf1322' }}>{describe(submit.error)}</p>}
      </Modal>
    </PageContainer>
  );
}
