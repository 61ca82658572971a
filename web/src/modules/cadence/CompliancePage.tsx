import { Button, Card, Col, Flex, Form, Row, Select, Statistic, Table, Tag, Typography, App as AntApp } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { CadenceCustomer, CadenceMember, Compliance } from '../../api/contract/cadence';
import { useSession } from '../auth/hooks';
import { type ChartOption, EChart } from '../../components/EChart';
import { useNotifyError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useIsMobile } from '../../app/useIsMobile';
import { useTeams } from '../admin/org/hooks';
import { useCompliance, useRunCadence } from './hooks';

export const STATUS_COLOR = { in_time: 'green', due: 'gold', overdue: 'red' } as const;
type Row3 = Compliance['byPerson'][number];

/** /cadence — visit cadence compliance (docs/regulations.md §8): per grade (chart and table), person and team, and the customers owed a contact. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = AntApp.useApp();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const filters = { grade: params.get('grade') || undefined, teamId: Number(params.get('teamId')) || undefined, ownerId: Number(params.get('ownerId')) || undefined };
  const data = useCompliance(filters);
  const teams = useTeams();
  const session = useSession();
  const run = useRunCadence();
  const canRun = !!session.data?.capabilities.includes('cadence.run');
  const teamName = (id: number | null) => (id === null ? t('cadence.noTeam') : (teams.data?.find((x) => x.id === id)?.name ?? `#${id}`));
  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next);
  };

  const c = data.data;
  const option = useMemo<ChartOption>(() => {
    const g = c?.byGrade ?? [];
    const series = (key: 'inTime' | 'due' | 'overdue', color: string) => ({ name: t(`cadence.status.${key === 'inTime' ? 'in_time' : key}`), type: 'bar', stack: 'all', itemStyle: { color }, data: g.map((x) => x[key]), label: { show: true } });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: g.map((x) => `${x.grade} ${x.label}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [series('inTime', '#52c41a'), series('due', '#faad14'), series('overdue', '#ff4d4f')],
    };
  }, [c, t]);

  if (data.isError && !data.data) return <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  const interval = (iv: { every: number; unit: 'day' | 'month' }) => t(`cadence.every.${iv.unit}`, { count: iv.every });
  const countCols = <T extends { inTime: number; due: number; overdue: number; total: number; maxOverdueDays: number }>(): TableColumnsType<T> => [
    { title: t('cadence.status.in_time'), dataIndex: 'inTime', width: 80, align: 'right' },
    { title: t('cadence.status.due'), dataIndex: 'due', width: 80, align: 'right' },
    { title: t('cadence.status.overdue'), dataIndex: 'overdue', width: 80, align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: t('cadence.maxOverdueDays'), dataIndex: 'maxOverdueDays', width: 110, align: 'right' },
    { title: t('cadence.total'), dataIndex: 'total', width: 70, align: 'right' },
  ];
  const customerCols: TableColumnsType<CadenceCustomer> = [
    { title: t('cadence.customer'), dataIndex: 'customerName', width: 220, render: (v: string, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link> },
    { title: t('cadence.grade'), dataIndex: 'grade', width: 70 },
    { title: t('cadence.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('cadence.lastContact'), dataIndex: 'lastContact', width: 110, render: (v: string | null) => v ?? t('cadence.never') },
    { title: t('cadence.dueDate'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('cadence.statusTitle'),
      dataIndex: 'status',
      width: 130,
      render: (v: CadenceCustomer['status'], r) => <Tag color={STATUS_COLOR[v]}>{v === 'overdue' ? t('cadence.overdueDays', { count: r.overdueDays }) : t(`cadence.status.${v}`)}</Tag>,
    },
    { title: t('cadence.interval'), dataIndex: 'interval', width: 130, render: (v: CadenceCustomer['interval'], r) => `${interval(v)}${r.capped ? ` ${t('cadence.capped')}` : ''}` },
    { title: t('cadence.ruleTitle'), dataIndex: 'rule', width: 150, render: (v: CadenceCustomer['rule'], r) => (v === 'tier' ? t('cadence.rule.tier', { tier: r.tier ?? '' }) : t(`cadence.rule.${v}`)) },
  ];
  const memberCols: TableColumnsType<CadenceMember> = [
    { title: t('cadence.member'), dataIndex: 'name', width: 160, render: (v: string, r) => <Link to={`/individuals/${r.individualId}`}>{v}</Link> },
    { title: t('cadence.memberNo'), dataIndex: 'memberNo', width: 120 },
    { title: t('cadence.tier'), dataIndex: 'tier', width: 80 },
    { title: t('cadence.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('cadence.lastMeeting'), dataIndex: 'lastContact', width: 110, render: (v: string | null) => v ?? t('cadence.never') },
    { title: t('cadence.dueDate'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('cadence.statusTitle'),
      dataIndex: 'status',
      width: 130,
      render: (v: CadenceMember['status'], r) => <Tag color={STATUS_COLOR[v]}>{v === 'overdue' ? t('cadence.overdueDays', { count: r.overdueDays }) : t(`cadence.status.${v}`)}</Tag>,
    },
    { title: t('cadence.interval'), dataIndex: 'interval', width: 130, render: (v: CadenceMember['interval']) => interval(v) },
  ];

  return (
    <PageContainer
      title={t('cadence.title')}
      extra={
        canRun ? (
          <Button
            loading={run.isPending}
            onClick={() =>
              run.mutate(undefined, {
                onSuccess: (r) => void message.success(t('cadence.ran', r)),
                onError: notifyError,
              })
            }
          >
            {t('cadence.run')}
          </Button>
        ) : null
      }
    >
      <Form name="cadence-filters" layout={mobile ? 'vertical' : 'inline'} style={{ marginBottom: 16 }}>
        <Form.Item label={t('cadence.grade')}>
          <Select allowClear style={{ minWidth: 140 }} value={filters.grade} onChange={(v?: string) => set('grade', v)} options={(c?.byGrade ?? []).map((g) => ({ value: g.grade, label: `${g.grade} ${g.label}` }))} />
        </Form.Item>
        <Form.Item label={t('cadence.team')}>
          <Select allowClear style={{ minWidth: 160 }} value={filters.teamId} onChange={(v?: number) => set('teamId', v)} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </Form>

      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('cadence.status.in_time')} value={c?.totals.inTime ?? 0} valueStyle={{ color: '#389e0d' }} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('cadence.status.due')} value={c?.totals.due ?? 0} valueStyle={{ color: '#d48806' }} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('cadence.status.overdue')} value={c?.totals.overdue ?? 0} valueStyle={{ color: '#cf1322' }} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t('cadence.capTitle')} value={c?.capMonths ? t('cadence.capOn', { count: c.capMonths }) : t('cadence.capOff')} /></Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cadence.byGrade')}>
            <EChart option={option} height={280} label={t('cadence.chart')} onClick={(p) => {
              const g = c?.byGrade[(p as { dataIndex?: number }).dataIndex ?? -1];
              if (g) set('grade', g.grade);
            }} />
            <Table
              rowKey="grade"
              size="small"
              pagination={false}
              dataSource={c?.byGrade ?? []}
              scroll={{ x: 640 }}
              columns={[
                { title: t('cadence.grade'), dataIndex: 'grade', width: 110, render: (v: string, r) => `${v} ${r.label}` },
                { title: t('cadence.interval'), dataIndex: 'interval', width: 100, render: (v: CadenceCustomer['interval']) => interval(v) },
                ...countCols<Compliance['byGrade'][number]>(),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cadence.byPerson')}>
            <Table<Row3>
              rowKey={(r) => String(r.ownerId)}
              size="small"
              dataSource={c?.byPerson ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 640 }}
              columns={[{ title: t('cadence.owner'), dataIndex: 'ownerName', width: 110, render: (v: string | null) => v ?? t('cadence.noOwner') }, ...countCols<Row3>()]}
            />
          </Card>
          <Card size="small" title={t('cadence.byTeam')} style={{ marginTop: 16 }}>
            <Table
              rowKey={(r) => String(r.teamId)}
              size="small"
              dataSource={c?.byTeam ?? []}
              pagination={false}
              scroll={{ x: 640 }}
              columns={[{ title: t('cadence.team'), dataIndex: 'teamId', width: 130, render: (v: number | null) => teamName(v) }, ...countCols<Compliance['byTeam'][number]>()]}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" style={{ marginTop: 16 }} title={t('cadence.owed')}>
        <Flex vertical gap={8}>
          <Table<CadenceCustomer>
            rowKey="customerId"
            size="small"
            columns={customerCols}
            dataSource={c?.customers ?? []}
            loading={data.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('cadence.noneOwed') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </Flex>
      </Card>

      {c && c.memberTotals.total > 0 ? (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={t('cadence.members', { inTime: c.memberTotals.inTime, due: c.memberTotals.due, overdue: c.memberTotals.overdue })}
        >
          <Table<CadenceMember>
            rowKey="individualId"
            size="small"
            columns={memberCols}
            dataSource={c.members}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('cadence.noneOwed') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </Card>
      ) : null}
    </PageContainer>
  );
}
