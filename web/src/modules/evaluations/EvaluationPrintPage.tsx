import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { RecordGate } from '../../components/status';
import { useEvaluation } from './hooks';
import { evaluationPath, formatTotal, recommendationLabel, statusLabel } from './labels';
import '../../components/a4-sheet.css';
import { type EvaluationDetail, RECOMMENDATIONS } from './types';

/** /evaluations/:id/print — 客户关系评估表 and 客户关系强化表 on an A4 sheet, laid out as the seed form (003 第三章第三节). */
export default function EvaluationPrintPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const evaluation = useEvaluation(id);
  return (
    <RecordGate id={id} query={evaluation}>
      {(e) => <Sheet evaluation={e} />}
    </RecordGate>
  );
}

function Sheet({ evaluation: e }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('evaluations.print.heading')} - ${e.customerName}`;
  }, [e.customerName, t]);
  const tick = (on: boolean) => (on ? '\u2611' : '\u2610');

  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(evaluationPath(e.id))}>
          {t('evaluations.print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('evaluations.print.print')}
        </Button>
      </div>
      <article className="gx-a4" aria-label={t('evaluations.print.heading')}>
        <h1>{t('evaluations.print.heading')}</h1>
        <div className="gx-a4-meta">
          <span>{t('evaluations.print.customer', { name: e.customerName, archiveNo: e.customerArchiveNo })}</span>
          <span>{t('evaluations.print.number', { id: e.id })}</span>
        </div>
        <div className="gx-a4-meta">
          <span>{t('common.labelValue', { label: t('evaluations.fields.evaluatedOn'), value: e.evaluatedOn })}</span>
          <span>{t('common.labelValue', { label: t('evaluations.fields.status'), value: statusLabel(t, e.status) })}</span>
        </div>
        <table>
          <thead>
            <tr>
              <th style={{ width: '22%' }}>{t('evaluations.fields.indicator')}</th>
              <th style={{ width: '10%' }}>{t('evaluations.fields.weight')}</th>
              <th style={{ width: '10%' }}>{t('evaluations.fields.score')}</th>
              <th style={{ width: '12%' }}>{t('evaluations.fields.weighted')}</th>
              <th>{t('evaluations.fields.scoreBasis')}</th>
            </tr>
          </thead>
          <tbody>
            {e.scores.map((s) => (
              <tr key={s.indicatorId}>
                <td>{s.name}</td>
                <td>{`${s.weight}%`}</td>
                <td>{s.score}</td>
                <td>{formatTotal(s.weighted)}</td>
                <td>{s.basis ?? ''}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('evaluations.print.total')}</th>
              <td>100%</td>
              <td colSpan={2}>{formatTotal(e.total)}</td>
              <td>{e.conclusion ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">{t('evaluations.print.result')}</th>
              <td colSpan={4}>{RECOMMENDATIONS.map((r) => `${tick(r === e.recommendation)} ${recommendationLabel(t, r)}`).join(t('common.wideGap'))}</td>
            </tr>
          </tbody>
        </table>
        <h2>{t('evaluations.form.strengtheningTitle')}</h2>
        <table>
          <thead>
            <tr>
              <th style={{ width: '14%' }}>{t('evaluations.strengthening.level')}</th>
              <th>{t('evaluations.strengthening.influence')}</th>
              <th>{t('evaluations.strengthening.competitorTie')}</th>
              <th style={{ width: '13%' }}>{t('evaluations.strengthening.responsible')}</th>
              <th>{t('evaluations.strengthening.measures')}</th>
              <th style={{ width: '13%' }}>{t('evaluations.strengthening.timing')}</th>
            </tr>
          </thead>
          <tbody>
            {e.strengthening.map((r) => (
              <tr key={r.level}>
                <th scope="row">{t(`evaluations.strengthening.levels.${r.level}`)}</th>
                <td>{r.influence ?? ''}</td>
                <td>{r.competitorTie ?? ''}</td>
                <td>{r.responsible ?? ''}</td>
                <td>{r.measures ?? ''}</td>
                <td>{r.timing ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ marginTop: '8mm' }}>{t('evaluations.print.signatures', { by: e.submittedByName ?? e.createdByName ?? '', reviewer: e.reviewedByName ?? '' })}</p>
      </article>
    </div>
  );
}
