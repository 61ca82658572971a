import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Task, TaskStatus } from '../../api/contract/workflow';
import { useIsMobile } from '../../app/useIsMobile';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan, useCurrentUser } from '../auth/hooks';
import { type TaskFilters, type TaskView, useTasks } from './hooks';
import { TaskStatusTag } from './labels';
import { TaskFormModal } from './TaskFormModal';

const STATUSES: TaskStatus[] = ['open', 'done', 'cancelled'];
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The list's state lives in the address (?view=team&status=open&overdue=1&page=2), so "back" keeps it. */
function filtersFromParams(p: URLSearchParams, defaultView: TaskView): TaskFilters {
  const view = p.get('view');
  const status = p.get('status');
  return {
    view: view === 'mine' || view === 'created' || view === 'team' ? view : defaultView,
    status: status === 'all' ? undefined : STATUSES.includes(status as TaskStatus) ? (status as TaskStatus) : 'open',
    overdue: p.get('overdue') === '1' || undefined,
    q: p.get('q') || undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function paramsFromFilters(f: TaskFilters): URLSearchParams {
  const p = new URLSearchParams();
  p.set('view', f.view);
  p.set('status', f.status ?? 'all');
  if (f.overdue) p.set('overdue', '1');
  if (f.q) p.set('q', f.q);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

/** 任务: mine / created by me / the team's (supervisors and above see their scope, issue 4 §2). */
export default function TasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params, 'mine'), [params]);
  const list = useTasks(filters);
  const [creating, setCreating] = useState(false);
  const showTeam = me.scope !== 'own' || can('tasks.manage');

  const update = (patch: Partial<TaskFilters>) => {
    const next = paramsFromFilters({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Task> = [
    {
      title: t('workflow.tasks.fields.title'),
      dataIndex: 'title',
      width: 260,
      render: (v: string, r) => (
        <Link to={`/tasks/${r.id}`} aria-label={t('workflow.tasks.open', { title: v })}>
          {v}
        </Link>
      ),
    },
    { title: t('workflow.tasks.fields.assignee'), dataIndex: 'assigneeName', width: 100 },
    {
      title: t('workflow.tasks.fields.dueDate'),
      dataIndex: 'dueDate',
      width: 120,
      render: (v: string, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{v}</Typography.Text>,
    },
    { title: t('workflow.tasks.fields.status'), dataIndex: 'status', width: 150, render: (v: TaskStatus, r) => <TaskStatusTag t={t} status={v} overdue={r.overdue} /> },
    { title: t('workflow.tasks.fields.creator'), dataIndex: 'creatorName', width: 100 },
  ];

  const views = [
    { key: 'mine', label: t('workflow.tasks.mine') },
    { key: 'created', label: t('workflow.tasks.created') },
    ...(showTeam ? [{ key: 'team', label: t('workflow.tasks.team') }] : []),
  ];

  return (
    <PageContainer
      title={t('workflow.tasks.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('workflow.tasks.create')}
        </Button>
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        <Tabs activeKey={filters.view} items={views} onChange={(k) => update({ view: k as TaskView })} />
        <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('workflow.tasks.search')}
            placeholder={t('workflow.tasks.search')}
            allowClear
            defaultValue={filters.q}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ width: isMobile ? '100%' : 260 }}
          />
          <Select
            aria-label={t('workflow.tasks.fields.status')}
            value={filters.status ?? 'all'}
            onChange={(v) => update({ status: v === 'all' ? undefined : (v as TaskStatus) })}
            style={{ width: 140 }}
            options={[{ value: 'all', label: t('workflow.tasks.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`workflow.tasks.status.${s}`) }))]}
          />
          <Checkbox checked={!!filters.overdue} onChange={(e) => update({ overdue: e.target.checked || undefined })}>
            {t('workflow.tasks.overdueOnly')}
          </Checkbox>
        </Flex>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Table<Task>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 730 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setParams(paramsFromFilters({ ...filters, page, pageSize }), { replace: true }),
          }}
        />
      </Card>
      <TaskFormModal
        open={creating}
        task={null}
        onClose={(saved) => {
          setCreating(false);
          if (saved) navigate(`/tasks/${saved.id}`);
        }}
      />
    </PageContainer>
  );
}
