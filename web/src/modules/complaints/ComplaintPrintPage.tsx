import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useReferenceLabel } from '../../components/referenceLabels';
import { formatDateTime } from '../../components/format';
import { FullPageSpin, LoadError, NotFound } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useComplaint } from './hooks';
import '../../components/a4-sheet.css';
import './print.css';
import type { Complaint } from '../../api/contract/complaints';

/** /complaints/:id/print — 客户投诉记录及处理意见 (seed 004 附件2) on an A4 sheet, with the opinion's approval history. */
export default function ComplaintPrintPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const complaint = useComplaint(id);
  if (!(Number.isInteger(id) && id > 0)) return <NotFound />;
  if (complaint.isPending) return <FullPageSpin />;
  if (complaint.isError && !complaint.data) {
    if (complaint.error instanceof ApiError && complaint.error.status === 404) return <NotFound />;
    return <LoadError error={complaint.error} onRetry={() => void complaint.refetch()} />;
  }
  return <Sheet c={complaint.data} />;
}

function Sheet({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('complaints.print.heading')} - ${c.complaintNo}`;
  }, [c.complaintNo, t]);
  const opinion = c.opinions.find((o) => o.id === c.currentOpinionId) ?? null;
  const approved = [...c.opinions].reverse().find((o) => o.status === 'approved' && o.cycle === c.cycle) ?? null;
  const customer = [c.customerName ?? c.complainantCompany, c.complainantName, c.complainantPhone].filter(Boolean).join(t('common.wideGap'));
  const result = [
    approved ? approved.content : t('complaints.print.noResult'),
    c.toldAt ? t('complaints.print.told', { at: formatDateTime(c.toldAt), method: c.toldMethod ? t(`complaints.toldMethod.${c.toldMethod}`) : '' }) : '',
    c.satisfactionScore ? t('complaints.print.satisfaction', { score: c.satisfactionScore }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const remarks = [
    c.meeting?.status === 'decided' ? t('complaints.print.meeting', { date: c.meeting.meetingDate, decisions: c.meeting.decisions }) : '',
    ...c.extensions.filter((e) => e.status === 'approved').map((e) => t('complaints.print.extension', { days: e.days, due: e.dueAfter ?? e.dueBefore })),
    ...c.rectifications.map((r) => t('complaints.print.rectification', { no: r.noticeNo, department: r.departmentName, status: t(r.status === 'replied' ? 'complaints.rectification.statusReplied' : 'complaints.rectification.statusOpen') })),
    c.cycle > 1 ? t('complaints.cycle', { n: c.cycle }) : '',
  ]
    .filter(Boolean)
    .join('\n');

  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/complaints/${c.id}`)}>
          {t('complaints.print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('complaints.print.print')}
        </Button>
      </div>
      <article className="gx-a4 gx-cp-print" aria-label={t('complaints.print.heading')}>
        <h1>{t('complaints.print.heading')}</h1>
        <div className="gx-a4-meta">
          <span>{t('complaints.print.number', { no: c.complaintNo })}</span>
          <span>{t(`complaints.status.${c.status}`)}</span>
        </div>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t('complaints.print.time')}</th>
              <td>{formatDateTime(c.receivedAt)}</td>
              <th scope="row">{t('complaints.fields.channel')}</th>
              <td>{t(`complaints.channel.${c.channel}`)}</td>
            </tr>
            <tr>
              <th scope="row">{t('complaints.print.customer')}</th>
              <td colSpan={3}>{customer}</td>
            </tr>
            <tr>
              <th scope="row">{t('complaints.fields.category')}</th>
              <td>{categoryLabel(c.category)}</td>
              <th scope="row">{t('complaints.fields.severity')}</th>
              <td>{t(`complaints.severity.${c.severity}`)}</td>
            </tr>
            <tr className="gx-cp-tall">
              <td colSpan={4}>
                <div className="gx-cp-label">{t('complaints.print.content')}</div>
                {c.content}
              </td>
            </tr>
            <tr className="gx-cp-tall">
              <td colSpan={4}>
                <div className="gx-cp-label">{t('complaints.print.result')}</div>
                {result}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('complaints.print.handlerSign')}</th>
              <td colSpan={3} className="gx-cp-sign">
                {c.handlerName ?? ''}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('complaints.print.remarks')}</th>
              <td colSpan={3}>{remarks}</td>
            </tr>
          </tbody>
        </table>
        {opinion ? <ApprovalPanel documentType="complaint_opinion" documentId={opinion.id} print title={<h2>{t('complaints.print.approvals')}</h2>} /> : null}
        <p className="gx-a4-footer">{t('complaints.print.printedAt', { at: formatDateTime(new Date().toISOString()) })}</p>
      </article>
    </div>
  );
}
