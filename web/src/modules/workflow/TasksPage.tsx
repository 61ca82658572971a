import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Task, TaskStatus } from '../../api/contract/workflow';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan, useCurrentUser } from '../auth/hooks';
import { type TaskView, useTasks } from './hooks';
import { TaskStatusTag, TaskDue } from './labels';
import { TaskFormModal } from './TaskFormModal';

const STATUSES: TaskStatus[] = ['open', 'done', 'cancelled'];

/** 任务: mine / created by me / the team's (supervisors and above see their scope, issue 4 §2). */
export default function TasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const showTeam = me.scope !== 'own' || can('tasks.manage');
  // The state lives in the address (?view=team&status=open&overdue=1&page=2), so "back" keeps it.
  const list = useListState([
    { name: 'view', kind: 'param', allowed: ['mine', 'created', 'team'], defaultValue: 'mine', always: true },
    { name: 'q', kind: 'text', ariaLabel: t('workflow.tasks.search'), placeholder: t('workflow.tasks.search'), width: 260, search: true },
    {
      name: 'status',
      kind: 'select',
      allowed: ['all', ...STATUSES],
      defaultValue: 'open',
      always: true,
      required: true,
      ariaLabel: t('workflow.tasks.fields.status'),
      width: 140,
      options: [{ value: 'all', label: t('workflow.tasks.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`workflow.tasks.status.${s}`) }))],
    },
    { name: 'overdue', kind: 'flag', text: t('workflow.tasks.overdueOnly') },
  ]);
  const f = list.state.filters;
  const view = (f.view ?? 'mine') as TaskView;
  const tasks = useTasks({
    view,
    status: f.status === 'all' ? undefined : (f.status as TaskStatus),
    overdue: f.overdue ? true : undefined,
    q: f.q,
    page: list.state.page,
    pageSize: list.state.pageSize,
  });

  const columns: ListColumn<Task>[] = [
    {
      key: 'title',
      title: t('workflow.tasks.fields.title'),
      dataIndex: 'title',
      width: 260,
      render: (v: string, r) => (
        <Link to={`/tasks/${r.id}`} aria-label={t('workflow.tasks.open', { title: v })}>
          {v}
        </Link>
      ),
    },
    { key: 'assignee', title: t('workflow.tasks.fields.assignee'), dataIndex: 'assigneeName', width: 100 },
    {
      key: 'dueDate',
      title: t('workflow.tasks.fields.dueDate'),
      dataIndex: 'dueDate',
      width: 120,
      render: (v: string, r) => <TaskDue t={t} date={v} overdue={r.overdue} provisional={r.dueProvisional} />,
    },
    { key: 'status', title: t('workflow.tasks.fields.status'), dataIndex: 'status', width: 150, render: (v: TaskStatus, r) => <TaskStatusTag t={t} status={v} overdue={r.overdue} /> },
    { key: 'creator', title: t('workflow.tasks.fields.creator'), dataIndex: 'creatorName', width: 100 },
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
      <ListPage<Task>
        emptyHint={{ description: t('workflow.tasks.emptyHint.description'), action: { label: t('workflow.tasks.emptyHint.action'), onClick: () => setCreating(true) } }}
        list={list}
        formName="taskFilters"
        query={tasks}
        columns={columns}
        header={<Tabs activeKey={view} items={views} onChange={(k) => list.setFilters({ view: k })} />}
        tableProps={{ scroll: { x: 730 } }}
      />
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
