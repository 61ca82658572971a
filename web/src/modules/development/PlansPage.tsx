import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { usePlans } from './hooks';
import { PLAN_STATUSES, PLAN_STATUS_COLOR, formatWan, planStatusLabel } from './labels';
import type { DevelopmentPlan, PlanStatus } from '../../api/contract/development';

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** 客户开发计划: the list, filtered by status and title (state in the address). */
export default function PlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const status = params.get('status');
    return {
      q: params.get('q') || undefined,
      status: status && (PLAN_STATUSES as string[]).includes(status) ? (status as PlanStatus) : undefined,
      page: int(params.get('page')) ?? 1,
      pageSize: 20,
    };
  }, [params]);
  const list = usePlans(filters);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const update = (patch: Partial<typeof filters>) => {
    const next = { ...filters, page: 1, ...patch };
    const p = new URLSearchParams();
    if (next.q) p.set('q', next.q);
    if (next.status) p.set('status', next.status);
    if (next.page !== 1) p.set('page', String(next.page));
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<DevelopmentPlan> = [
    { title: t('development.plans.fields.title'), dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={`/development/plans/${r.id}`}>{v}</Link> },
    { title: t('development.plans.fields.period'), key: 'period', width: 200, render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
    { title: t('development.plans.fields.status'), dataIndex: 'status', width: 100, render: (v: PlanStatus) => <Tag color={PLAN_STATUS_COLOR[v]}>{planStatusLabel(t, v)}</Tag> },
    { title: t('development.plans.targetCount'), dataIndex: 'targetCount', width: 90, align: 'right' },
    { title: t('development.plans.fields.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (v: number | null) => (v === null ? none : formatWan(v)) },
    { title: t('development.plans.fields.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    { title: t('development.plans.fields.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : none) },
  ];

  return (
    <PageContainer
      title={t('development.plans.title')}
      extra={
        can('development.write') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/development/plans/new')}>
            {t('development.plans.new')}
          </Button>
        ) : undefined
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            aria-label={t('development.plans.search')}
            placeholder={t('development.plans.search')}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            style={{ width: isMobile ? '100%' : 280 }}
          />
          <Select
            allowClear
            aria-label={t('development.plans.fields.status')}
            placeholder={t('development.plans.allStatuses')}
            value={filters.status}
            onChange={(status) => update({ status: status ?? undefined })}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: planStatusLabel(t, s) }))}
            style={{ width: isMobile ? '100%' : 160 }}
          />
        </div>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DevelopmentPlan>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('development.plans.empty') }}
            pagination={{ current: filters.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (page) => update({ page }), showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
