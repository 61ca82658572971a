import { Alert, Card, DatePicker, Flex, Form, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { EChart } from '../../components/EChart';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCurrentUser } from '../auth/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { useProgress } from './hooks';
import { formatWan } from './labels';
import { progressChartOption } from './progressChart';
import type { ProgressFigures } from '../../api/contract/development';

const MONTH = 'YYYY-MM';
const month = (v: string | null) => (v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined);

interface Row extends ProgressFigures {
  key: string;
  ownerId: number;
  ownerName: string | null;
  /** null: the owner's total over the months shown. */
  month: string | null;
  span: number;
}

/**
 * 开发进度: per person and month, the new prospects (against the monthly target), forward stage moves,
 * wins and their amount (docs/regulations.md §6 monthly progress; 004 第五条). The server limits it to the caller's
 * scope: own figures for a specialist, the team for a supervisor, everyone for managers.
 */
export default function ProgressPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const owner = params.get('ownerId');
    return { from: month(params.get('from')), to: month(params.get('to')), ownerId: owner && /^\d+$/.test(owner) ? Number(owner) : undefined };
  }, [params]);
  const progress = useProgress(filters);
  const data = progress.data;

  const set = (patch: Partial<typeof filters>) => {
    const next = { ...filters, ...patch };
    const p = new URLSearchParams();
    if (next.from) p.set('from', next.from);
    if (next.to) p.set('to', next.to);
    if (next.ownerId) p.set('ownerId', String(next.ownerId));
    setParams(p, { replace: true });
  };

  const rows: Row[] = useMemo(() => {
    if (!data) return [];
    const out: Row[] = [];
    for (const total of data.totals) {
      const months = data.rows.filter((r) => r.ownerId === total.ownerId);
      months.forEach((r, i) => out.push({ ...r, key: `${r.ownerId}-${r.month}`, span: i === 0 ? months.length + 1 : 0 }));
      out.push({ ...total, key: `${total.ownerId}-total`, month: null, span: months.length ? 0 : 1 });
    }
    return out;
  }, [data]);

  const target = data?.newProspectsTarget ?? 0;
  const chart = useMemo(
    () =>
      data
        ? progressChartOption(data, {
            month: (m) => dayjs(m, MONTH).format(t('development.progress.monthFormat')),
            target: t('development.progress.target'),
            unnamed: t('common.none'),
          })
        : null,
    [data, t],
  );
  const columns: TableColumnsType<Row> = [
    { title: t('development.progress.owner'), dataIndex: 'ownerName', width: 120, onCell: (r) => ({ rowSpan: r.span }), render: (v: string | null) => <Typography.Text strong>{v ?? ''}</Typography.Text> },
    {
      title: t('development.progress.month'),
      dataIndex: 'month',
      width: 100,
      render: (v: string | null) => (v ? dayjs(v, MONTH).format(t('development.progress.monthFormat')) : <Typography.Text strong>{t('development.progress.total')}</Typography.Text>),
    },
    {
      title: t('development.progress.newProspects'),
      dataIndex: 'newProspects',
      width: 130,
      align: 'right',
      render: (v: number, r) =>
        // Below the monthly target (setting development.newProspectsPerMonth): marked for the supervisor.
        r.month && v < target ? (
          <Typography.Text type="danger" title={t('development.progress.belowTarget', { target })}>
            {v}
          </Typography.Text>
        ) : (
          <span style={r.month ? undefined : { fontWeight: 600 }}>{v}</span>
        ),
    },
    { title: t('development.progress.stageAdvances'), dataIndex: 'stageAdvances', width: 110, align: 'right', render: (v: number, r) => <span style={r.month ? undefined : { fontWeight: 600 }}>{v}</span> },
    { title: t('development.progress.won'), dataIndex: 'won', width: 110, align: 'right', render: (v: number, r) => <span style={r.month ? undefined : { fontWeight: 600 }}>{v}</span> },
    { title: t('development.progress.wonAmount'), dataIndex: 'wonAmount', width: 140, align: 'right', render: (v: number, r) => <span style={r.month ? undefined : { fontWeight: 600 }}>{formatWan(v)}</span> },
  ];

  const range: [Dayjs, Dayjs] | null = data ? [dayjs(data.from, MONTH), dayjs(data.to, MONTH)] : null;
  return (
    <PageContainer title={t('development.progress.title')}>
      <Card size={isMobile ? 'small' : 'default'}>
        <Form name="progressFilters" layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 12 }}>
          <Form.Item label={t('development.progress.range')}>
            <DatePicker.RangePicker
              picker="month"
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v?.[1] && set({ from: v[0].format(MONTH), to: v[1].format(MONTH) })}
              style={isMobile ? { width: '100%' } : undefined}
            />
          </Form.Item>
          {me.scope !== 'own' ? (
            <Form.Item label={t('development.progress.owner')}>
              <OwnerSelect value={filters.ownerId} onChange={(ownerId) => set({ ownerId })} style={{ width: isMobile ? '100%' : 200 }} />
            </Form.Item>
          ) : null}
        </Form>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('development.progress.targetHint', { target })}</Typography.Text>
        </Flex>
        {progress.isError && !data ? (
          <LoadError error={progress.error} onRetry={() => void progress.refetch()} />
        ) : (
          <>
            {progress.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
            {chart && rows.length ? (
              <div data-testid="progress-chart" style={{ marginBottom: 12 }}>
                <EChart option={chart} label={t('development.progress.chart')} height={260} />
              </div>
            ) : null}
            <Table<Row>
              rowKey="key"
              size="middle"
              bordered
              columns={columns}
              dataSource={rows}
              loading={progress.isFetching}
              pagination={false}
              scroll={{ x: 720 }}
              locale={{ emptyText: t('development.progress.empty') }}
            />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
