import { CheckOutlined, EditOutlined, FileDoneOutlined, PlusOutlined, PrinterOutlined, SendOutlined, SplitCellsOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCurrentUser } from '../auth/hooks';
import { CloseDialog, ExpenseDialog, RecordDialog, SplitTasksDialog, SubmitDialog } from './dialogs';
import { usePlan, usePlanExpenses, usePlanRecords, usePlanTasks } from './hooks';
import { STATUS_COLOR, formatMoney, statusLabel } from './labels';
import { RecordsTable } from './RecordsTable';
import type { MaintenancePlan, PlanExpense, PlanTask } from '../../api/contract/maintenance';

const sectionTitle = (text: string) => (
  <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
    {text}
  </Typography.Title>
);

const pre = (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;

export default function PlanDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const plan = usePlan(id);
  return (
    <RecordGate id={id} query={plan}>
      {(p) => <PlanDetail plan={p} />}
    </RecordGate>
  );
}

type Dialog = 'submit' | 'split' | 'record' | 'expense' | 'close' | null;

/** One plan: content, customers, approval, tasks, the work records, spending and the report (docs/regulations.md §7). */
function PlanDetail({ plan }: { plan: MaintenancePlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const me = useCurrentUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [task, setTask] = useState<PlanTask | null>(null);
  const size = isMobile ? 'small' : 'default';
  const close = () => {
    setDialog(null);
    setTask(null);
  };

  const actions: ReactNode[] = [];
  if (plan.can.edit)
    actions.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/maintenance-plans/${plan.id}/edit`)}>
        {t('common.edit')}
      </Button>,
    );
  if (plan.can.submit)
    actions.push(
      <Button key="submit" type="primary" icon={<SendOutlined />} onClick={() => setDialog('submit')}>
        {plan.status === 'returned' ? t('maintenance.actions.resubmit') : t('maintenance.actions.submit')}
      </Button>,
    );
  if (plan.can.split)
    actions.push(
      <Button key="split" type="primary" icon={<SplitCellsOutlined />} onClick={() => setDialog('split')}>
        {t('maintenance.actions.split')}
      </Button>,
    );
  if (plan.can.close)
    actions.push(
      <Button key="close" icon={<FileDoneOutlined />} onClick={() => setDialog('close')}>
        {t('maintenance.actions.close')}
      </Button>,
    );
  actions.push(
    <Button key="print" icon={<PrinterOutlined />} onClick={() => navigate(`/maintenance-plans/${plan.id}/print`)}>
      {t('maintenance.actions.print')}
    </Button>,
  );

  return (
    <PageContainer
      title={
        <Flex align="center" gap={8} wrap>
          {plan.title}
          <Tag color={STATUS_COLOR[plan.status]} style={{ fontSize: 14 }}>
            {statusLabel(t, plan.status)}
          </Tag>
        </Flex>
      }
      documentTitle={plan.title}
      extra={actions}
    >
      <Flex vertical gap={16}>
        {plan.status === 'returned' && plan.can.edit ? <Alert type="warning" showIcon title={t('maintenance.returnedHint')} /> : null}
        <Card size={size} title={sectionTitle(t('maintenance.sections.plan'))}>
          <Descriptions
            bordered
            size={isMobile ? 'small' : 'middle'}
            column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
            items={[
              { key: 'owner', label: t('maintenance.fields.owner'), children: plan.ownerName ?? t('common.none') },
              { key: 'team', label: t('maintenance.fields.team'), children: plan.teamName ?? t('common.none') },
              { key: 'period', label: t('maintenance.fields.period'), children: t('maintenance.periodValue', { start: plan.startDate, end: plan.endDate }) },
              { key: 'staff', label: t('maintenance.fields.staff'), children: plan.staff.map((s) => s.name).join(t('common.listSeparator')), span: 'filled' },
              { key: 'goals', label: t('maintenance.fields.goals'), children: pre(plan.goals), span: 'filled' },
              { key: 'method', label: t('maintenance.fields.method'), children: pre(plan.method), span: 'filled' },
              { key: 'measures', label: t('maintenance.fields.measures'), children: pre(plan.measures), span: 'filled' },
            ]}
          />
        </Card>
        <Card size={size} title={sectionTitle(t('maintenance.sections.customers'))}>
          <Flex wrap gap={8} role="list" aria-label={t('maintenance.sections.customers')}>
            {plan.customers.map((c) => (
              <Tag key={c.id} role="listitem" style={{ fontSize: 14, padding: '4px 8px' }}>
                <Link to={`/customers/${c.id}?tab=maintenance`}>{c.name}</Link> <Typography.Text type="secondary">{c.archiveNo}</Typography.Text>
              </Tag>
            ))}
          </Flex>
        </Card>
        <ApprovalPanel documentType="maintenance_plan" documentId={plan.id} title={sectionTitle(t('maintenance.sections.approval'))} />
        <TasksCard
          plan={plan}
          meId={me.id}
          onSplit={() => setDialog('split')}
          onComplete={(t0) => {
            setTask(t0);
            setDialog('record');
          }}
        />
        <RecordsCard plan={plan} onAdd={() => setDialog('record')} />
        <ExpensesCard plan={plan} onAdd={() => setDialog('expense')} />
        {plan.report ? (
          <Card size={size} title={sectionTitle(t('maintenance.sections.report'))}>
            <Descriptions
              bordered
              size={isMobile ? 'small' : 'middle'}
              column={1}
              items={[
                { key: 'assessment', label: t('maintenance.report.assessment'), children: pre(plan.report.assessment) },
                { key: 'optimisation', label: t('maintenance.report.optimisation'), children: pre(plan.report.optimisation) },
                {
                  key: 'closed',
                  label: t('maintenance.report.closed'),
                  children: t('maintenance.report.closedBy', { name: plan.report.closedByName ?? '', at: formatDateTime(plan.report.closedAt) }),
                },
              ]}
            />
          </Card>
        ) : null}
      </Flex>
      {dialog === 'submit' ? <SubmitDialog plan={plan} open onClose={close} /> : null}
      {dialog === 'split' ? <SplitTasksDialog plan={plan} open onClose={close} /> : null}
      {dialog === 'record' ? <RecordDialog plan={plan} task={task} open onClose={close} /> : null}
      {dialog === 'expense' ? <ExpenseDialog plan={plan} open onClose={close} /> : null}
      {dialog === 'close' ? <CloseDialog plan={plan} open onClose={close} /> : null}
    </PageContainer>
  );
}

function TasksCard({ plan, meId, onSplit, onComplete }: { plan: MaintenancePlan; meId: number; onSplit: () => void; onComplete: (task: PlanTask) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const tasks = usePlanTasks(plan.id);
  const columns: TableColumnsType<PlanTask> = [
    { title: t('maintenance.task.title'), dataIndex: 'title', width: 220 },
    { title: t('maintenance.task.assignee'), dataIndex: 'assigneeName', width: 100 },
    { title: t('maintenance.task.customer'), dataIndex: 'customerName', width: 180, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('maintenance.task.dueDate'),
      dataIndex: 'dueDate',
      width: 120,
      render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{t('maintenance.task.overdue', { date: v })}</Typography.Text> : v),
    },
    {
      title: t('maintenance.task.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => <Tag color={v === 'done' ? 'success' : v === 'open' ? 'processing' : 'default'}>{t(`maintenance.task.statuses.${v}`, { defaultValue: v })}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.status === 'open' && r.assigneeId === meId && plan.can.record ? (
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => onComplete(r)} aria-label={t('maintenance.task.completeNamed', { title: r.title })}>
            {t('maintenance.task.complete')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      size={isMobile ? 'small' : 'default'}
      title={sectionTitle(t('maintenance.sections.tasks'))}
      extra={
        plan.can.split ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onSplit}>
            {t('maintenance.actions.split')}
          </Button>
        ) : null
      }
    >
      {tasks.isError ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <Table<PlanTask>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={tasks.data?.items ?? []}
          loading={tasks.isFetching}
          pagination={false}
          scroll={{ x: 820 }}
          locale={{ emptyText: plan.status === 'approved' ? t('maintenance.task.empty') : t('maintenance.task.notYet') }}
        />
      )}
    </Card>
  );
}

function RecordsCard({ plan, onAdd }: { plan: MaintenancePlan; onAdd: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const records = usePlanRecords(plan.id);
  return (
    <Card
      size={isMobile ? 'small' : 'default'}
      title={sectionTitle(t('maintenance.sections.records'))}
      extra={
        plan.can.record ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
            {t('maintenance.record.add')}
          </Button>
        ) : null
      }
    >
      {records.isError ? <LoadError error={records.error} onRetry={() => void records.refetch()} /> : <RecordsTable records={records.data?.items ?? []} loading={records.isFetching} />}
    </Card>
  );
}

function ExpensesCard({ plan, onAdd }: { plan: MaintenancePlan; onAdd: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const expenses = usePlanExpenses(plan.id);
  const columns: TableColumnsType<PlanExpense> = [
    { title: t('maintenance.expense.spentOn'), dataIndex: 'spentOn', width: 110 },
    { title: t('maintenance.expense.item'), dataIndex: 'item', width: 260 },
    { title: t('maintenance.expense.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
    { title: t('maintenance.expense.author'), dataIndex: 'authorName', width: 90 },
  ];
  return (
    <Card
      size={isMobile ? 'small' : 'default'}
      title={sectionTitle(t('maintenance.sections.expenses'))}
      extra={
        plan.can.record ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
            {t('maintenance.expense.add')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3, md: 3, lg: 3, xl: 3, xxl: 3 }}
          items={[
            { key: 'budget', label: t('maintenance.fields.budget'), children: formatMoney(plan.budget) },
            { key: 'spent', label: t('maintenance.budget.spent'), children: formatMoney(plan.spent) },
            {
              key: 'remaining',
              label: t('maintenance.budget.remaining'),
              children: plan.overBudget ? <Typography.Text type="danger">{formatMoney(plan.remaining)}</Typography.Text> : formatMoney(plan.remaining),
            },
          ]}
        />
        {plan.usedPercent !== null ? (
          <Progress percent={Math.min(100, plan.usedPercent)} status={plan.overBudget ? 'exception' : 'normal'} aria-label={t('maintenance.budget.used')} />
        ) : null}
        {plan.overBudget ? <Alert type="error" showIcon title={t('maintenance.budget.over', { amount: formatMoney(-plan.remaining) })} /> : null}
        {expenses.isError ? (
          <LoadError error={expenses.error} onRetry={() => void expenses.refetch()} />
        ) : (
          <Table<PlanExpense>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={expenses.data?.items ?? []}
            loading={expenses.isFetching}
            pagination={false}
            scroll={{ x: 590 }}
            locale={{ emptyText: t('maintenance.expense.empty') }}
          />
        )}
      </Flex>
    </Card>
  );
}
