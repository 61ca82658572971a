import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Result, Spin, Statistic, Steps, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import type { ImportDuplicateMode, ImportPreview, ImportResult } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCommitImport, useImportPreview, useImportStatus } from './hooks';
import { CheckStep, FileLine, ImportErrorsTable, MappingStep, StepButtons, UploadStep } from './ImportSteps';

const STEPS = ['upload', 'mapping', 'check', 'run', 'done'] as const;
type Step = (typeof STEPS)[number];
const stepIndex = (s: Step) => STEPS.indexOf(s);

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/**
 * 导入客户: upload → check the column mapping → validation and duplicate handling → import → result.
 * The import's id sits in the address (`?id=`), so a reload returns to the same import.
 */
export default function CustomerImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const describe = useDescribeError();
  const [params, setParams] = useSearchParams();
  const id = int(params.get('id'));
  const [step, setStep] = useState<Step>(id ? 'mapping' : 'upload');
  const [mode, setMode] = useState<ImportDuplicateMode>('skip');
  const preview = useImportPreview(id);
  const commit = useCommitImport(id ?? 0);
  const running = step === 'run' && !commit.isError && !commit.data;
  const status = useImportStatus(id ?? 0, running);

  // The result: the commit's answer; after a reload during / after a commit, the status's (which has no error
  // list: the preview's validation errors stand in for it).
  const result: ImportResult | null =
    commit.data ??
    (!commit.isPending && !commit.isError && status.data?.status === 'committed' && status.data.result
      ? { ...status.data.result, errors: preview.data?.errors ?? [], errorCount: preview.data?.errorCount ?? 0 }
      : null);

  // A reopened import (?id=) that was already committed or is committing: show its progress / result.
  useEffect(() => {
    if (!preview.data || commit.isPending || commit.data || commit.isError) return;
    if (preview.data.status !== 'previewed' && (step === 'mapping' || step === 'check')) setStep('run');
  }, [preview.data, commit.isPending, commit.data, commit.isError, step]);

  // Polling found the import back in "previewed" (a commit that died with its process): let the user start again.
  useEffect(() => {
    if (step === 'run' && !commit.isPending && !commit.data && !commit.isError && status.data?.status === 'previewed') setStep('check');
  }, [step, commit.isPending, commit.data, commit.isError, status.data?.status]);

  useEffect(() => {
    if (step === 'run' && result) setStep('done');
  }, [step, result]);

  const startOver = () => {
    commit.reset();
    setMode('skip');
    setParams({}, { replace: true });
    setStep('upload');
  };

  const uploaded = (p: ImportPreview) => {
    commit.reset();
    setParams({ id: String(p.id) }, { replace: true });
    setStep('mapping');
  };

  const start = () => {
    setStep('run');
    commit.mutate(mode);
  };

  const stepTitle = (s: Step) => t(`customers.import.steps.${s}`);
  const current = stepIndex(step);

  let body: ReactNode;
  if (step === 'upload') {
    body = <UploadStep onUploaded={uploaded} />;
  } else if (!preview.data) {
    body = preview.isError ? (
      isApiError(preview.error, 404) ? (
        <Result
          status="warning"
          title={t('customers.import.lost')}
          extra={
            <Button type="primary" onClick={startOver}>
              {t('customers.import.reupload')}
            </Button>
          }
        />
      ) : (
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
      )
    ) : (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  } else if (step === 'mapping') {
    body = <MappingStep preview={preview.data} onBack={startOver} onNext={() => setStep('check')} />;
  } else if (step === 'check') {
    body = <CheckStep preview={preview.data} mode={mode} onModeChange={setMode} onBack={() => setStep('mapping')} onStart={start} />;
  } else if (step === 'run') {
    const progress = status.data?.status === 'committing' ? status.data.progress : null;
    body = (
      <>
        <FileLine preview={preview.data} />
        {commit.isError ? (
          <>
            <Alert type="error" showIcon title={t('customers.import.failed', { reason: describe(commit.error) })} style={{ marginBottom: 12 }} />
            <StepButtons>
              <Button onClick={() => setStep('check')}>{t('customers.import.prev')}</Button>
              <Button type="primary" onClick={() => commit.mutate(mode)}>
                {t('customers.import.retry')}
              </Button>
            </StepButtons>
          </>
        ) : (
          <Flex vertical align="center" gap={16} style={{ padding: '32px 0' }} role="status" aria-live="polite">
            {progress && progress.total > 0 ? (
              <>
                <Progress
                  type="circle"
                  percent={Math.min(100, Math.round((progress.processed / progress.total) * 100))}
                  aria-label={t('customers.import.progressLabel')}
                />
                <Typography.Text>{t('customers.import.progress', { processed: progress.processed, total: progress.total })}</Typography.Text>
              </>
            ) : (
              // SQLite answers the poll only after the commit: until numbers arrive, an indeterminate spinner.
              <Spin size="large" />
            )}
            <Typography.Text type="secondary">{t('customers.import.running')}</Typography.Text>
          </Flex>
        )}
      </>
    );
  } else {
    body = result ? <DoneStep result={result} preview={preview.data} onAgain={startOver} onList={() => navigate('/customers')} /> : <Spin />;
  }

  return (
    <PageContainer
      title={t('customers.import.title')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/customers')}>
          {t('customers.back')}
        </Button>
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        {isMobile ? (
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {t('customers.import.stepOf', { current: current + 1, total: STEPS.length, title: stepTitle(step) })}
          </Typography.Paragraph>
        ) : null}
        <Steps
          current={current}
          status={step === 'run' && commit.isError ? 'error' : step === 'done' ? 'finish' : 'process'}
          size="small"
          type={isMobile ? 'dot' : 'default'}
          responsive={false}
          items={STEPS.map((s) => ({ key: s, title: isMobile ? undefined : stepTitle(s) }))}
          style={{ marginBottom: 24 }}
          aria-label={t('customers.import.stepsLabel')}
        />
        {body}
      </Card>
    </PageContainer>
  );
}

function DoneStep({ result, preview, onAgain, onList }: { result: ImportResult; preview: ImportPreview; onAgain: () => void; onList: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const counts: { key: string; value: number; color?: string }[] = [
    { key: 'created', value: result.created, color: '#389e0d' },
    { key: 'updated', value: result.updated, color: '#1677ff' },
    { key: 'unchanged', value: result.unchanged },
    { key: 'skipped', value: result.skipped },
    { key: 'failedCount', value: result.failed, color: result.failed ? '#cf1322' : undefined },
  ];
  return (
    <>
      <Result
        status={result.alreadyImported ? 'info' : 'success'}
        title={t('customers.import.doneTitle')}
        subTitle={t('customers.import.doneSubtitle', { filename: preview.filename })}
        style={{ paddingBlock: isMobile ? 16 : 24 }}
      />
      {result.alreadyImported ? <Alert type="info" showIcon title={t('customers.import.alreadyImported')} style={{ marginBottom: 16 }} /> : null}
      <Flex wrap gap={isMobile ? 16 : 40} justify="center" style={{ marginBottom: 24 }}>
        {counts.map((c) => (
          <Statistic key={c.key} title={t(`customers.import.${c.key}`)} value={c.value} styles={{ content: { color: c.color } }} />
        ))}
      </Flex>
      {result.errors.length > 0 ? (
        <ImportErrorsTable title={t('customers.import.failedRows')} errors={result.errors} total={result.errorCount} importId={result.id} />
      ) : null}
      <StepButtons>
        <Button onClick={onAgain}>{t('customers.import.again')}</Button>
        <Button type="primary" onClick={onList}>
          {t('customers.import.backToList')}
        </Button>
      </StepButtons>
    </>
  );
}
