import { BarChartOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { type ComplaintFilters, useComplaintOptions, useComplaints } from './hooks';
import { DeadlineText, SEVERITIES, STATUSES, SeverityTag, StatusTag } from './labels';
import type { ComplaintStatus, ComplaintSummary, Severity } from '../../api/contract/complaints';

const SORTABLE = ['receivedAt', 'resolutionDue', 'complaintNo'] as const;
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The list's state lives in the address, so "back" from a complaint returns to the same view. */
function filtersFromParams(p: URLSearchParams): ComplaintFilters {
  const status = p.get('status') as ComplaintStatus | null;
  const severity = p.get('severity') as Severity | null;
  const sort = p.get('sort');
  return {
    q: p.get('q') || undefined,
    status: status && STATUSES.includes(status) ? status : undefined,
    severity: severity && SEVERITIES.includes(severity) ? severity : undefined,
    category: p.get('category') || undefined,
    mine: p.get('mine') === '1',
    unassigned: p.get('unassigned') === '1',
    overdue: p.get('overdue') === '1',
    sort: sort && SORTABLE.includes(sort.replace(/^-/, '') as (typeof SORTABLE)[number]) ? sort : undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function paramsFrom(f: ComplaintFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.status) p.set('status', f.status);
  if (f.severity) p.set('severity', f.severity);
  if (f.category) p.set('category', f.category);
  if (f.mine) p.set('mine', '1');
  if (f.unassigned) p.set('unassigned', '1');
  if (f.overdue) p.set('overdue', '1');
  if (f.sort) p.set('sort', f.sort);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

interface FilterValues {
  q?: string;
  status?: ComplaintStatus;
  severity?: Severity;
  category?: string;
  mine?: boolean;
  unassigned?: boolean;
  overdue?: boolean;
}

/** 投诉管理: search and filters; deadlines as dates with the time left. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const list = useComplaints(filters);
  const options = useComplaintOptions();
  const [form] = Form.useForm<FilterValues>();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  useEffect(() => {
    form.setFieldsValue({ q: filters.q, status: filters.status, severity: filters.severity, category: filters.category, mine: filters.mine, unassigned: filters.unassigned, overdue: filters.overdue });
  }, [filters, form]);

  const update = (patch: Partial<ComplaintFilters>) => {
    const next = paramsFrom({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  };
  const sortOrder = (key: string) => (filters.sort === key ? 'ascend' : filters.sort === `-${key}` ? 'descend' : null);

  const columns: TableColumnsType<ComplaintSummary> = [
    {
      title: t('complaints.fields.complaintNo'),
      dataIndex: 'complaintNo',
      key: 'complaintNo',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('complaintNo'),
      render: (v: string, c) => <Link to={`/complaints/${c.id}`}>{v}</Link>,
    },
    {
      title: t('complaints.fields.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('receivedAt') ?? (filters.sort ? null : 'descend'),
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('complaints.fields.complainant'),
      key: 'who',
      ellipsis: true,
      render: (_: unknown, c) => (
        <span>
          {c.customerName ?? c.complainantCompany ?? c.complainantName}
          {c.customerName || c.complainantCompany ? <Typography.Text type="secondary"> · {c.complainantName}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('complaints.fields.category'), dataIndex: 'category', width: 100 },
    { title: t('complaints.fields.severity'), dataIndex: 'severity', width: 80, render: (v: Severity) => <SeverityTag severity={v} /> },
    { title: t('complaints.fields.status'), dataIndex: 'status', width: 130, render: (v: ComplaintStatus) => <StatusTag status={v} /> },
    { title: t('complaints.fields.handler'), dataIndex: 'handlerName', width: 90, render: (v: string | null) => v ?? <Typography.Text type="warning">{t('complaints.unassigned')}</Typography.Text> },
    {
      title: t('complaints.fields.resolutionDue'),
      key: 'resolutionDue',
      dataIndex: 'resolution',
      width: 170,
      sorter: true,
      sortOrder: sortOrder('resolutionDue'),
      render: (_: unknown, c) => (c.status === 'closed' ? none : <DeadlineText deadline={c.resolution} />),
    },
  ];

  const onTableChange: TableProps<ComplaintSummary>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey ?? s.field) : undefined;
    const sort = key ? (s.order === 'descend' ? `-${key}` : key) : undefined;
    setParams(paramsFrom({ ...filters, sort, page: sort !== filters.sort ? 1 : (pagination.current ?? 1), pageSize: pagination.pageSize ?? 20 }), { replace: true });
  };

  return (
    <PageContainer
      title={t('complaints.title')}
      extra={
        <>
          <Button icon={<FileTextOutlined aria-hidden />} onClick={() => navigate('/complaints/rectifications')}>
            {t('complaints.rectification.listTitle')}
          </Button>
          {can('complaints.analyse') ? (
            <Button icon={<BarChartOutlined aria-hidden />} onClick={() => navigate('/complaints/analysis')}>
              {t('complaints.analysis.title')}
            </Button>
          ) : null}
          {can('complaints.intake') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/complaints/new')}>
              {t('complaints.create')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <Form<FilterValues> form={form} name="complaintFilters" layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8 }} onFinish={(v) => update({ q: v.q?.trim() || undefined })}>
          <Form.Item name="q" label={t('common.search')}>
            <Input.Search allowClear placeholder={t('complaints.searchPlaceholder')} style={{ width: isMobile ? '100%' : 240 }} onSearch={(v) => update({ q: v.trim() || undefined })} enterButton={false} autoComplete="off" />
          </Form.Item>
          <Form.Item name="status" label={t('complaints.fields.status')}>
            <Select allowClear placeholder={t('common.all')} style={{ width: isMobile ? '100%' : 140 }} options={STATUSES.map((s) => ({ value: s, label: t(`complaints.status.${s}`) }))} onChange={(v: ComplaintStatus | undefined) => update({ status: v })} />
          </Form.Item>
          <Form.Item name="severity" label={t('complaints.fields.severity')}>
            <Select allowClear placeholder={t('common.all')} style={{ width: isMobile ? '100%' : 100 }} options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))} onChange={(v: Severity | undefined) => update({ severity: v })} />
          </Form.Item>
          <Form.Item name="category" label={t('complaints.fields.category')}>
            <Select allowClear placeholder={t('common.all')} style={{ width: isMobile ? '100%' : 120 }} options={(options.data?.categories ?? []).map((c) => ({ value: c, label: c }))} onChange={(v: string | undefined) => update({ category: v })} />
          </Form.Item>
          <Form.Item name="mine" valuePropName="checked">
            <Checkbox onChange={(e) => update({ mine: e.target.checked })}>{t('complaints.filters.mine')}</Checkbox>
          </Form.Item>
          <Form.Item name="unassigned" valuePropName="checked">
            <Checkbox onChange={(e) => update({ unassigned: e.target.checked })}>{t('complaints.filters.unassigned')}</Checkbox>
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox onChange={(e) => update({ overdue: e.target.checked })}>{t('complaints.filters.overdue')}</Checkbox>
          </Form.Item>
        </Form>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ComplaintSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1000 }}
            pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
