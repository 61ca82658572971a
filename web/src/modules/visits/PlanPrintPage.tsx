import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { VisitPlan } from '../../api/contract/visits';
import { formatDateTime } from '../../components/format';
import { NotFound, RecordGate } from '../../components/status';
import '../../components/a4-sheet.css';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useVisitPlan } from './hooks';
import { money } from './plans';

/** /visits/plans/:id/print — the 回访计划表 on A4 (003 第三章): lines, totals, the supervisor's review. */
export default function PlanPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const plan = useVisitPlan(id);
  return (
    <RecordGate id={id} query={plan} notFound={<NotFound message={t('visits.plans.notFound')} />}>
      {(p) => <PlanSheet plan={p} />}
    </RecordGate>
  );
}

function PlanSheet({ plan: p }: { plan: VisitPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('visits.plans.sheet')} - ${p.authorName ?? ''} ${p.period}`;
  }, [p.authorName, p.period, t]);
  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/visits/plans/${p.id}`)}>
          {t('visits.plans.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('visits.report.print')}
        </Button>
      </div>
      <article className="gx-a4" aria-label={t('visits.plans.sheet')}>
        <h1>{t('visits.plans.sheet')}</h1>
        <table>
          <tbody>
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('visits.plans.author')}
              </th>
              <td>{p.authorName ?? ''}</td>
              <th className="gx-a4-label" scope="row">
                {t('visits.plans.period')}
              </th>
              <td>{`${t(`visits.plans.kinds.${p.kind}`)} ${p.periodStart} ~ ${p.periodEnd}`}</td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('visits.plans.due')}
              </th>
              <td>{p.dueDate}</td>
              <th className="gx-a4-label" scope="row">
                {t('visits.plans.submitted')}
              </th>
              <td>
                {p.submittedAt ? formatDateTime(p.submittedAt) : ''}
                {p.late ? ` ${t('visits.plans.lateFull', { due: p.dueDate })}` : ''}
              </td>
            </tr>
          </tbody>
        </table>
        <table style={{ marginTop: '3mm' }}>
          <thead>
            <tr>
              <th>{t('visits.plans.no')}</th>
              <th>{t('visits.plans.date')}</th>
              <th>{t('visits.fields.customer')}</th>
              <th>{t('visits.fields.purpose')}</th>
              <th>{t('visits.fields.method')}</th>
              <th>{t('visits.plans.place')}</th>
              <th>{t('visits.plans.cost')}</th>
              <th>{t('visits.plans.doneCol')}</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((l, i) => (
              <tr key={l.id}>
                <td style={{ textAlign: 'center' }}>{i + 1}</td>
                <td>{l.plannedOn}</td>
                <td>{l.customerName}</td>
                <td>{l.purpose}</td>
                <td>{t(`visits.methods.${l.method}`)}</td>
                <td>{l.place ?? ''}</td>
                <td style={{ textAlign: 'right' }}>{money(l.expectedCost)}</td>
                <td style={{ textAlign: 'center' }}>{l.done ? '\u2611' : '\u2610'}</td>
              </tr>
            ))}
            <tr>
              <th className="gx-a4-label" colSpan={6} scope="row" style={{ textAlign: 'right' }}>
                {t('visits.plans.totalsText', { days: p.onSiteDays, cost: '' })}
              </th>
              <td style={{ textAlign: 'right' }}>{money(p.totalExpectedCost)}</td>
              <td />
            </tr>
          </tbody>
        </table>
        {p.notes ? <p style={{ whiteSpace: 'pre-wrap' }}>{t('visits.plans.notesLine', { notes: p.notes })}</p> : null}
        <div style={{ marginTop: '4mm' }}>
          <ApprovalPanel documentType="visit_plan" documentId={p.id} print title={t('visits.plans.review')} />
        </div>
      </article>
    </div>
  );
}
