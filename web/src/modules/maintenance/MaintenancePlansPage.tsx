import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { type PlanFilters, usePlans } from './hooks';
import { STATUS_COLOR, formatMoney, planPath, statusLabel } from './labels';
import { PLAN_STATUSES, type PlanStatus, type PlanSummary } from '../../api/contract/maintenance';

const SEARCH_DELAY_MS = 300;
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The list's state lives in the address (?q=&status=&page=), so "back" from a plan returns to the same list. */
function filtersFromParams(p: URLSearchParams): PlanFilters {
  const status = p.get('status') as PlanStatus | null;
  return {
    q: p.get('q') || undefined,
    status: status && PLAN_STATUSES.includes(status) ? status : undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function paramsFromFilters(f: PlanFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.status) p.set('status', f.status);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** 客户关系维护方案 list (docs/regulations.md §7): the plans the user drafted, approves, works on or whose customers they own. */
export default function MaintenancePlansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const list = usePlans(filters);
  const [form] = Form.useForm<{ q?: string; status?: PlanStatus }>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const composing = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    form.setFieldsValue({ q: filters.q, status: filters.status });
  }, [filters.q, filters.status, form]);

  const update = (patch: Partial<PlanFilters>, replace = true) => {
    const next = paramsFromFilters({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace });
  };
  const applySearch = () => {
    clearTimeout(timer.current);
    update({ q: (form.getFieldValue('q') as string | undefined)?.trim() || undefined });
  };
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const columns: TableColumnsType<PlanSummary> = [
    { title: t('maintenance.fields.title'), dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={planPath(r.id)}>{v}</Link> },
    {
      title: t('maintenance.fields.customers'),
      dataIndex: 'customers',
      width: 220,
      render: (v: PlanSummary['customers']) => (v.length ? v.map((c) => c.name).join(t('maintenance.listSeparator')) : none),
    },
    { title: t('maintenance.fields.status'), dataIndex: 'status', width: 90, render: (v: PlanStatus) => <Tag color={STATUS_COLOR[v]}>{statusLabel(t, v)}</Tag> },
    { title: t('maintenance.fields.period'), key: 'period', width: 200, render: (_, r) => t('maintenance.periodValue', { start: r.startDate, end: r.endDate }) },
    { title: t('maintenance.fields.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (v: number) => formatMoney(v) },
    {
      title: t('maintenance.budget.spent'),
      dataIndex: 'spent',
      width: 120,
      align: 'right',
      render: (v: number, r) => (r.overBudget ? <Typography.Text type="danger">{formatMoney(v)}</Typography.Text> : formatMoney(v)),
    },
    { title: t('maintenance.fields.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v || none },
    { title: t('maintenance.fields.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);

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
      <Card size={isMobile ? 'small' : 'default'}>
        <Form
          form={form}
          name="maintenanceFilters"
          layout={isMobile ? 'vertical' : 'inline'}
          initialValues={{ q: filters.q, status: filters.status }}
          style={{ marginBottom: 12, rowGap: 8 }}
          onValuesChange={(changed) => {
            if ('status' in changed) update({ status: changed.status ?? undefined });
            if ('q' in changed && !composing.current) {
              clearTimeout(timer.current);
              timer.current = setTimeout(applySearch, SEARCH_DELAY_MS);
            }
          }}
        >
          <Form.Item label={t('maintenance.searchLabel')} name="q">
            <Input.Search
              placeholder={t('maintenance.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={applySearch}
              style={{ width: isMobile ? '100%' : 320 }}
              onCompositionStart={() => {
                composing.current = true;
              }}
              onCompositionEnd={() => {
                composing.current = false;
                clearTimeout(timer.current);
                timer.current = setTimeout(applySearch, SEARCH_DELAY_MS);
              }}
            />
          </Form.Item>
          <Form.Item label={t('maintenance.fields.status')} name="status">
            <Select allowClear placeholder={t('common.all')} style={{ width: isMobile ? '100%' : 140 }} options={PLAN_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
          </Form.Item>
        </Form>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            {list.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
            <Table<PlanSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isFetching}
              scroll={{ x: scrollX }}
              locale={{ emptyText: filters.q || filters.status ? t('maintenance.noMatch') : t('maintenance.empty') }}
              onChange={(pagination, _f, _s, extra) => {
                if (extra.action !== 'paginate') return;
                const pageSize = pagination.pageSize ?? filters.pageSize;
                update({ page: pageSize !== filters.pageSize ? 1 : (pagination.current ?? 1), pageSize }, false);
              }}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: list.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                showTotal: (total) => t('common.total', { total }),
              }}
            />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
