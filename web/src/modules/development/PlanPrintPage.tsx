import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { FullPageSpin, LoadError } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { usePlan } from './hooks';
import { PLAN_DOCUMENT_TYPE, formatWan, planStatusLabel } from './labels';
import '../../components/a4-sheet.css';
import './print.css';

/**
 * The development plan on A4 (issue 4 §8): the plan's data, its targets laid out like the seed's
 * 客户开发工作计划表 (003 第二章第二节), and the approval steps and history; black on white with
 * Chinese fonts (print.css). Opened outside the app's frame so only the document prints.
 */
export default function PlanPrintPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const plan = usePlan(id);

  useEffect(() => {
    if (plan.data) document.title = `${t('development.print.title')} - ${plan.data.title}`;
  }, [plan.data, t]);

  if (!(Number.isInteger(id) && id > 0)) return <Result status="404" title="404" subTitle={t('development.plans.notFound')} />;
  if (plan.isPending) return <FullPageSpin />;
  if (plan.isError) return isApiError(plan.error, 404) ? <Result status="404" title="404" subTitle={t('development.plans.notFound')} /> : <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const targets = p.targets ?? [];
  const blank = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '' : String(v));

  return (
    <>
      <div className="gx-a4-toolbar">
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('development.print.print')}
        </Button>
        <Link to={`/development/plans/${p.id}`}>
          <Button>{t('development.print.back')}</Button>
        </Link>
      </div>
      <article className="gx-a4 gx-dev-print">
        <h1>{t('development.print.title')}</h1>
        <p className="gx-dev-print-sub">{p.title}</p>
        <table>
          <colgroup>
            <col style={{ width: '16%' }} />
            <col style={{ width: '34%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '34%' }} />
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">{t('development.plans.fields.period')}</th>
              <td>
                {p.periodStart} ~ {p.periodEnd}
              </td>
              <th scope="row">{t('development.plans.fields.status')}</th>
              <td>{planStatusLabel(t, p.status)}</td>
            </tr>
            <tr>
              <th scope="row">{t('development.print.drafter')}</th>
              <td>{blank(p.ownerName)}</td>
              <th scope="row">{t('development.print.department')}</th>
              <td>{blank(p.departmentName)}</td>
            </tr>
            <tr>
              <th scope="row">{t('development.plans.fields.budget')}</th>
              <td>{p.budget === null ? '' : formatWan(p.budget)}</td>
              <th scope="row">{t('development.plans.fields.submittedAt')}</th>
              <td>{formatDateTime(p.submittedAt)}</td>
            </tr>
            <tr>
              <th scope="row">{t('development.plans.fields.goal')}</th>
              <td colSpan={3}>{blank(p.goal)}</td>
            </tr>
            <tr>
              <th scope="row">{t('development.plans.fields.schedule')}</th>
              <td colSpan={3}>{blank(p.schedule)}</td>
            </tr>
            <tr>
              <th scope="row">{t('development.plans.fields.supportNeeded')}</th>
              <td colSpan={3}>{blank(p.supportNeeded)}</td>
            </tr>
          </tbody>
        </table>

        <h2>{t('development.print.targetsTitle')}</h2>
        <table className="gx-dev-print-targets">
          <colgroup>
            <col style={{ width: '5%' }} />
            <col style={{ width: '15%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '8%' }} />
            <col style={{ width: '8%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '9%' }} />
            <col style={{ width: '17%' }} />
            <col style={{ width: '8%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('development.plans.target.no')}
              </th>
              <th scope="col" colSpan={6}>
                {t('development.print.visitGroup')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('development.plans.target.appointment')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('development.plans.target.notes')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('development.plans.target.category')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('development.plans.target.customerName')}</th>
              <th scope="col">{t('development.plans.target.visitDate')}</th>
              <th scope="col">{t('development.plans.target.visitContact')}</th>
              <th scope="col">{t('development.plans.target.contactPosition')}</th>
              <th scope="col">{t('development.plans.target.contactDepartment')}</th>
              <th scope="col">{t('development.plans.target.contactPhone')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((tg, i) => (
              <tr key={tg.id ?? i}>
                <td>{i + 1}</td>
                <td>{tg.customerName}</td>
                <td>{blank(tg.visitDate)}</td>
                <td>{blank(tg.visitContact)}</td>
                <td>{blank(tg.contactPosition)}</td>
                <td>{blank(tg.contactDepartment)}</td>
                <td>{blank(tg.contactPhone)}</td>
                <td>{blank(tg.appointment)}</td>
                <td>{blank(tg.notes)}</td>
                <td>{blank(tg.category)}</td>
              </tr>
            ))}
            {targets.length === 0 ? (
              <tr>
                <td colSpan={10}>{t('development.print.noTargets')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>

        <ApprovalPanel documentType={PLAN_DOCUMENT_TYPE} documentId={p.id} print title={<h2>{t('development.print.approvalTitle')}</h2>} />

        <div className="gx-dev-print-sign">
          <span>{t('development.print.printedAt', { at: formatDateTime(new Date().toISOString()) })}</span>
        </div>
      </article>
    </>
  );
}
