import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useSession } from '../auth/hooks';
import { type Tour, TOUR_DOCUMENT_TYPE, TOUR_STATUS_COLOR, useTour, useTourAction } from './hooks';

/** /reception/tours/:id — the application, its hospitality standard, the approval and, once approved, the permit. */
export default function TourDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const tour = useTour(id);
  return (
    <RecordGate id={id} query={tour} notFound={<NotFound message={t('reception.tours.notFound')} back={{ to: '/reception/tours', label: t('reception.tours.back') }} />}>
      {(r) => <TourDetail tour={r} />}
    </RecordGate>
  );
}

/** What the guests are offered, as one line. */
export function hospitalityText(t: (k: string) => string, h: Tour['hospitality']) {
  const parts = [h.managerAccompanies ? t('reception.hospitality.manager') : null, h.refreshments ? t('reception.hospitality.refreshments') : null, h.tea ? t('reception.hospitality.tea') : null].filter(Boolean);
  return parts.length ? parts.join(t('common.listSeparator')) : t('reception.hospitality.none');
}

function TourDetail({ tour: r }: { tour: Tour }) {
  const { t } = useTranslation();
  const session = useSession();
  const notifyError = useNotifyError();
  const action = useTourAction(r.id);
  const mine = session.data?.id === r.applicantId;
  const run = (a: 'resubmit' | 'start' | 'complete') => action.mutate({ action: a, version: r.version }, { onError: notifyError });
  const approved = r.permitNo !== null;
  return (
    <PageContainer
      title={t('reception.tours.detailTitle', { organisation: r.customerName ?? r.organisation ?? '' })}
      extra={
        <>
          <Link to="/reception/tours">
            <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('reception.tours.back')}</Button>
          </Link>
          {approved ? (
            <Link to={`/reception/tours/${r.id}/permit`}>
              <Button icon={<PrinterOutlined aria-hidden />}>{t('reception.tours.printPermit')}</Button>
            </Link>
          ) : null}
          {approved ? (
            <Link to={`/reception/tours/${r.id}/thank-you`}>
              <Button>{t('reception.tours.thankYou')}</Button>
            </Link>
          ) : null}
          {r.status === 'approved' ? (
            <Button type="primary" loading={action.isPending} onClick={() => run('start')}>
              {t('reception.tours.start')}
            </Button>
          ) : null}
          {r.status === 'in_progress' ? (
            <Button type="primary" loading={action.isPending} onClick={() => run('complete')}>
              {t('reception.tours.complete')}
            </Button>
          ) : null}
          {mine && (r.status === 'returned' || r.status === 'withdrawn') ? (
            <Button type="primary" loading={action.isPending} onClick={() => run('resubmit')}>
              {t('reception.resubmit')}
            </Button>
          ) : null}
        </>
      }
    >
      {!approved ? <Alert type="info" showIcon title={t('reception.tours.notApprovedYet')} style={{ marginBottom: 16 }} /> : null}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'status', label: t('reception.fields.status'), children: <Tag color={TOUR_STATUS_COLOR[r.status]}>{t(`reception.tourStatuses.${r.status}`)}</Tag> },
            { key: 'permitNo', label: t('reception.fields.permitNo'), children: r.permitNo ?? t('common.none') },
            { key: 'organisation', label: t('reception.fields.organisation'), children: r.customerId ? <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> : r.organisation },
            { key: 'tourType', label: t('reception.fields.tourType'), children: t(`reception.tourTypes.${r.tourType}`) },
            { key: 'scheduledAt', label: t('reception.fields.scheduledAt'), children: formatDateTime(r.scheduledAt) },
            { key: 'visitorsCount', label: t('reception.fields.visitorsCount'), children: r.visitorsCount },
            { key: 'contactName', label: t('reception.fields.contactName'), children: r.contactName ?? '' },
            { key: 'applicant', label: t('reception.fields.applicant'), children: r.applicantName ?? '' },
            { key: 'content', label: t('reception.fields.content'), children: r.content, span: 2 },
            { key: 'scope', label: t('reception.fields.scope'), children: r.scope, span: 2 },
            { key: 'route', label: t('reception.fields.route'), children: r.route, span: 2 },
            { key: 'hospitality', label: t('reception.fields.hospitality'), children: hospitalityText(t, r.hospitality), span: 2 },
            {
              key: 'photography',
              label: t('reception.fields.photography'),
              span: 2,
              children: !r.photographyRequested
                ? t('reception.photography.notRequested')
                : r.photographyAllowed
                  ? t('reception.photography.allowed', { name: r.photographyConsentedByName ?? '', at: formatDateTime(r.photographyConsentedAt) })
                  : t('reception.photography.awaiting'),
            },
          ]}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <ApprovalPanel documentType={TOUR_DOCUMENT_TYPE} documentId={r.id} />
      </div>
    </PageContainer>
  );
}
