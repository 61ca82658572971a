import { Alert, Flex, Radio, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDuplicateMode, ImportPreview } from '../../api/contract/customers';
import { ImportWizard } from '../../components/import/ImportWizard';
import { useCan } from '../auth/hooks';
import { fieldLabel } from './fields';
import { customerImport } from './hooks';
import { DuplicateRowsTable, FormulaCellsNotice } from './ImportDuplicates';

const DUPLICATE_MODES: ImportDuplicateMode[] = ['skip', 'update', 'create'];

/** 导入客户: the shared import wizard, with the archive's choice of what to do with duplicate customers. */
export default function CustomerImportPage() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ImportDuplicateMode>('skip');
  // The choice per duplicate row (spreadsheet row number); rows left alone follow `mode`.
  const [choices, setChoices] = useState<Record<number, ImportDuplicateMode>>({});
  const can = useCan();
  const counts = (p: ImportPreview) => [
    { key: 'rowCount', label: t('importWizard.rowCount'), value: p.rowCount },
    { key: 'validCount', label: t('importWizard.validCount'), value: p.validCount },
    { key: 'errorRowCount', label: t('importWizard.errorRowCount'), value: p.errorRowCount, color: p.errorRowCount ? '#cf1322' : undefined },
    { key: 'duplicates', label: t('customers.import.duplicates'), value: p.duplicates, color: p.duplicates ? '#d48806' : undefined },
  ];
  return (
    <ImportWizard
      title={t('customers.import.title')}
      back={{ path: '/customers', label: t('customers.back'), doneLabel: t('customers.import.backToList') }}
      hooks={customerImport}
      fieldLabel={fieldLabel}
      uploadHint={t('customers.import.dragHint')}
      counts={counts}
      checkOptions={(p) => (
        <>
          <FormulaCellsNotice cells={p.formulaCells} />
          <PurchaseNotice preview={p} />
          <DuplicateModes duplicates={p.duplicates} mode={mode} onChange={setMode} />
          <DuplicateRowsTable
            rows={p.duplicateRows}
            total={p.duplicates}
            mode={mode}
            choices={choices}
            canUpdate={can('customers.update')}
            onChoose={(row, action) => setChoices((c) => ({ ...c, [row]: action }))}
          />
        </>
      )}
      commitBody={{ duplicates: mode, rows: Object.entries(choices).map(([row, action]) => ({ row: Number(row), action })) }}
      onStartOver={() => {
        setMode('skip');
        setChoices({});
      }}
      done={(r) => ({
        info: r.alreadyImported,
        notice: (
          <>
            {r.alreadyImported ? <Alert type="info" showIcon title={t('customers.import.alreadyImported')} style={{ marginBottom: 16 }} /> : null}
            <FormulaCellsNotice cells={r.formulaCells} />
            {/* After a reload the result comes from the status, which does not list the rows. */}
            <DuplicateRowsTable rows={r.duplicateRows ?? []} total={r.duplicateRows?.length ?? 0} />
          </>
        ),
        counts: [
          { key: 'created', label: t('customers.import.created'), value: r.created, color: '#389e0d' },
          { key: 'updated', label: t('customers.import.updated'), value: r.updated, color: '#1677ff' },
          { key: 'unchanged', label: t('customers.import.unchanged'), value: r.unchanged },
          { key: 'skipped', label: t('customers.import.skipped'), value: r.skipped },
          { key: 'failedCount', label: t('importWizard.failedCount'), value: r.failed, color: r.failed ? '#cf1322' : undefined },
          // Only when the file carried annual purchase amounts into the transaction ledger.
          ...(r.ledgerCreated || r.ledgerExisting
            ? [
                { key: 'ledgerCreated', label: t('customers.import.ledgerCreated'), value: r.ledgerCreated ?? 0, color: '#389e0d' },
                { key: 'ledgerExisting', label: t('customers.import.ledgerExisting'), value: r.ledgerExisting ?? 0 },
              ]
            : []),
        ],
      })}
    />
  );
}

/** When a column is mapped to the annual purchase amount: its unit, the ledger entry it makes and the year it counts for. */
function PurchaseNotice({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const mapped = new Set(preview.columns.map((c) => c.field));
  if (!mapped.has('annualAmount') || preview.purchaseYearDefault === null) return null;
  const year = { year: preview.purchaseYearDefault };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('customers.import.purchaseTitle')}
      description={
        <>
          <div>{t('customers.import.purchaseHint')}</div>
          <div>{mapped.has('purchaseYear') ? t('customers.import.purchaseYearColumn', year) : t('customers.import.purchaseYearDefault', year)}</div>
        </>
      }
    />
  );
}

function DuplicateModes({ duplicates, mode, onChange }: { duplicates: number; mode: ImportDuplicateMode; onChange: (mode: ImportDuplicateMode) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const canUpdate = can('customers.update');
  const modeGroupId = useId();
  return (
    <>
      <Typography.Title level={5} id={modeGroupId}>
        {t('customers.import.duplicatesMode')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {duplicates > 0 ? t('customers.import.duplicatesFound', { count: duplicates }) : t('customers.import.duplicatesNone')}
      </Typography.Paragraph>
      <Radio.Group aria-labelledby={modeGroupId} value={mode} onChange={(e) => onChange(e.target.value as ImportDuplicateMode)} style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          {DUPLICATE_MODES.map((m) => {
            const disabled = m === 'update' && !canUpdate;
            return (
              <Radio key={m} value={m} disabled={disabled}>
                {t(`customers.import.modes.${m}`)}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {disabled ? t('customers.import.updateNeedsRight') : t(`customers.import.modeHints.${m}`)}
                </Typography.Text>
              </Radio>
            );
          })}
        </Flex>
      </Radio.Group>
    </>
  );
}
