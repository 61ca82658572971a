import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { ProposalDetail } from '../../api/contract/proposals';
import { NotFound, RecordGate } from '../../components/status';
import '../../components/a4-sheet.css';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useProposal } from './hooks';
import { CRITERIA, PROPOSAL_DOCUMENT_TYPE } from './labels';

type Sheet = 'proposal' | 'review' | 'report';
const SHEETS: Sheet[] = ['proposal', 'review', 'report'];

/** /proposals/:id/print/:sheet — 客户提案表, 提案评定表 or 提案成果报告表 on an A4 sheet (docs/regulations.md §14). */
export default function ProposalPrintPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const sheet = SHEETS.includes(params.sheet as Sheet) ? (params.sheet as Sheet) : null;
  const proposal = useProposal(id);
  if (!sheet) return <NotFound />;
  return (
    <RecordGate id={id} query={proposal} notFound={<NotFound message={t('proposals.notFound')} />}>
      {(p) => <PrintSheet proposal={p} sheet={sheet} />}
    </RecordGate>
  );
}

function PrintSheet({ proposal: p, sheet }: { proposal: ProposalDetail; sheet: Sheet }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t(`proposals.print.${sheet}Title`);
  useEffect(() => {
    document.title = `${title} - ${p.title}`;
  }, [title, p.title]);
  const row = (label: string, value: ReactNode, tall = false) => (
    <tr>
      <th className="gx-a4-label" scope="row">
        {label}
      </th>
      <td colSpan={3} style={tall ? { height: '28mm', verticalAlign: 'top' } : undefined}>
        {value}
      </td>
    </tr>
  );
  const pair = (a: string, av: ReactNode, b: string, bv: ReactNode) => (
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
  const proposer = p.source === 'customer' ? `${p.customerName ?? ''}${p.contactName ? ` · ${p.contactName}` : ''}` : (p.proposerName ?? '');
  const yes = (v: boolean) => (v ? t('proposals.yes') : t('proposals.no'));
  const weights = p.reviews[0]?.weights;

  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/proposals/${p.id}`)}>
          {t('proposals.print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('proposals.actions.print')}
        </Button>
      </div>
      <article className="gx-a4" aria-label={title}>
        <h1>{title}</h1>
        <div className="gx-a4-meta">
          <span>{t('proposals.print.number', { id: p.id })}</span>
          <span>{t('proposals.print.labelled', { label: t('proposals.fields.proposedOn'), value: p.proposedOn })}</span>
        </div>
        <table>
          <tbody>
            {pair(t('proposals.fields.title'), p.title, t('proposals.fields.proposer'), proposer)}
            {sheet === 'proposal' ? (
              <>
                {row(t('proposals.fields.problem'), p.problem, true)}
                {row(t('proposals.fields.proposal'), p.proposal, true)}
                {row(t('proposals.fields.expectedBenefit'), p.expectedBenefit, true)}
                {pair(t('proposals.fields.patent'), yes(p.patent), t('proposals.fields.patentNote'), p.patentNote ?? '')}
              </>
            ) : null}
            {sheet === 'report' && p.report ? (
              <>
                {pair(t('proposals.fields.implDepartment'), p.implDepartmentName ?? '', t('proposals.fields.implDoneOn'), p.implDoneOn ?? '')}
                {(['motivation', 'before', 'after', 'method', 'benefit', 'conclusion'] as const).map((k) => (
                  <tr key={k}>
                    <th className="gx-a4-label" scope="row">
                      {t(`proposals.report.${k}`)}
                    </th>
                    <td colSpan={3} style={{ height: '18mm', verticalAlign: 'top' }}>
                      {p.report![k]}
                    </td>
                  </tr>
                ))}
              </>
            ) : null}
          </tbody>
        </table>
        {sheet === 'review' ? (
          <table style={{ marginTop: '3mm' }}>
            <thead>
              <tr>
                <th>{t('proposals.review.reviewer')}</th>
                {CRITERIA.map((c) => (
                  <th key={c}>
                    {t(`proposals.review.criteria.${c}`)}
                    {weights ? <div>{t('proposals.review.weightValue', { weight: weights[c] })}</div> : null}
                  </th>
                ))}
                <th>{t('proposals.review.total')}</th>
              </tr>
            </thead>
            <tbody>
              {p.reviews.map((r) => (
                <tr key={r.id}>
                  <td>{r.reviewerName}</td>
                  {CRITERIA.map((c) => (
                    <td key={c} className="gx-a4-num">
                      {r.scores[c]}
                    </td>
                  ))}
                  <td className="gx-a4-num">{r.total}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" colSpan={CRITERIA.length + 1}>
                  {t('proposals.review.average')}
                </th>
                <td className="gx-a4-num">{p.score ?? ''}</td>
              </tr>
            </tbody>
          </table>
        ) : null}
        {sheet === 'review' && p.status !== 'submitted' && p.status !== 'draft' ? (
          <ApprovalPanel documentType={PROPOSAL_DOCUMENT_TYPE} documentId={p.id} print title={<h2>{t('proposals.approval.title')}</h2>} />
        ) : null}
        {sheet === 'report' && p.reward ? (
          <table style={{ marginTop: '3mm' }}>
            <tbody>
              {pair(t('proposals.reward.amountShown'), t('proposals.reward.yuan', { amount: (p.reward.amountCents / 100).toFixed(2) }), t('proposals.reward.form'), p.reward.form)}
              {pair(t('proposals.reward.decidedBy'), p.reward.decidedByName ?? '', t('proposals.reward.on'), p.reward.on ?? '')}
            </tbody>
          </table>
        ) : null}
        <div className="gx-a4-footer">{t('proposals.print.labelled', { label: t('proposals.print.signature'), value: '' })}</div>
      </article>
    </div>
  );
}
