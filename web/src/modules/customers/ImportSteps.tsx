import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Progress, Radio, Select, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadProps } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ImportDuplicateMode, ImportPreview, ImportRowError } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { useCan } from '../auth/hooks';
import { fieldLabel } from './fields';
import { importReportUrl, useImportMapping, useUploadImport } from './hooks';

/** Narrows the file dialog only: the server judges the type by content, so dropped files are not filtered here. */
const ACCEPT = { format: '.xlsx,.csv', filter: 'native' as const };
/** The Select value for "不导入" (a column mapped to no field). */
const NONE = '__none__';

/** Spreadsheet column name of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The server's message plus the field messages a 422 may carry (e.g. a mapping problem). */
function useDescribeWithFields() {
  const describe = useDescribeError();
  const { t } = useTranslation();
  return (err: unknown) => {
    const base = describe(err);
    const extra = err instanceof ApiError ? err.fields.map((f) => f.message).filter((m) => m && m !== base) : [];
    return extra.length ? t('common.labelValue', { label: base, value: extra.join(t('common.itemSeparator')) }) : base;
  };
}

// ── 1 上传文件 ─────────────────────────────────────────────────────────────────────────────────
export function UploadStep({ onUploaded }: { onUploaded: (preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const describe = useDescribeWithFields();
  const inputId = useId();
  const [sending, setSending] = useState<{ filename: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File;
    const controller = new AbortController();
    setError(null);
    setSending({ filename: f.name, percent: 0 });
    upload
      .mutateAsync({
        file: f,
        filename: f.name,
        onProgress: (percent) => setSending({ filename: f.name, percent }),
        signal: controller.signal,
      })
      .then((preview) => {
        onSuccess?.(preview);
        setSending(null);
        onUploaded(preview);
      })
      .catch((err: unknown) => {
        setSending(null);
        if ((err as Error)?.name === 'AbortError') return;
        onError?.(err as Error);
        // 413 / 415 / 422: the server says why, in the user's language.
        setError(t('customers.import.uploadFailed', { filename: f.name, reason: describe(err) }));
      });
    return { abort: () => controller.abort() };
  };

  return (
    <Form name="importUpload" layout="vertical" onFinish={() => undefined}>
      <Form.Item label={t('customers.import.file')} htmlFor={inputId} style={{ marginBottom: 12 }}>
        <Upload.Dragger
          id={inputId}
          accept={ACCEPT}
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={!!sending}
          customRequest={customRequest}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('customers.import.dragTitle')}</p>
          <p className="ant-upload-hint" style={{ paddingInline: 12 }}>
            {t('customers.import.dragHint')}
          </p>
        </Upload.Dragger>
      </Form.Item>
      {sending ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>
            {sending.percent < 100 ? t('customers.import.uploading', { filename: sending.filename }) : t('customers.import.reading', { filename: sending.filename })}
          </Typography.Text>
          <Progress percent={sending.percent} status="active" aria-label={t('customers.import.uploadProgress')} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} /> : null}
    </Form>
  );
}

// ── shared: counts and errors ─────────────────────────────────────────────────────────────────
export function ImportCounts({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const items = [
    { key: 'rowCount', value: preview.rowCount },
    { key: 'validCount', value: preview.validCount },
    { key: 'errorRowCount', value: preview.errorRowCount, color: preview.errorRowCount ? '#cf1322' : undefined },
    { key: 'duplicates', value: preview.duplicates, color: preview.duplicates ? '#d48806' : undefined },
  ];
  return (
    <Flex wrap gap={isMobile ? 16 : 40} style={{ marginBottom: 16 }}>
      {items.map((i) => (
        <Statistic key={i.key} title={t(`customers.import.${i.key}`)} value={i.value} styles={{ content: { color: i.color } }} />
      ))}
    </Flex>
  );
}

function errorColumnText(t: TFunction, e: ImportRowError): string {
  if (e.column === null || e.column === undefined) return t('customers.import.notMapped');
  return e.header ? `${columnLetter(e.column)} ${e.header}` : columnLetter(e.column);
}

export function ImportErrorsTable({ title, errors, total, importId }: { title?: string; errors: ImportRowError[]; total: number; importId: number }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  type Row = ImportRowError & { key: string };
  const field: TableColumnsType<Row>[number] = { title: t('customers.import.errorField'), dataIndex: 'field', width: 130, render: (f: string) => fieldLabel(t, f) };
  // Phones leave out the field (the column's header usually names it), so the reason is on screen.
  const columns: TableColumnsType<Row> = [
    { title: t('customers.import.errorRow'), dataIndex: 'row', width: isMobile ? 56 : 70 },
    { title: t('customers.import.errorColumn'), key: 'column', width: isMobile ? 110 : 160, render: (_, e) => errorColumnText(t, e) },
    ...(isMobile ? [] : [field]),
    { title: t('customers.import.errorMessage'), dataIndex: 'message', width: isMobile ? 200 : 260 },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title ?? t('customers.import.errorsTitle')}
        </Typography.Title>
        <a href={importReportUrl(importId)} download>
          <DownloadOutlined style={{ marginInlineEnd: 4 }} />
          {t('customers.import.downloadReport')}
        </a>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('customers.import.reportHint')}
        {total > errors.length ? ` ${t('customers.import.errorsTruncated', { shown: errors.length, total })}` : ''}
      </Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={errors.map((e, i) => ({ ...e, key: `${e.row}-${e.field}-${i}` }))}
        scroll={{ x: isMobile ? 366 : 620 }}
        pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}

// ── 2 核对字段 ─────────────────────────────────────────────────────────────────────────────────
interface ColumnRow {
  index: number;
  header: string;
  field: string | null;
}

export function MappingStep({ preview, onBack, onNext }: { preview: ImportPreview; onBack: () => void; onNext: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const mapping = useImportMapping(preview.id);
  const describe = useDescribeWithFields();
  const [error, setError] = useState<string | null>(null);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const separator = t('customers.import.sampleSeparator');

  const fieldOptions = [
    { value: NONE, label: t('customers.import.notImported') },
    ...preview.fields.map((f) => ({ value: f, label: fieldLabel(t, f) })),
  ];

  // While changes are being saved the selects show what was chosen; the saves run one after another (each
  // sends the whole mapping), so the server ends with the last choice. The selects stay enabled: a select
  // disabled between Enter's keydown and keyup ignores the next Enter.
  const [local, setLocal] = useState<(string | null)[] | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const shown = local ?? preview.columns.map((c) => c.field);
  const saving = local !== null;

  /** A field belongs to one column: choosing it for this one takes it from any other. */
  const change = (index: number, value: string) => {
    const field = value === NONE ? null : value;
    const next = shown.map((f, i) => (i === index ? field : field && f === field ? null : f));
    const mine = ++seq.current;
    setLocal(next);
    setError(null);
    const run = chain.current.then(() => mapping.mutateAsync(next));
    chain.current = run.then(
      () => undefined,
      () => undefined,
    );
    run.then(
      () => {
        if (mine === seq.current) setLocal(null);
      },
      (err: unknown) => {
        if (mine === seq.current) setLocal(null);
        setError(describe(err));
      },
    );
  };

  const samplesOf = (field: string | null) => {
    if (!field) return [];
    return preview.sample
      .map((r) => r.values[field])
      .filter((v): v is string => !!v)
      .slice(0, 3);
  };

  // Phones: column letter and header share a cell, so the field select is on screen without scrolling.
  const headerColumns: TableColumnsType<ColumnRow> = isMobile
    ? [
        {
          title: t('customers.import.header'),
          dataIndex: 'header',
          width: 120,
          render: (h: string, c) => (
            <>
              <Typography.Text type="secondary">{columnLetter(c.index)} </Typography.Text>
              {h || none}
            </>
          ),
        },
      ]
    : [
        { title: t('customers.import.column'), dataIndex: 'index', width: 56, render: (i: number) => columnLetter(i) },
        { title: t('customers.import.header'), dataIndex: 'header', width: 170, render: (h: string) => h || none },
      ];
  const columns: TableColumnsType<ColumnRow> = [
    ...headerColumns,
    {
      title: t('customers.import.mappedField'),
      key: 'field',
      width: isMobile ? 180 : 210,
      render: (_, c) => (
        <Select
          value={shown[c.index] ?? NONE}
          aria-label={t('customers.import.mappedFieldLabel', { header: c.header || columnLetter(c.index) })}
          options={fieldOptions}
          onChange={(v: string) => change(c.index, v)}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: t('customers.import.samples'),
      key: 'samples',
      width: 280,
      render: (_, c) => {
        const field = shown[c.index];
        if (!field) return <Typography.Text type="secondary">{t('customers.import.noSample')}</Typography.Text>;
        const values = samplesOf(field);
        return values.length ? (
          <Typography.Text ellipsis={{ tooltip: values.join(separator) }} style={{ maxWidth: 260 }}>
            {values.join(separator)}
          </Typography.Text>
        ) : (
          none
        );
      },
    },
  ];

  const mapped = preview.columns.filter((c) => c.field);
  type SampleRow = ImportPreview['sample'][number];
  const sampleColumns: TableColumnsType<SampleRow> = [
    { title: t('customers.import.rowNo'), dataIndex: 'row', width: 64, fixed: isMobile ? undefined : 'left' },
    {
      title: t('customers.import.rowValid'),
      dataIndex: 'valid',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">{t('customers.import.valid')}</Tag> : <Tag color="red">{t('customers.import.invalid')}</Tag>),
    },
    ...mapped.map((c) => ({
      title: fieldLabel(t, c.field!),
      key: c.field!,
      width: 150,
      render: (_: unknown, r: SampleRow) => r.values[c.field!] || none,
    })),
  ];

  const blocked = preview.unmappedRequired.length > 0;
  return (
    <>
      <FileLine preview={preview} />
      {preview.alreadyImported ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('customers.import.alreadyImportedBefore', {
            at: formatDateTime(preview.alreadyImported.at),
            name: preview.alreadyImported.byName ?? t('common.none'),
          })}
        />
      ) : null}
      <ImportCounts preview={preview} />
      <Typography.Paragraph type="secondary">{t('customers.import.mappingHint')}</Typography.Paragraph>
      {blocked ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('customers.import.unmappedRequired', { fields: preview.unmappedRequired.map((f) => fieldLabel(t, f)).join(t('common.listSeparator')) })}
        />
      ) : null}
      {error ? <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} style={{ marginBottom: 12 }} /> : null}
      <Table<ColumnRow>
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={preview.columns}
        scroll={{ x: isMobile ? 580 : 716 }}
        pagination={preview.columns.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        style={{ marginBottom: 16 }}
      />
      {preview.sample.length && mapped.length ? (
        <>
          <Typography.Title level={5}>{t('customers.import.sampleRows', { count: preview.sample.length })}</Typography.Title>
          <Table<SampleRow>
            rowKey="row"
            size="small"
            columns={sampleColumns}
            dataSource={preview.sample}
            scroll={{ x: 144 + mapped.length * 150 }}
            pagination={{ pageSize: 5, showSizeChanger: false }}
            style={{ marginBottom: 16 }}
          />
        </>
      ) : null}
      <StepButtons>
        <Button onClick={onBack}>{t('customers.import.reupload')}</Button>
        <Button type="primary" disabled={blocked || saving} loading={saving} onClick={onNext}>
          {t('customers.import.next')}
        </Button>
      </StepButtons>
    </>
  );
}

export function FileLine({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const parts = [
    t('customers.import.fileInfo', { filename: preview.filename }),
    preview.sheetName ? t('customers.import.sheet', { name: preview.sheetName }) : null,
    preview.encoding ? t('customers.import.encoding', { encoding: preview.encoding.toUpperCase() }) : null,
  ].filter(Boolean);
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
      {parts.join(' · ')}
    </Typography.Paragraph>
  );
}

export function StepButtons({ children }: { children: ReactNode }) {
  return (
    <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 8 }}>
      {children}
    </Flex>
  );
}

// ── 3 校验结果 ─────────────────────────────────────────────────────────────────────────────────
export const DUPLICATE_MODES: ImportDuplicateMode[] = ['skip', 'update', 'create'];

export function CheckStep({
  preview,
  mode,
  onModeChange,
  onBack,
  onStart,
}: {
  preview: ImportPreview;
  mode: ImportDuplicateMode;
  onModeChange: (mode: ImportDuplicateMode) => void;
  onBack: () => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const canUpdate = can('customers.update');
  const modeGroupId = useId();
  const summary =
    preview.validCount === 0 ? (
      <Alert type="error" showIcon title={t('customers.import.noneValid')} style={{ marginBottom: 12 }} />
    ) : preview.errorRowCount === 0 ? (
      <Alert type="success" showIcon title={t('customers.import.allValid', { count: preview.rowCount })} style={{ marginBottom: 12 }} />
    ) : (
      <Alert
        type="warning"
        showIcon
        title={t('customers.import.someInvalid', { errors: preview.errorRowCount, valid: preview.validCount })}
        style={{ marginBottom: 12 }}
      />
    );

  return (
    <>
      <FileLine preview={preview} />
      <ImportCounts preview={preview} />
      {summary}
      {preview.errorCount > 0 ? <ImportErrorsTable errors={preview.errors} total={preview.errorCount} importId={preview.id} /> : null}
      <Typography.Title level={5} id={modeGroupId}>
        {t('customers.import.duplicatesMode')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {preview.duplicates > 0 ? t('customers.import.duplicatesFound', { count: preview.duplicates }) : t('customers.import.duplicatesNone')}
      </Typography.Paragraph>
      <Radio.Group
        aria-labelledby={modeGroupId}
        value={mode}
        onChange={(e) => onModeChange(e.target.value as ImportDuplicateMode)}
        style={{ marginBottom: 16 }}
      >
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
      <StepButtons>
        <Button onClick={onBack}>{t('customers.import.prev')}</Button>
        <Button type="primary" disabled={preview.validCount === 0} onClick={onStart}>
          {t('customers.import.start')}
        </Button>
      </StepButtons>
    </>
  );
}
