import { EnvironmentOutlined, FileTextOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { Visit, VisitReport } from '../../api/contract/visits';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useLocation, useReports, useSetLocation, useVisits } from './hooks';

/** 回访记录 on the customer's page: its visits and calls, its scored reports and its coordinates (docs/regulations.md §8). */
export function CustomerVisitsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [page, setPage] = useState(1);
  const visits = useVisits({ customerId, page, pageSize: 10 });
  const reports = useReports({ customerId, page: 1, pageSize: 50 });
  const location = useLocation(customerId);
  const [locating, setLocating] = useState(false);
  const none = <Typography.Text type="secondary">{t('visits.none')}</Typography.Text>;
  if (visits.isError && !visits.data) return <LoadError error={visits.error} onRetry={() => void visits.refetch()} />;
  const l = location.data;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('visits.tab')}
        extra={
          can('visits.record') ? (
            <Space wrap>
              <Link to={`/visits/new?kind=call&customerId=${customerId}`}>
                <Button icon={<PhoneOutlined aria-hidden />}>{t('visits.list.newCall')}</Button>
              </Link>
              <Link to={`/visits/new?customerId=${customerId}`}>
                <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                  {t('visits.list.newRecord')}
                </Button>
              </Link>
            </Space>
          ) : null
        }
      >
        <Table<Visit>
          rowKey="id"
          size="small"
          loading={visits.isFetching}
          dataSource={visits.data?.items ?? []}
          pagination={{ current: page, pageSize: 10, total: visits.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('visits.list.empty') }}
          columns={[
            { title: t('visits.fields.visitedAt'), dataIndex: 'visitedAt', width: 150, render: (v: string, r) => <Link to={`/visits/${r.id}`}>{formatDateTime(v)}</Link> },
            { title: t('visits.fields.kind'), dataIndex: 'kind', width: 100, render: (v: Visit['kind']) => <Tag>{t(`visits.kinds.${v}`)}</Tag> },
            { title: t('visits.fields.method'), dataIndex: 'method', width: 100, render: (v: Visit['method']) => t(`visits.methods.${v}`) },
            { title: t('visits.fields.satisfaction'), dataIndex: 'satisfaction', width: 100, render: (v: Visit['satisfaction']) => (v ? t(`visits.satisfaction.${v}`) : none) },
            { title: t('visits.fields.points'), dataIndex: 'points', ellipsis: true, render: (v: string | null) => v || none },
            { title: t('visits.fields.visitor'), dataIndex: 'visitorName', width: 100 },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('visits.report.title')}
        extra={
          can('visits.record') ? (
            <Link to={`/visits/reports/new?customerId=${customerId}`}>
              <Button icon={<FileTextOutlined aria-hidden />}>{t('visits.report.newTitle')}</Button>
            </Link>
          ) : null
        }
      >
        <Table<VisitReport>
          rowKey="id"
          size="small"
          dataSource={reports.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('visits.reports.empty') }}
          columns={[
            { title: t('visits.report.reportDate'), dataIndex: 'reportDate', width: 120, render: (v: string, r) => <Link to={`/visits/reports/${r.id}/print`}>{v}</Link> },
            { title: t('visits.report.quality'), key: 'q', render: (_: unknown, r) => r.scores.quality },
            { title: t('visits.report.service'), key: 's', render: (_: unknown, r) => r.scores.service },
            { title: t('visits.report.brand'), key: 'b', render: (_: unknown, r) => r.scores.brand },
            { title: t('visits.report.average'), key: 'a', render: (_: unknown, r) => r.scores.average },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('visits.location.title')}
        extra={
          can('visits.record') ? (
            <Button icon={<EnvironmentOutlined aria-hidden />} onClick={() => setLocating(true)}>
              {t('visits.location.set')}
            </Button>
          ) : null
        }
      >
        {l ? (
          <Typography.Text>
            {t('visits.location.value', { lat: l.lat.toFixed(5), lng: l.lng.toFixed(5) })} <Tag>{t(`visits.location.sources.${l.source}`)}</Tag>
          </Typography.Text>
        ) : (
          none
        )}
      </Card>
      {locating ? <LocationModal customerId={customerId} current={l ?? null} onClose={() => setLocating(false)} /> : null}
    </Flex>
  );
}

function LocationModal({ customerId, current, onClose }: { customerId: number; current: { lat: number; lng: number } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ lat: number; lng: number }>();
  const save = useSetLocation();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal
      name="customerLocation"
      title={t('visits.location.set')}
      open
      form={form}
      onCancel={onClose}
      loading={save.isPending}
      error={error}
      initialValues={current ?? undefined}
      onFinish={(v) =>
        save.mutate(
          { customerId, ...v },
          {
            onSuccess: () => {
              message.success(t('visits.location.saved'));
              onClose();
            },
            onError: (err) => {
              if (!applyFieldErrors(form, err)) setError(describe(err));
            },
          },
        )
      }
    >
      <Form.Item name="lat" label={t('visits.route.lat')} rules={[{ required: true }]}>
        <InputNumber autoFocus min={-90} max={90} step={0.0001} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="lng" label={t('visits.route.lng')} rules={[{ required: true }]}>
        <InputNumber min={-180} max={180} step={0.0001} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
