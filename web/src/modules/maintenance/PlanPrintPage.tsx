import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { usePlan, usePlanExpenses, usePlanTasks } from './hooks';
import { formatMoney, planPath, statusLabel } from './labels';
import '../../components/a4-sheet.css';
import type { MaintenancePlan } from '../../api/contract/maintenance';

/** /maintenance-plans/:id/print — the plan on an A4 sheet with its approval history (issue 4 §8). */
export default function PlanPrintPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const plan = usePlan(id);
  return (
    <RecordGate id={id} query={plan}>
      {(p) => <PlanSheet plan={p} />}
    </RecordGate>
  );
}

function PlanSheet({ plan }: { plan: MaintenancePlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tasks = usePlanTasks(plan.id);
  const expenses = usePlanExpenses(plan.id);
  const executed = plan.status === 'approved' || plan.status === 'closed';
  useEffect(() => {
    document.title = `${t('maintenance.print.heading')} - ${plan.title}`;
  }, [plan.title, t]);

  const row = (label: string, value: string) => (
    <tr>
      <th className="gx-a4-label" scope="row">
        {label}
      </th>
      <td colSpan={3}>{value}</td>
    </tr>
  );

  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(planPath(plan.id))}>
          {t('maintenance.print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('maintenance.print.print')}
        </Button>
      </div>
      <article className="gx-a4" aria-label={t('maintenance.print.heading')}>
        <h1>{t('maintenance.print.heading')}</h1>
        <div className="gx-a4-meta">
          <span>{t('maintenance.print.number', { id: plan.id })}</span>
          <span>{t('maintenance.print.status', { status: statusLabel(t, plan.status) })}</span>
        </div>
        <table>
          <tbody>
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('maintenance.fields.title')}
              </th>
              <td colSpan={3}>{plan.title}</td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('maintenance.fields.owner')}
              </th>
              <td>{plan.ownerName ?? ''}</td>
              <th className="gx-a4-label" scope="row">
                {t('maintenance.fields.team')}
              </th>
              <td>{plan.teamName ?? ''}</td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('maintenance.fields.period')}
              </th>
              <td>{t('maintenance.periodValue', { start: plan.startDate, end: plan.endDate })}</td>
              <th className="gx-a4-label" scope="row">
                {t('maintenance.fields.budget')}
              </th>
              <td>{formatMoney(plan.budget)}</td>
            </tr>
            {row(t('maintenance.fields.customers'), plan.customers.map((c) => t('common.withNote', { text: c.name, note: c.archiveNo })).join('\n'))}
            {row(t('maintenance.fields.goals'), plan.goals)}
            {row(t('maintenance.fields.method'), plan.method)}
            {row(t('maintenance.fields.measures'), plan.measures)}
            {row(t('maintenance.fields.staff'), plan.staff.map((s) => s.name).join(t('common.listSeparator')))}
          </tbody>
        </table>

        <ApprovalPanel documentType="maintenance_plan" documentId={plan.id} print title={<h2>{t('maintenance.print.approvals')}</h2>} />

        {executed && (tasks.data?.items.length ?? 0) > 0 ? (
          <>
            <h2>{t('maintenance.sections.tasks')}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('maintenance.task.title')}</th>
                  <th style={{ width: '14%' }}>{t('maintenance.task.assignee')}</th>
                  <th style={{ width: '24%' }}>{t('maintenance.task.customer')}</th>
                  <th style={{ width: '15%' }}>{t('maintenance.task.dueDate')}</th>
                  <th style={{ width: '11%' }}>{t('maintenance.task.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.data!.items.map((task) => (
                  <tr key={task.id}>
                    <td>{task.title}</td>
                    <td>{task.assigneeName}</td>
                    <td>{task.customerName ?? ''}</td>
                    <td>{task.dueDate}</td>
                    <td>{t(`maintenance.task.statuses.${task.status}`, { defaultValue: task.status })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}

        {executed ? (
          <>
            <h2>{t('maintenance.sections.expenses')}</h2>
            <table>
              <thead>
                <tr>
                  <th style={{ width: '18%' }}>{t('maintenance.expense.spentOn')}</th>
                  <th>{t('maintenance.expense.item')}</th>
                  <th style={{ width: '22%' }}>{t('maintenance.expense.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {(expenses.data?.items ?? []).map((e) => (
                  <tr key={e.id}>
                    <td>{e.spentOn}</td>
                    <td>{e.item}</td>
                    <td className="gx-a4-num">{formatMoney(e.amount)}</td>
                  </tr>
                ))}
                <tr>
                  <th colSpan={2} scope="row">
                    {t('maintenance.print.budgetLine', { budget: formatMoney(plan.budget), remaining: formatMoney(plan.remaining) })}
                  </th>
                  <td className="gx-a4-num">{formatMoney(plan.spent)}</td>
                </tr>
              </tbody>
            </table>
          </>
        ) : null}

        {plan.report ? (
          <>
            <h2>{t('maintenance.sections.report')}</h2>
            <table>
              <tbody>
                {row(t('maintenance.report.assessment'), plan.report.assessment)}
                {row(t('maintenance.report.optimisation'), plan.report.optimisation)}
                {row(t('maintenance.report.closed'), t('maintenance.report.closedBy', { name: plan.report.closedByName ?? '', at: formatDateTime(plan.report.closedAt) }))}
              </tbody>
            </table>
          </>
        ) : null}

        <p className="gx-a4-footer">{t('maintenance.print.printedAt', { at: formatDateTime(new Date().toISOString()) })}</p>
      </article>
    </div>
  );
}
