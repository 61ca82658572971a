import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { usePlans } from './hooks';
import { PLAN_STATUSES, PLAN_STATUS_COLOR, formatWan, planStatusLabel } from './labels';
import type { DevelopmentPlan, PlanStatus } from '../../api/contract/development';

/** 客户开发计划: the list, filtered by status and title (state in the address). */
export default function PlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState([
    { name: 'q', kind: 'text', ariaLabel: t('development.plans.search'), placeholder: t('development.plans.search'), width: 280, search: true },
    {
      name: 'status',
      kind: 'select',
      allowed: PLAN_STATUSES,
      ariaLabel: t('development.plans.fields.status'),
      placeholder: t('development.plans.allStatuses'),
      width: 160,
      options: PLAN_STATUSES.map((s) => ({ value: s, label: planStatusLabel(t, s) })),
    },
  ]);
  const plans = usePlans({ q: list.state.filters.q, status: list.state.filters.status as PlanStatus | undefined, page: list.state.page, pageSize: list.state.pageSize });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: ListColumn<DevelopmentPlan>[] = [
    { key: 'title', title: t('development.plans.fields.title'), dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={`/development/plans/${r.id}`}>{v}</Link> },
    { key: 'period', title: t('development.plans.fields.period'), width: 200, render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
    { key: 'status', title: t('development.plans.fields.status'), dataIndex: 'status', width: 100, render: (v: PlanStatus) => <Tag color={PLAN_STATUS_COLOR[v]}>{planStatusLabel(t, v)}</Tag> },
    { key: 'targetCount', title: t('development.plans.targetCount'), dataIndex: 'targetCount', width: 90, align: 'right' },
    { key: 'budget', title: t('development.plans.fields.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (v: number | null) => (v === null ? none : formatWan(v)) },
    { key: 'owner', title: t('development.plans.fields.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    { key: 'submittedAt', title: t('development.plans.fields.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : none) },
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
      <ListPage<DevelopmentPlan>
        emptyHint={{ description: t('development.plans.emptyHint.description'), action: can('development.write') ? { label: t('development.plans.emptyHint.action'), onClick: () => navigate('/development/plans/new') } : null }} list={list} formName="developmentPlanFilters" query={plans} columns={columns} empty={t('development.plans.empty')} tableProps={{ scroll: { x: 1000 } }} />
    </PageContainer>
  );
}
