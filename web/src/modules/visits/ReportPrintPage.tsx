import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { ReportScales, VisitReport } from '../../api/contract/visits';
import { NotFound, RecordGate } from '../../components/status';
import '../../components/a4-sheet.css';
import { useReport, useScales } from './hooks';

/** /visits/reports/:id/print — the 走访客户报告单 laid out as the seed form (004 附件1) on A4, the chosen column ticked with its points. */
export default function ReportPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const report = useReport(id);
  return (
    <RecordGate id={id} query={report} notFound={<NotFound message={t('visits.report.notFound')} />}>
      {(r) => <ReportSheet report={r} />}
    </RecordGate>
  );
}

const tick = (on: boolean) => (on ? '\u2611' : '\u2610');

function ReportSheet({ report: r }: { report: VisitReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scales = useScales().data;
  useEffect(() => {
    document.title = `${t('visits.report.title')} - ${r.customerName}`;
  }, [r.customerName, t]);
  const [y, m, d] = r.reportDate.split('-');
  // the widest row (brand awareness) has seven columns; the others leave the rest empty as on the form
  const row = (field: keyof ReportScales, labels: string, chosen: string, first: boolean) => {
    const choices = scales?.[field] ?? [];
    return (
      <tr>
        {first ? (
          <th className="gx-a4-label" scope="rowgroup" rowSpan={3}>
            {t('visits.report.opinion')}
          </th>
        ) : null}
        <th className="gx-a4-label" scope="row">
          {t(`visits.report.${field}`)}
        </th>
        {Array.from({ length: 7 }, (_, i) => {
          const c = choices[i];
          return (
            <td key={i} style={{ textAlign: 'center', fontWeight: c?.value === chosen ? 700 : undefined }}>
              {c ? `${tick(c.value === chosen)} ${t(`visits.report.${labels}.${c.value}`)}` : ''}
              {c?.value === chosen ? <div>{t('visits.report.points', { score: c.points })}</div> : null}
            </td>
          );
        })}
      </tr>
    );
  };
  const contacts = r.contacts.length ? r.contacts : [{ role: 'head' as const, name: '', position: '', phone: '', mobile: '' }];
  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(r.visitId ? `/visits/${r.visitId}` : `/customers/${r.customerId}?tab=visits`)}>
          {t('visits.report.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('visits.report.print')}
        </Button>
      </div>
      <article className="gx-a4" aria-label={t('visits.report.title')}>
        <h1>{t('visits.report.title')}</h1>
        <table>
          <colgroup>
            <col style={{ width: '9%' }} />
            <col style={{ width: '13%' }} />
          </colgroup>
          <tbody>
            <tr>
              <th className="gx-a4-label" scope="row" colSpan={2}>
                {t('visits.report.customerName')}
              </th>
              <td colSpan={7}>{r.customerName}</td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row" colSpan={2}>
                {t('visits.report.address')}
              </th>
              <td colSpan={7}>{r.customerAddress ?? ''}</td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row" colSpan={2}>
                {t('visits.report.legal')}
              </th>
              <td colSpan={7}>{r.customerLegalRepresentative ?? ''}</td>
            </tr>
            {row('quality', 'qualities', r.quality, true)}
            {row('service', 'services', r.service, false)}
            {row('brand', 'brands', r.brand, false)}
            <tr>
              <th className="gx-a4-label" scope="row" colSpan={2}>
                {t('visits.report.average')}
              </th>
              <td colSpan={7} role="status">
                {t('visits.report.liveScore', { quality: r.scores.quality, service: r.scores.service, brand: r.scores.brand, average: r.scores.average })}
              </td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row" colSpan={2}>
                {t('visits.report.suggestions')}
              </th>
              <td colSpan={4} style={{ height: '32mm', verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>
                {r.suggestions ?? ''}
              </td>
              <td colSpan={3} style={{ verticalAlign: 'top' }}>
                <div>{t('visits.report.stamp')}</div>
                {r.hasSignature ? <img src={`/api/visit-reports/${r.id}/signature`} alt={t('visits.report.stampImage')} style={{ maxWidth: '100%', maxHeight: '20mm' }} /> : null}
                <div>{r.signedBy ?? ''}</div>
                <div style={{ textAlign: 'right' }}>{t('visits.report.date', { y, m, d })}</div>
              </td>
            </tr>
          </tbody>
        </table>
        <table style={{ marginTop: '3mm' }}>
          <thead>
            <tr>
              <th colSpan={5}>{t('visits.report.contacts')}</th>
            </tr>
            <tr>
              <th />
              <th>{t('visits.report.contactName')}</th>
              <th>{t('visits.report.position')}</th>
              <th>{t('visits.report.phone')}</th>
              <th>{t('visits.report.mobile')}</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c, i) => (
              <tr key={i}>
                <th className="gx-a4-label" scope="row">
                  {t(`visits.report.roles.${c.role}`)}
                </th>
                <td>{c.name}</td>
                <td>{c.position ?? ''}</td>
                <td>{c.phone ?? ''}</td>
                <td>{c.mobile ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ fontSize: '9pt', marginTop: '3mm' }}>{t('visits.report.note')}</p>
      </article>
    </div>
  );
}
