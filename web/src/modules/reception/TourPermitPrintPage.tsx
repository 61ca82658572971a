import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { NotFound, RecordGate } from '../../components/status';
import '../../components/a4-sheet.css';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { type Tour, TOUR_DOCUMENT_TYPE, useTour } from './hooks';
import { hospitalityText } from './TourDetailPage';

/** /reception/tours/:id/permit — the visitor permit (参观证) on A4: shown only once the general manager approved. */
export default function TourPermitPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const tour = useTour(id);
  return (
    <RecordGate id={id} query={tour} notFound={<NotFound message={t('reception.tours.notFound')} />}>
      {(r) => <Permit tour={r} />}
    </RecordGate>
  );
}

function Permit({ tour: r }: { tour: Tour }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('reception.permit.title')} - ${r.permitNo ?? ''}`;
  }, [r.permitNo, t]);
  const row = (label: string, value: string | number) => (
    <tr>
      <th className="gx-a4-label" scope="row">
        {label}
      </th>
      <td>{value}</td>
    </tr>
  );
  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reception/tours/${r.id}`)}>
          {t('reception.tours.back')}
        </Button>
        {r.permitNo ? (
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('reception.print')}
          </Button>
        ) : null}
      </div>
      <article className="gx-a4" aria-label={t('reception.permit.title')}>
        <h1>{t('reception.permit.title')}</h1>
        {r.permitNo ? (
          <>
            <div className="gx-a4-meta">
              <span>{t('reception.permit.number', { no: r.permitNo })}</span>
              <span>{t('reception.permit.approvedAt', { at: formatDateTime(r.approvedAt) })}</span>
            </div>
            <table>
              <tbody>
                {row(t('reception.fields.organisation'), r.customerName ?? r.organisation ?? '')}
                {row(t('reception.fields.contactName'), r.contactName ?? '')}
                {row(t('reception.fields.tourType'), t(`reception.tourTypes.${r.tourType}`))}
                {row(t('reception.fields.visitorsCount'), r.visitorsCount)}
                {row(t('reception.fields.scheduledAt'), formatDateTime(r.scheduledAt))}
                {row(t('reception.fields.scope'), r.scope)}
                {row(t('reception.fields.route'), r.route)}
                {row(t('reception.fields.hospitality'), hospitalityText(t, r.hospitality))}
                {row(t('reception.fields.photography'), r.photographyAllowed ? t('reception.permit.photoAllowed') : t('reception.permit.photoForbidden'))}
                {row(t('reception.fields.applicant'), r.applicantName ?? '')}
              </tbody>
            </table>
            <p className="gx-a4-footer">{t('reception.permit.notice')}</p>
            <ApprovalPanel documentType={TOUR_DOCUMENT_TYPE} documentId={r.id} print title={<h2>{t('reception.permit.approvals')}</h2>} />
          </>
        ) : (
          <p role="alert">{t('reception.permit.notApproved')}</p>
        )}
      </article>
    </div>
  );
}
