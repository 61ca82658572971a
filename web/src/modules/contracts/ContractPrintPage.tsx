import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { ContractPrint } from '../../api/contract/contracts';
import { formatDateTime } from '../../components/format';
import { FullPageSpin, LoadError, NotFound } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useContractPrint } from './hooks';
import { currencyLabel, formatAmount, statusLabel } from './labels';
import '../../components/a4-sheet.css';
import '../complaints/print.css';

/** /contracts/:id/print — the contract summary on an A4 sheet with its approval trail (docs/regulations.md §13). */
export default function ContractPrintPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const print = useContractPrint(id);
  if (!(Number.isInteger(id) && id > 0)) return <NotFound />;
  if (print.isPending) return <FullPageSpin />;
  if (print.isError && !print.data) {
    if (print.error instanceof ApiError && print.error.status === 404) return <NotFound />;
    return <LoadError error={print.error} onRetry={() => void print.refetch()} />;
  }
  return <Sheet data={print.data} />;
}

function Sheet({ data: { contract: c, approval } }: { data: ContractPrint }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('contracts.print.heading')} - ${c.contractNo}`;
  }, [c.contractNo, t]);
  const booked = c.resource
    ? [c.businessType ? t(`contracts.booking.types.${c.businessType}`) : null, c.resource, c.quantity !== null ? `${c.quantity}${c.businessType ? ` ${t(`contracts.booking.units.${c.businessType}`)}` : ''}` : null]
        .filter(Boolean)
        .join(t('contracts.listSeparator'))
    : '';
  return (
    <div>
      <div className="gx-a4-toolbar">
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/contracts/${c.id}`)}>
          {t('contracts.print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('contracts.print.print')}
        </Button>
      </div>
      <article className="gx-a4 gx-cp-print" aria-label={t('contracts.print.heading')}>
        <h1>{t('contracts.print.heading')}</h1>
        <div className="gx-a4-meta">
          <span>{t('contracts.print.number', { no: c.contractNo })}</span>
          <span>{statusLabel(t, c.status)}</span>
        </div>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t('contracts.fields.title')}</th>
              <td colSpan={3}>{c.title}</td>
            </tr>
            <tr>
              <th scope="row">{t('contracts.fields.customer')}</th>
              <td colSpan={3}>{t('common.withNote', { text: c.customerName, note: c.customerArchiveNo })}</td>
            </tr>
            <tr>
              <th scope="row">{t('contracts.fields.amount')}</th>
              <td>{formatAmount(c.amount, c.currency)}</td>
              <th scope="row">{t('contracts.fields.currency')}</th>
              <td>{currencyLabel(t, c.currency)}</td>
            </tr>
            <tr>
              <th scope="row">{t('contracts.fields.term')}</th>
              <td>{t('contracts.termRange', { start: c.startDate, end: c.endDate })}</td>
              <th scope="row">{t('contracts.fields.signingDate')}</th>
              <td>{c.signingDate ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">{t('contracts.fields.signer')}</th>
              <td>{c.signerName ?? ''}</td>
              <th scope="row">{t('contracts.fields.owner')}</th>
              <td>{c.ownerName ?? ''}</td>
            </tr>
            {booked ? (
              <tr>
                <th scope="row">{t('contracts.print.booked')}</th>
                <td colSpan={3}>{booked}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t('contracts.filing.label')}</th>
              <td colSpan={3}>{c.filingLocation ?? ''}</td>
            </tr>
            <tr className="gx-cp-tall">
              <td colSpan={4}>
                <div className="gx-cp-label">{t('contracts.fields.terms')}</div>
                <span style={{ whiteSpace: 'pre-wrap' }}>{c.terms ?? ''}</span>
              </td>
            </tr>
          </tbody>
        </table>
        {approval ? (
          <ApprovalPanel documentType="contract" documentId={c.id} print title={<h2>{t('contracts.print.approvals')}</h2>} />
        ) : (
          <p>{t('contracts.print.noApproval')}</p>
        )}
        <p className="gx-a4-footer">{t('contracts.print.printedAt', { at: formatDateTime(new Date().toISOString()) })}</p>
      </article>
    </div>
  );
}
