import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { usePlans } from './hooks';
import { STATUS_COLOR, formatMoney, planPath, statusLabel } from './labels';
import { PLAN_STATUSES, type PlanStatus, type PlanSummary } from '../../api/contract/maintenance';

/** 客户关系维护方案 list (docs/regulations.md §7): the plans the user drafted, approves, works on or whose customers they own. */
export default function MaintenancePlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  // The state lives in the address (?q=&status=&page=), so "back" from a plan returns to the same list.
  const list = useListState([
    { name: 'q', kind: 'text', label: t('maintenance.searchLabel'), placeholder: t('maintenance.searchPlaceholder'), width: 320, search: t('common.search'), live: true },
    { name: 'status', kind: 'select', allowed: PLAN_STATUSES, label: t('maintenance.fields.status'), width: 140, options: PLAN_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })) },
  ]);
  const { state } = list;
  const plans = usePlans({ q: state.filters.q, status: state.filters.status as PlanStatus | undefined, page: state.page, pageSize: state.pageSize });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: ListColumn<PlanSummary>[] = [
    { key: 'title', title: t('maintenance.fields.title'), dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={planPath(r.id)}>{v}</Link> },
    {
      key: 'customers',
      title: t('maintenance.fields.customers'),
      dataIndex: 'customers',
      width: 220,
      render: (v: PlanSummary['customers']) => (v.length ? v.map((c) => c.name).join(t('common.listSeparator')) : none),
    },
    { key: 'status', title: t('maintenance.fields.status'), dataIndex: 'status', width: 90, render: (v: PlanStatus) => <Tag color={STATUS_COLOR[v]}>{statusLabel(t, v)}</Tag> },
    { key: 'period', title: t('maintenance.fields.period'), width: 200, render: (_, r) => t('maintenance.periodValue', { start: r.startDate, end: r.endDate }) },
    { key: 'budget', title: t('maintenance.fields.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (v: number) => formatMoney(v) },
    {
      key: 'spent',
      title: t('maintenance.budget.spent'),
      dataIndex: 'spent',
      width: 120,
      align: 'right',
      render: (v: number, r) => (r.overBudget ? <Typography.Text type="danger">{formatMoney(v)}</Typography.Text> : formatMoney(v)),
    },
    { key: 'owner', title: t('maintenance.fields.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v || none },
    { key: 'updatedAt', title: t('maintenance.fields.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <PageContainer
      title={t('maintenance.title')}
      extra={
        can('maintenance.manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/maintenance-plans/new')}>
            {t('maintenance.create')}
          </Button>
        ) : undefined
      }
    >
      <ListPage<PlanSummary> list={list} formName="maintenanceFilters" query={plans} columns={columns} empty={t('maintenance.empty')} emptyHint={{ description: t('maintenance.emptyHint'), action: can('maintenance.manage') ? { label: t('maintenance.emptyAction'), onClick: () => navigate('/maintenance-plans/new') } : null }} noMatch={t('maintenance.noMatch')} />
    </PageContainer>
  );
}
