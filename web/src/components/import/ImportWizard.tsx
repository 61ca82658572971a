import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Result, Spin, Statistic, Steps, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../errors';
import { PageContainer } from '../PageContainer';
import { LoadError } from '../status';
import type { ImportHooks, ImportPreviewBase, ImportResultBase, ImportStatusBase } from './importHooks';
import { type CountItem, CheckStep, FileLine, ImportErrorsTable, MappingStep, StepButtons, UploadStep } from './ImportSteps';

const STEPS = ['upload', 'mapping', 'check', 'run', 'done'] as const;
type Step = (typeof STEPS)[number];
const stepIndex = (s: Step) => STEPS.indexOf(s);

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export interface ImportWizardProps<P extends ImportPreviewBase, R extends ImportResultBase, S extends ImportStatusBase<R>, C extends object> {
  title: string;
  /** The list the import fills: the 返回 button and the last step's link. */
  back: { path: string; label: string; doneLabel: string };
  hooks: ImportHooks<P, R, S, C>;
  fieldLabel: (t: ReturnType<typeof useTranslation>['t'], field: string) => string;
  /** Under the drop zone: what files are accepted (limits). */
  uploadHint: ReactNode;
  /** Extra query of the upload (e.g. the kind of rows). */
  uploadQuery?: Record<string, string>;
  /** Above the drop zone (e.g. a choice of kind and the template download). */
  uploadExtra?: ReactNode;
  /** The figures shown while mapping and checking. */
  counts: (preview: P) => CountItem[];
  /** Asked on the check step before the import starts; `commitBody` is what it decided. */
  checkOptions?: (preview: P) => ReactNode;
  commitBody: C;
  /** The figures of the result, and a notice above them (e.g. "nothing changed"). */
  done: (result: R) => { counts: CountItem[]; notice?: ReactNode; info?: boolean };
  onStartOver?: () => void;
}

/**
 * A spreadsheet import, step by step: upload → check the column mapping → validation → import (progress)
 * → result. The import's id sits in the address (`?id=`), so a reload returns to the same import.
 */
export function ImportWizard<P extends ImportPreviewBase, R extends ImportResultBase, S extends ImportStatusBase<R>, C extends object>(props: ImportWizardProps<P, R, S, C>) {
  const { hooks, fieldLabel } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const describe = useDescribeError();
  const [params, setParams] = useSearchParams();
  // The import and its step change together, in one state: the address (?id=) follows by a navigation that
  // lands a moment later, and a step paired with the previous import's id would show that import's state.
  const [at, setAt] = useState<{ id: number | undefined; step: Step }>(() => {
    const fromAddress = int(params.get('id'));
    return { id: fromAddress, step: fromAddress ? 'mapping' : 'upload' };
  });
  const { id, step } = at;
  const setStep = (s: Step) => setAt((a) => (a.step === s ? a : { ...a, step: s }));
  const preview = hooks.usePreview(id);
  const upload = hooks.useUpload(props.uploadQuery);
  const mapping = hooks.useMapping(id ?? 0);
  const commit = hooks.useCommit(id ?? 0);
  const running = step === 'run' && !commit.isError && !commit.data;
  const status = hooks.useStatus(id ?? 0, running);

  // The result: the commit's answer; after a reload during / after a commit, the status's (which has no error
  // list: the preview's validation errors stand in for it).
  const result: R | null =
    commit.data ??
    (!commit.isPending && !commit.isError && status.data?.status === 'committed' && status.data.result
      ? ({ ...status.data.result, errors: preview.data?.errors ?? [], errorCount: preview.data?.errorCount ?? 0 } as unknown as R)
      : null);

  // A reopened import (?id=) that was already committed or is committing: show its progress / result.
  useEffect(() => {
    if (!preview.data || commit.isPending || commit.data || commit.isError) return;
    if (preview.data.id === id && preview.data.status !== 'previewed' && (step === 'mapping' || step === 'check')) setStep('run');
  }, [preview.data, commit.isPending, commit.data, commit.isError, step, id]);

  // Polling found the import back in "previewed" (a commit that died with its process): let the user start again.
  useEffect(() => {
    if (step === 'run' && !commit.isPending && !commit.data && !commit.isError && status.data?.status === 'previewed') setStep('check');
  }, [step, commit.isPending, commit.data, commit.isError, status.data?.status]);

  useEffect(() => {
    if (step === 'run' && result) setStep('done');
  }, [step, result]);

  const startOver = () => {
    commit.reset();
    props.onStartOver?.();
    setParams({}, { replace: true });
    setAt({ id: undefined, step: 'upload' });
  };

  const uploaded = (p: P) => {
    commit.reset();
    setParams({ id: String(p.id) }, { replace: true });
    setAt({ id: p.id, step: 'mapping' });
  };

  const start = () => {
    setStep('run');
    commit.mutate(props.commitBody);
  };

  const stepTitle = (s: Step) => t(`importWizard.steps.${s}`);
  const current = stepIndex(step);
  const reportUrl = hooks.reportUrl(id ?? 0);

  let body: ReactNode;
  if (step === 'upload') {
    body = (
      <>
        {props.uploadExtra}
        <UploadStep upload={upload} hint={props.uploadHint} onUploaded={uploaded} />
      </>
    );
  } else if (!preview.data) {
    body = preview.isError ? (
      isApiError(preview.error, 404) ? (
        <Result
          status="warning"
          title={t('importWizard.lost')}
          extra={
            <Button type="primary" onClick={startOver}>
              {t('importWizard.reupload')}
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
    body = <MappingStep preview={preview.data} mapping={mapping} fieldLabel={fieldLabel} counts={props.counts(preview.data)} onBack={startOver} onNext={() => setStep('check')} />;
  } else if (step === 'check') {
    body = (
      <CheckStep
        preview={preview.data}
        counts={props.counts(preview.data)}
        fieldLabel={fieldLabel}
        reportUrl={reportUrl}
        options={props.checkOptions?.(preview.data)}
        onBack={() => setStep('mapping')}
        onStart={start}
      />
    );
  } else if (step === 'run') {
    const progress = status.data?.status === 'committing' ? status.data.progress : null;
    body = (
      <>
        <FileLine preview={preview.data} />
        {commit.isError ? (
          <>
            <Alert type="error" showIcon title={t('importWizard.failed', { reason: describe(commit.error) })} style={{ marginBottom: 12 }} />
            <StepButtons>
              <Button onClick={() => setStep('check')}>{t('importWizard.prev')}</Button>
              <Button type="primary" onClick={() => commit.mutate(props.commitBody)}>
                {t('importWizard.retry')}
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
                  aria-label={t('importWizard.progressLabel')}
                />
                <Typography.Text>{t('importWizard.progress', { processed: progress.processed, total: progress.total })}</Typography.Text>
              </>
            ) : (
              // SQLite answers the poll only after the commit: until numbers arrive, an indeterminate spinner.
              <Spin size="large" />
            )}
            <Typography.Text type="secondary">{t('importWizard.running')}</Typography.Text>
          </Flex>
        )}
      </>
    );
  } else if (result) {
    const done = props.done(result);
    body = (
      <>
        <Result
          status={done.info ? 'info' : 'success'}
          title={t('importWizard.doneTitle')}
          subTitle={t('importWizard.doneSubtitle', { filename: preview.data.filename })}
          style={{ paddingBlock: isMobile ? 16 : 24 }}
        />
        {done.notice}
        <Flex wrap gap={isMobile ? 16 : 40} justify="center" style={{ marginBottom: 24 }}>
          {done.counts.map((c) => (
            <Statistic key={c.key} title={c.label} value={c.value} styles={{ content: { color: c.color } }} />
          ))}
        </Flex>
        {result.errors.length > 0 ? (
          <ImportErrorsTable title={t('importWizard.failedRows')} errors={result.errors} total={result.errorCount} reportUrl={hooks.reportUrl(result.id)} fieldLabel={fieldLabel} />
        ) : null}
        <StepButtons>
          <Button onClick={startOver}>{t('importWizard.again')}</Button>
          <Button type="primary" onClick={() => navigate(props.back.path)}>
            {props.back.doneLabel}
          </Button>
        </StepButtons>
      </>
    );
  } else {
    body = <Spin />;
  }

  return (
    <PageContainer
      title={props.title}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(props.back.path)}>
          {props.back.label}
        </Button>
      }
    >
      <Card size={isMobile ? 'small' : 'default'}>
        {isMobile ? (
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {t('importWizard.stepOf', { current: current + 1, total: STEPS.length, title: stepTitle(step) })}
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
          aria-label={t('importWizard.stepsLabel')}
        />
        {body}
      </Card>
    </PageContainer>
  );
}
