import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Progress, Select, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType, UploadProps } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../errors';
import { formatDateTime } from '../format';
import type { ImportPreviewBase, ImportRowError, ImportUpload } from './importHooks';

/**
 * The steps of the spreadsheet import wizard, shared by every import (customers, transactions …): upload,
 * column mapping with samples, counts, the error table with the downloadable report. What differs per
 * import comes in as props: its upload and mapping mutations, its field labels, its counts.
 */
type ImportPreview = ImportPreviewBase;
type FieldLabel = (t: TFunction, field: string) => string;
/** A mutation as the steps use it (react-query's useMutation result). */
interface Mutation<A, T> {
  mutateAsync: (args: A) => Promise<T>;
}

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
export function UploadStep<P extends ImportPreview>({ upload, hint, onUploaded }: { upload: Mutation<ImportUpload, P>; hint: ReactNode; onUploaded: (preview: P) => void }) {
  const { t } = useTranslation();
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
        setError(t('importWizard.uploadFailed', { filename: f.name, reason: describe(err) }));
      });
    return { abort: () => controller.abort() };
  };

  return (
    <Form name="importUpload" layout="vertical" onFinish={() => undefined}>
      <Form.Item label={t('importWizard.file')} htmlFor={inputId} style={{ marginBottom: 12 }}>
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
          <p className="ant-upload-text">{t('importWizard.dragTitle')}</p>
          <p className="ant-upload-hint" style={{ paddingInline: 12 }}>
            {hint}
          </p>
        </Upload.Dragger>
      </Form.Item>
      {sending ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>
            {sending.percent < 100 ? t('importWizard.uploading', { filename: sending.filename }) : t('importWizard.reading', { filename: sending.filename })}
          </Typography.Text>
          <Progress percent={sending.percent} status="active" aria-label={t('importWizard.uploadProgress')} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} /> : null}
    </Form>
  );
}

// ── shared: counts and errors ─────────────────────────────────────────────────────────────────
/** One figure of the counts row: its label, value and colour. */
export interface CountItem {
  key: string;
  label: string;
  value: number;
  color?: string;
}

export function ImportCounts({ items }: { items: CountItem[] }) {
  const isMobile = useIsMobile();
  return (
    <Flex wrap gap={isMobile ? 16 : 40} style={{ marginBottom: 16 }}>
      {items.map((i) => (
        <Statistic key={i.key} title={i.label} value={i.value} styles={{ content: { color: i.color } }} />
      ))}
    </Flex>
  );
}

function errorColumnText(t: TFunction, e: ImportRowError): string {
  if (e.column === null || e.column === undefined) return t('importWizard.notMapped');
  return e.header ? `${columnLetter(e.column)} ${e.header}` : columnLetter(e.column);
}

export function ImportErrorsTable({ title, errors, total, reportUrl, fieldLabel }: { title?: string; errors: ImportRowError[]; total: number; reportUrl: string; fieldLabel: FieldLabel }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  type Row = ImportRowError & { key: string };
  const field: TableColumnsType<Row>[number] = { title: t('importWizard.errorField'), dataIndex: 'field', width: 130, render: (f: string) => fieldLabel(t, f) };
  // Phones leave out the field (the column's header usually names it), so the reason is on screen.
  const columns: TableColumnsType<Row> = [
    { title: t('importWizard.errorRow'), dataIndex: 'row', width: isMobile ? 56 : 70 },
    { title: t('importWizard.errorColumn'), key: 'column', width: isMobile ? 110 : 160, render: (_, e) => errorColumnText(t, e) },
    ...(isMobile ? [] : [field]),
    { title: t('importWizard.errorMessage'), dataIndex: 'message', width: isMobile ? 200 : 260 },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title ?? t('importWizard.errorsTitle')}
        </Typography.Title>
        <a href={reportUrl} download>
          <DownloadOutlined style={{ marginInlineEnd: 4 }} />
          {t('importWizard.downloadReport')}
        </a>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('importWizard.reportHint')}
        {total > errors.length ? ` ${t('importWizard.errorsTruncated', { shown: errors.length, total })}` : ''}
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

export function MappingStep({
  preview,
  mapping,
  fieldLabel,
  counts,
  onBack,
  onNext,
}: {
  preview: ImportPreview;
  mapping: Mutation<(string | null)[], unknown>;
  fieldLabel: FieldLabel;
  counts: CountItem[];
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const describe = useDescribeWithFields();
  const [error, setError] = useState<string | null>(null);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const separator = t('importWizard.sampleSeparator');

  const fieldOptions = [
    { value: NONE, label: t('importWizard.notImported') },
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
          title: t('importWizard.header'),
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
        { title: t('importWizard.column'), dataIndex: 'index', width: 56, render: (i: number) => columnLetter(i) },
        { title: t('importWizard.header'), dataIndex: 'header', width: 170, render: (h: string) => h || none },
      ];
  const columns: TableColumnsType<ColumnRow> = [
    ...headerColumns,
    {
      title: t('importWizard.mappedField'),
      key: 'field',
      width: isMobile ? 180 : 210,
      render: (_, c) => (
        <Select
          value={shown[c.index] ?? NONE}
          aria-label={t('importWizard.mappedFieldLabel', { header: c.header || columnLetter(c.index) })}
          options={fieldOptions}
          onChange={(v: string) => change(c.index, v)}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: t('importWizard.samples'),
      key: 'samples',
      width: 280,
      render: (_, c) => {
        const field = shown[c.index];
        if (!field) return <Typography.Text type="secondary">{t('importWizard.noSample')}</Typography.Text>;
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
    { title: t('importWizard.rowNo'), dataIndex: 'row', width: 64, fixed: isMobile ? undefined : 'left' },
    {
      title: t('importWizard.rowValid'),
      dataIndex: 'valid',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="green">{t('importWizard.valid')}</Tag> : <Tag color="red">{t('importWizard.invalid')}</Tag>),
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
          title={t('importWizard.alreadyImportedBefore', {
            at: formatDateTime(preview.alreadyImported.at),
            name: preview.alreadyImported.byName ?? t('common.none'),
          })}
        />
      ) : null}
      <ImportCounts items={counts} />
      <Typography.Paragraph type="secondary">{t('importWizard.mappingHint')}</Typography.Paragraph>
      {blocked ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('importWizard.unmappedRequired', { fields: preview.unmappedRequired.map((f) => fieldLabel(t, f)).join(t('common.listSeparator')) })}
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
          <Typography.Title level={5}>{t('importWizard.sampleRows', { count: preview.sample.length })}</Typography.Title>
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
        <Button onClick={onBack}>{t('importWizard.reupload')}</Button>
        <Button type="primary" disabled={blocked || saving} loading={saving} onClick={onNext}>
          {t('importWizard.next')}
        </Button>
      </StepButtons>
    </>
  );
}

export function FileLine({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const parts = [
    t('importWizard.fileInfo', { filename: preview.filename }),
    preview.sheetName ? t('importWizard.sheet', { name: preview.sheetName }) : null,
    preview.encoding ? t('importWizard.encoding', { encoding: preview.encoding.toUpperCase() }) : null,
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
export function CheckStep({
  preview,
  counts,
  fieldLabel,
  reportUrl,
  options,
  onBack,
  onStart,
}: {
  preview: ImportPreview;
  counts: CountItem[];
  fieldLabel: FieldLabel;
  reportUrl: string;
  /** What the import asks before it starts (e.g. how to treat duplicate customers). */
  options?: ReactNode;
  onBack: () => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const summary =
    preview.validCount === 0 ? (
      <Alert type="error" showIcon title={t('importWizard.noneValid')} style={{ marginBottom: 12 }} />
    ) : preview.errorRowCount === 0 ? (
      <Alert type="success" showIcon title={t('importWizard.allValid', { count: preview.rowCount })} style={{ marginBottom: 12 }} />
    ) : (
      <Alert
        type="warning"
        showIcon
        title={t('importWizard.someInvalid', { errors: preview.errorRowCount, valid: preview.validCount })}
        style={{ marginBottom: 12 }}
      />
    );

  return (
    <>
      <FileLine preview={preview} />
      <ImportCounts items={counts} />
      {summary}
      {preview.errorCount > 0 ? <ImportErrorsTable errors={preview.errors} total={preview.errorCount} reportUrl={reportUrl} fieldLabel={fieldLabel} /> : null}
      {options}
      <StepButtons>
        <Button onClick={onBack}>{t('importWizard.prev')}</Button>
        <Button type="primary" disabled={preview.validCount === 0} onClick={onStart}>
          {t('importWizard.start')}
        </Button>
      </StepButtons>
    </>
  );
}
