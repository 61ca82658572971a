import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Flex, Form, Segmented, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api/client';
import type { TransactionImportKind, TransactionImportPreview } from '../../api/contract/transactions';
import { ImportWizard } from '../../components/import/ImportWizard';
import { transactionImport } from './hooks';

const KINDS: TransactionImportKind[] = ['transactions', 'returns'];
const fieldLabel = (t: TFunction, field: string) => t(`transactions.import.fields.${field}`, { defaultValue: field });

/**
 * 导入交易记录 / 退赔折价 (archive sections 3–4): the shared import wizard; the kind is chosen before the
 * upload and kept in the address (?kind=), the template of each kind is one click away.
 */
export default function TransactionImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind: TransactionImportKind = params.get('kind') === 'returns' ? 'returns' : 'transactions';
  const counts = (p: TransactionImportPreview) => [
    { key: 'rowCount', label: t('importWizard.rowCount'), value: p.rowCount },
    { key: 'validCount', label: t('importWizard.validCount'), value: p.validCount },
    { key: 'errorRowCount', label: t('importWizard.errorRowCount'), value: p.errorRowCount, color: p.errorRowCount ? '#cf1322' : undefined },
    { key: 'existing', label: t('transactions.import.existing'), value: p.existing, color: p.existing ? '#d48806' : undefined },
  ];
  return (
    <ImportWizard
      title={t('transactions.import.title')}
      back={{ path: '/transactions', label: t('transactions.import.back'), doneLabel: t('transactions.import.back') }}
      hooks={transactionImport}
      fieldLabel={fieldLabel}
      uploadHint={t('transactions.import.dragHint')}
      uploadQuery={{ kind }}
      uploadExtra={
        <Form layout="vertical">
          <Form.Item label={t('transactions.import.kind')}>
            <Flex wrap gap={16} align="center">
              <Segmented<TransactionImportKind>
                value={kind}
                options={KINDS.map((k) => ({ value: k, label: t(`transactions.import.kinds.${k}`) }))}
                onChange={(k) => setParams({ kind: k }, { replace: true })}
              />
              <a href={withQuery('/api/transaction-imports/template.xlsx', { kind })} download>
                <DownloadOutlined style={{ marginInlineEnd: 4 }} />
                {t('transactions.import.template')}
              </a>
            </Flex>
            <Typography.Text type="secondary">{t('transactions.import.templateHint')}</Typography.Text>
          </Form.Item>
        </Form>
      }
      counts={counts}
      commitBody={{}}
      done={(r) => ({
        info: r.created === 0,
        notice: <Alert type={r.created ? 'success' : 'info'} showIcon title={r.message} style={{ marginBottom: 16 }} />,
        counts: [
          { key: 'created', label: t('transactions.import.created'), value: r.created, color: '#389e0d' },
          { key: 'unchanged', label: t('transactions.import.unchanged'), value: r.unchanged },
          { key: 'failedCount', label: t('importWizard.failedCount'), value: r.failed, color: r.failed ? '#cf1322' : undefined },
          { key: 'reclassified', label: t('transactions.import.reclassified'), value: r.reclassified },
        ],
      })}
    />
  );
}
