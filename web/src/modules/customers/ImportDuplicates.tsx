import { Alert, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportDuplicateMode, ImportPreview } from '../../api/contract/customers';

type DuplicateRow = ImportPreview['duplicateRows'][number];
type FormulaCell = ImportPreview['formulaCells'][number];

/** What a duplicate row matched: the existing customer (linked), an earlier row of the file, or one outside the user's scope; and why. */
function Matches({ row }: { row: DuplicateRow }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {row.matches.map((m, i) => (
        <span key={i}>
          {m.fileRow !== null ? (
            t('customers.import.matchFileRow', { row: m.fileRow })
          ) : m.customerId !== null ? (
            <Link to={`/customers/${m.customerId}`}>
              {m.archiveNo} {m.name}
            </Link>
          ) : (
            <Typography.Text type="secondary">{t('customers.import.matchHidden')}</Typography.Text>
          )}{' '}
          {m.reasons.map((r) => (
            <Tag key={r}>{t(`customers.import.reasons.${r}`)}</Tag>
          ))}
        </span>
      ))}
    </Flex>
  );
}

/**
 * The duplicate rows of an import with their matches. In the preview each row gets its own choice (skip /
 * update the existing / create anyway, defaulting to the mode chosen for all); in the result, what was done.
 */
export function DuplicateRowsTable(props: {
  rows: DuplicateRow[];
  total: number;
  mode?: ImportDuplicateMode;
  choices?: Record<number, ImportDuplicateMode>;
  onChoose?: (row: number, action: ImportDuplicateMode) => void;
  canUpdate?: boolean;
}) {
  const { t } = useTranslation();
  if (!props.rows.length) return null;
  return (
    <>
      <Typography.Title level={5}>{t('customers.import.duplicateRows')}</Typography.Title>
      {props.total > props.rows.length ? <Typography.Paragraph type="secondary">{t('customers.import.duplicateRowsFirst', { shown: props.rows.length, total: props.total })}</Typography.Paragraph> : null}
      <Table<DuplicateRow>
        size="small"
        rowKey="row"
        dataSource={props.rows}
        pagination={props.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        style={{ marginBottom: 16 }}
        columns={[
          { key: 'row', title: t('customers.import.rowNo'), dataIndex: 'row', width: 80 },
          { key: 'name', title: t('customers.import.rowName'), dataIndex: 'name' },
          { key: 'matches', title: t('customers.import.matchedCustomer'), render: (_, r) => <Matches row={r} /> },
          {
            key: 'action',
            title: t('customers.import.rowAction'),
            width: 180,
            render: (_, r) =>
              props.onChoose ? (
                <Select<ImportDuplicateMode>
                  aria-label={t('customers.import.rowActionFor', { row: r.row })}
                  size="small"
                  style={{ width: 160 }}
                  value={props.choices?.[r.row] ?? props.mode ?? 'skip'}
                  onChange={(v) => props.onChoose!(r.row, v)}
                  options={(['skip', 'update', 'create'] as const).map((m) => ({ value: m, label: t(`customers.import.rowActions.${m}`), disabled: m === 'update' && !props.canUpdate }))}
                />
              ) : r.action ? (
                t(`customers.import.rowActions.${r.action}`)
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** Cells that held a formula: their saved result was taken, and the user is told where. */
export function FormulaCellsNotice({ cells }: { cells: FormulaCell[] | undefined }) {
  const { t } = useTranslation();
  if (!cells?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('customers.import.formulaCells', { count: cells.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {cells.slice(0, 20).map((c) => (
            <li key={`${c.row}-${c.column}`}>{t('customers.import.formulaCell', { row: c.row, header: c.header, value: c.value })}</li>
          ))}
        </ul>
      }
    />
  );
}
