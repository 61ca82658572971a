import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { NotFound, RecordGate } from '../../components/status';
import '../../components/a4-sheet.css';
import { useSurvey } from './hooks';
import type { CreditSurvey } from './types';

/** /credit/surveys/:id/print — 客户信用调查表 on an A4 sheet with the rating it gives under today's rule table. */
export default function SurveyPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  return (
    <RecordGate id={id} query={survey} notFound={<NotFound message={t('credit.surveyNotFound')} />}>
      {(s) => <SurveySheet survey={s} />}
    </RecordGate>
  );
}

function SurveySheet({ survey: s }: { survey: CreditSurvey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('credit.survey.title')} - ${s.customerName}`;
  }, [s.customerName, t]);
  const wan = (v: number | null) => (v === null ? '' : t('credit.limitValue', { value: v }));
  const pair = (a: string, av: string, b: string, bv: string) => (
    <tr>
      <th className="gx-a4-label" scope="row">
        {a}
      </th>
      <td>{av}</td>
      <th className="gx-a4-label" scope="row">
        {b}
      </th>
      <td>{bv}</td>
    </tr>
  );
  const points = s.rating.points;
  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/customers/${s.customerId}?tab=credit`)}>
          {t('credit.survey.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('credit.print')}
        </Button>
      </div>
      <article className="gx-a4" aria-label={t('credit.survey.title')}>
        <h1>{t('credit.survey.title')}</h1>
        <div className="gx-a4-meta">
          <span>{t('credit.survey.number', { id: s.id })}</span>
          <span>{t('credit.labelled', { label: t('credit.survey.surveyDate'), value: s.surveyDate })}</span>
        </div>
        <table>
          <tbody>
            {pair(t('credit.risk.customer'), t('common.withNote', { text: s.customerName, note: s.customerArchiveNo }), t('credit.survey.legalRepresentative'), s.legalRepresentative ?? '')}
            {pair(t('credit.survey.registeredCapitalWan'), String(s.registeredCapitalWan), t('credit.survey.yearsInBusiness'), String(s.yearsInBusiness))}
            {pair(t('credit.survey.bankName'), s.bankName ?? '', t('credit.survey.bankAccount'), s.bankAccount ?? '')}
            {pair(t('credit.survey.paymentRecord'), t(`credit.survey.payment.${s.paymentRecord}`), t('credit.survey.overdueWan'), String(s.overdueWan))}
            {pair(t('credit.survey.bankRating'), t(`credit.survey.bank.${s.bankRating}`), t('credit.survey.annualRevenueWan'), s.annualRevenueWan === null ? '' : String(s.annualRevenueWan))}
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('credit.survey.mainBusiness')}
              </th>
              <td colSpan={3}>{s.mainBusiness ?? ''}</td>
            </tr>
            <tr>
              <th className="gx-a4-label" scope="row">
                {t('credit.survey.notes')}
              </th>
              <td colSpan={3}>{s.notes ?? ''}</td>
            </tr>
          </tbody>
        </table>
        <h2>{t('credit.survey.result')}</h2>
        <table>
          <thead>
            <tr>
              {(Object.keys(points) as (keyof typeof points)[]).map((k) => (
                <th key={k}>{t(`credit.survey.indicator.${k}`)}</th>
              ))}
              <th>{t('credit.score')}</th>
              <th>{t('credit.rating')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {(Object.keys(points) as (keyof typeof points)[]).map((k) => (
                <td key={k} className="gx-a4-num">
                  {points[k]}
                </td>
              ))}
              <td className="gx-a4-num">{s.rating.score}</td>
              <td>{s.rating.label}</td>
            </tr>
          </tbody>
        </table>
        <table style={{ marginTop: '3mm' }}>
          <tbody>
            {pair(t('credit.limit'), wan(s.creditLimitWan), t('credit.terms'), s.paymentTermsDays === 0 ? t('credit.cashOnDelivery') : t('credit.termsValue', { days: s.paymentTermsDays }))}
          </tbody>
        </table>
        <div className="gx-a4-footer">
          {t('credit.labelled', { label: t('credit.survey.surveyedBy'), value: s.surveyedByName ?? '' })}
        </div>
      </article>
    </div>
  );
}
