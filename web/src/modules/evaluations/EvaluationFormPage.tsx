import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageContainer } from '../../components/PageContainer';
import { FullPageSpin, RecordGate } from '../../components/status';
import { useCustomer } from '../customers/hooks';
import { useEvaluation, useSaveEvaluation, useTemplates } from './hooks';
import { evaluationPath, formatTotal, recommendFor, recommendationLabel } from './labels';
import { type Bands, type EvaluationDetail, type EvaluationTemplate, OUR_LEVELS, type OurLevel } from './types';

const ISO = 'YYYY-MM-DD';
const COLUMNS = ['influence', 'competitorTie', 'responsible', 'measures', 'timing'] as const;
type Column = (typeof COLUMNS)[number];

interface Values {
  customerId?: number;
  templateId: number;
  evaluatedOn: Dayjs | null;
  conclusion?: string;
  scores: Record<string, { score?: number | null; basis?: string }>;
  strengthening: Record<OurLevel, Partial<Record<Column, string>>>;
}

/** /evaluations/new (?customerId= presets the customer) and /evaluations/:id/edit. */
export default function EvaluationFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const evaluation = useEvaluation(id ?? 0);
  const templates = useTemplates();
  if (!templates.data) return <FullPageSpin />;
  if (id === undefined) return <EvaluationForm templates={templates.data.items} bands={templates.data.bands} />;
  return (
    <RecordGate id={id} query={evaluation}>
      {(e) => <EvaluationForm key={e.version} evaluation={e} templates={templates.data.items} bands={templates.data.bands} />}
    </RecordGate>
  );
}

function initialValues(e: EvaluationDetail | undefined, templateId: number | undefined, customerId: number | undefined): Partial<Values> {
  const strengthening = Object.fromEntries(OUR_LEVELS.map((l) => [l, {}])) as Values['strengthening'];
  if (!e) return { customerId, templateId, evaluatedOn: dayjs(), scores: {}, strengthening };
  for (const row of e.strengthening) {
    strengthening[row.level] = Object.fromEntries(COLUMNS.map((c) => [c, row[c] ?? undefined]));
  }
  return {
    customerId: e.customerId,
    templateId: e.templateId,
    evaluatedOn: dayjs(e.evaluatedOn),
    conclusion: e.conclusion ?? undefined,
    scores: Object.fromEntries(e.scores.map((s) => [String(s.indicatorId), { score: s.score, basis: s.basis ?? undefined }])),
    strengthening,
  };
}

function EvaluationForm({ evaluation, templates, bands }: { evaluation?: EvaluationDetail; templates: EvaluationTemplate[]; bands: Bands }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const save = useSaveEvaluation();
  const [params] = useSearchParams();
  const presetCustomer = Number(params.get('customerId')) || undefined;
  const customer = useCustomer(evaluation ? 0 : (presetCustomer ?? 0));
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const locked = evaluation && !evaluation.can.edit;

  // A returned evaluation keeps the scorecard it was made with, even when that has a newer version now.
  const choices = useMemo(() => {
    if (!evaluation || templates.some((x) => x.id === evaluation.templateId)) return templates;
    return [...templates, { id: evaluation.templateId, name: evaluation.templateName, versionNo: evaluation.templateVersionNo, indicators: evaluation.scores.map((s, position) => ({ id: s.indicatorId, position, name: s.name, weight: s.weight, basis: s.indicatorBasis })) } as EvaluationTemplate];
  }, [templates, evaluation]);

  const templateId = Form.useWatch('templateId', form) ?? evaluation?.templateId ?? choices[0]?.id;
  const template = choices.find((x) => x.id === templateId);
  const scores = Form.useWatch('scores', form);
  const live = useMemo(() => {
    if (!template) return null;
    let hundredths = 0;
    for (const i of template.indicators) {
      const v = scores?.[String(i.id)]?.score;
      if (typeof v !== 'number') return null;
      hundredths += v * i.weight;
    }
    return hundredths / 100;
  }, [template, scores]);

  const customerName = evaluation?.customerName ?? customer.data?.name;
  const title = evaluation ? t('evaluations.editTitle', { customer: evaluation.customerName }) : customerName ? t('evaluations.newTitle', { customer: customerName }) : t('evaluations.create');

  const onFinish = (v: Values) => {
    setFormError(null);
    if (!template) return;
    const body = {
      templateId: template.id,
      evaluatedOn: v.evaluatedOn?.format(ISO) ?? dayjs().format(ISO),
      conclusion: v.conclusion?.trim() || null,
      scores: template.indicators.map((i) => ({ indicatorId: i.id, score: v.scores?.[String(i.id)]?.score ?? 0, basis: v.scores?.[String(i.id)]?.basis?.trim() || null })),
      strengthening: OUR_LEVELS.map((level) => ({ level, ...Object.fromEntries(COLUMNS.map((c) => [c, v.strengthening?.[level]?.[c]?.trim() || null])) })),
    };
    const onError = (err: unknown) => {
      if (err instanceof ApiError && err.isStaleVersion) {
        setFormError(t('errors.stale'));
        return;
      }
      if (!applyFieldErrors(form, err)) setFormError(describe(err));
    };
    const onSuccess = (saved: EvaluationDetail) => navigate(evaluationPath(saved.id));
    if (evaluation) save.mutate({ ...body, id: evaluation.id, version: evaluation.version }, { onSuccess, onError });
    else save.mutate({ ...body, customerId: v.customerId ?? presetCustomer ?? 0 }, { onSuccess, onError });
  };

  /** Enter in a one-line input does not save a half-scored form; Ctrl+Enter (⌘+Enter) saves from anywhere. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      form.submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT' && target.getAttribute('role') !== 'combobox') e.preventDefault();
  };

  const required = [{ required: true, message: t('common.required') }];
  const rec = live === null ? null : recommendFor(live, bands);

  return (
    <PageContainer title={title}>
      {locked ? <Alert type="warning" showIcon title={t('evaluations.form.locked')} style={{ marginBottom: 16 }} /> : null}
      {evaluation?.status === 'returned' && evaluation.reviewComment ? (
        <Alert type="warning" showIcon title={t('evaluations.returnedHint', { comment: evaluation.reviewComment })} style={{ marginBottom: 16 }} />
      ) : null}
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="evaluation"
        layout="vertical"
        initialValues={initialValues(evaluation, choices[0]?.id, presetCustomer)}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center', focus: true });
        }}
        onKeyDown={onKeyDown}
        disabled={save.isPending || locked}
      >
        <Card size={isMobile ? 'small' : 'default'}>
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              {evaluation || presetCustomer ? (
                <Form.Item label={t('evaluations.fields.customer')}>
                  <Typography.Text strong>{customerName ?? ''}</Typography.Text>
                </Form.Item>
              ) : (
                <Form.Item label={t('evaluations.fields.customer')} name="customerId" rules={[{ required: true, message: t('evaluations.pickCustomer') }]}>
                  <CustomerPicker autoFocus placeholder={t('evaluations.customerPlaceholder')} notFound={t('evaluations.noCustomer')} />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item label={t('evaluations.fields.template')} name="templateId" rules={required}>
                <Select options={choices.map((x) => ({ value: x.id, label: `${x.name} ${t('evaluations.templates.versionValue', { n: x.versionNo })}` }))} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={6}>
              <Form.Item label={t('evaluations.fields.evaluatedOn')} name="evaluatedOn" rules={required}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('evaluations.form.scoresTitle')} size={isMobile ? 'small' : 'default'} style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={template?.indicators ?? []}
            columns={[
              { title: t('evaluations.fields.indicator'), dataIndex: 'name', width: 150 },
              { title: t('evaluations.fields.weight'), dataIndex: 'weight', width: 80, align: 'right', render: (w: number) => `${w}%` },
              { title: t('evaluations.fields.indicatorBasis'), dataIndex: 'basis', width: 220, render: (b: string) => <Typography.Text type="secondary">{b}</Typography.Text> },
              {
                title: t('evaluations.fields.score'),
                key: 'score',
                width: 110,
                render: (_: unknown, i, n) => (
                  <Form.Item name={['scores', String(i.id), 'score']} rules={required} style={{ margin: 0 }}>
                    <InputNumber min={0} max={100} precision={0} aria-label={t('evaluations.form.scoreLabel', { name: i.name })} autoFocus={n === 0 && (!!evaluation || !!presetCustomer)} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: t('evaluations.fields.scoreBasis'),
                key: 'basis',
                render: (_: unknown, i) => (
                  <Form.Item name={['scores', String(i.id), 'basis']} style={{ margin: 0 }}>
                    <Input maxLength={1000} aria-label={t('evaluations.form.scoreBasisLabel', { name: i.name })} autoComplete="off" />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Flex vertical gap={4} style={{ marginTop: 12 }}>
            <Typography.Text role="status" strong>
              {live === null || !rec ? t('evaluations.fields.total') : t('evaluations.form.live', { total: formatTotal(live), recommendation: recommendationLabel(t, rec) })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('evaluations.form.bandsHint', { maintain: bands.maintainMin, terminate: bands.terminateBelow })}</Typography.Text>
          </Flex>
          <Form.Item label={t('evaluations.fields.conclusion')} name="conclusion" style={{ marginTop: 16, marginBottom: 0 }}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Card>

        <Card title={t('evaluations.form.strengtheningTitle')} size={isMobile ? 'small' : 'default'} style={{ marginTop: 16 }}>
          <Table
            rowKey={(l) => l}
            size="small"
            pagination={false}
            scroll={{ x: 1100 }}
            dataSource={OUR_LEVELS}
            columns={[
              { title: t('evaluations.strengthening.level'), key: 'level', width: 110, render: (_: unknown, l: OurLevel) => t(`evaluations.strengthening.levels.${l}`) },
              ...COLUMNS.map((c) => ({
                title: t(`evaluations.strengthening.${c}`),
                key: c,
                render: (_: unknown, l: OurLevel) => (
                  <Form.Item name={['strengthening', l, c]} style={{ margin: 0 }}>
                    <Input
                      maxLength={c === 'measures' ? 1000 : 500}
                      autoComplete="off"
                      aria-label={t('evaluations.strengthening.cellLabel', { level: t(`evaluations.strengthening.levels.${l}`), column: t(`evaluations.strengthening.${c}`) })}
                    />
                  </Form.Item>
                ),
              })),
            ]}
          />
        </Card>

        <Flex gap={8} justify="end" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('evaluations.form.saveHint')}</Typography.Text>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </PageContainer>
  );
}
