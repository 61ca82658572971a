import { Alert, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { type RiskValues, type SurveyValues, useCloseRisk, useCreateRisk, useCreateSurvey, useRiskMatrix, useUpdateRisk } from './hooks';
import { BANK_RATINGS, LEVEL_COLOR, PAYMENT_RECORDS, RISK_CATEGORIES, type Risk } from './types';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Asia/Shanghai

/** Server field errors under the inputs; anything else (or a stale version) above the form. */
function useSaveError() {
  const describe = useDescribeError();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const onError = (form: Parameters<typeof applyFieldErrors>[0], err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) return setError(t('errors.stale'));
    if (!applyFieldErrors(form, err)) setError(describe(err));
  };
  return { error, setError, onError };
}

/** 客户信用调查表 (docs/regulations.md §5): the facts the rating table scores, and the agreed limit and terms. */
export function SurveyFormModal({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SurveyValues>();
  const save = useCreateSurvey(customerId);
  const { error, setError, onError } = useSaveError();
  const num = (name: keyof SurveyValues, required = true, extra?: string) => (
    <Form.Item name={name} label={t(`credit.survey.${name}`)} rules={required ? [{ required: true, message: t('common.required') }] : []} extra={extra}>
      <InputNumber min={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <FormModal<SurveyValues>
      name="credit-survey"
      title={t('credit.survey.title')}
      open={open}
      form={form}
      width={640}
      error={error}
      loading={save.isPending}
      initialValues={{ surveyDate: today(), paymentRecord: 'good', bankRating: 'none', overdueWan: 0 }}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => {
        setError(null);
        const blank = (x: unknown) => (x === undefined || x === '' ? null : x);
        save.mutate(
          { ...v, creditLimitWan: blank(v.creditLimitWan) as number | null, paymentTermsDays: blank(v.paymentTermsDays) as number | null, annualRevenueWan: blank(v.annualRevenueWan) as number | null },
          { onSuccess: onClose, onError: (err) => onError(form, err) },
        );
      }}
    >
      <Form.Item name="surveyDate" label={t('credit.survey.surveyDate')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="date" autoFocus />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <div style={{ flex: 1 }}>{num('registeredCapitalWan')}</div>
        <div style={{ flex: 1 }}>{num('yearsInBusiness')}</div>
      </Space.Compact>
      <Form.Item name="paymentRecord" label={t('credit.survey.paymentRecord')} rules={[{ required: true }]}>
        <Radio.Group options={PAYMENT_RECORDS.map((p) => ({ value: p, label: t(`credit.survey.payment.${p}`) }))} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <div style={{ flex: 1 }}>{num('overdueWan')}</div>
        <div style={{ flex: 1 }}>
          <Form.Item name="bankRating" label={t('credit.survey.bankRating')} rules={[{ required: true }]}>
            <Select options={BANK_RATINGS.map((b) => ({ value: b, label: t(`credit.survey.bank.${b}`) }))} />
          </Form.Item>
        </div>
      </Space.Compact>
      <Form.Item name="legalRepresentative" label={t('credit.survey.legalRepresentative')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="mainBusiness" label={t('credit.survey.mainBusiness')}>
        <Input maxLength={500} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <div style={{ flex: 1 }}>
          <Form.Item name="bankName" label={t('credit.survey.bankName')}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <div style={{ flex: 1 }}>
          <Form.Item name="bankAccount" label={t('credit.survey.bankAccount')}>
            <Input maxLength={50} />
          </Form.Item>
        </div>
      </Space.Compact>
      {num('annualRevenueWan', false)}
      <Space.Compact block style={{ gap: 12 }}>
        <div style={{ flex: 1 }}>{num('creditLimitWan', false, t('credit.survey.agreedHint'))}</div>
        <div style={{ flex: 1 }}>{num('paymentTermsDays', false, t('credit.survey.agreedHint'))}</div>
      </Space.Compact>
      <Form.Item name="notes" label={t('credit.survey.notes')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

const GRADES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));
const gradeGroup = (label: string) => <Radio.Group optionType="button" options={GRADES} aria-label={label} />;

/** Records a risk for a customer, or re-assesses one: the level follows the matrix in the settings as the user picks. */
export function RiskFormModal({ customerId, risk, open, onClose }: { customerId?: number; risk?: Risk; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RiskValues>();
  const create = useCreateRisk();
  const update = useUpdateRisk(risk?.id ?? 0);
  const matrix = useRiskMatrix();
  const { error, setError, onError } = useSaveError();
  const likelihood = Form.useWatch('likelihood', form);
  const impact = Form.useWatch('impact', form);
  const level = likelihood && impact ? matrix.data?.matrix[likelihood - 1]?.[impact - 1] : undefined;
  return (
    <FormModal<RiskValues>
      name="credit-risk"
      title={t(risk ? 'credit.risk.editTitle' : 'credit.risk.createTitle')}
      open={open}
      form={form}
      width={600}
      error={error}
      loading={create.isPending || update.isPending}
      initialValues={risk ? { category: risk.category, title: risk.title, description: risk.description, likelihood: risk.likelihood, impact: risk.impact, response: risk.response } : { category: 'credit' }}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => {
        setError(null);
        const opts = { onSuccess: onClose, onError: (err: unknown) => onError(form, err) };
        if (risk) update.mutate({ ...v, version: risk.version }, opts);
        else create.mutate({ ...v, customerId: customerId! }, opts);
      }}
    >
      <Form.Item name="title" label={t('credit.risk.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="category" label={t('credit.risk.category')} rules={[{ required: true }]}>
        <Radio.Group options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`credit.risk.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('credit.risk.description')}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <div style={{ flex: 1 }}>
          <Form.Item name="likelihood" label={t('credit.risk.likelihood')} rules={[{ required: true, message: t('common.required') }]}>
            {gradeGroup(t('credit.risk.likelihood'))}
          </Form.Item>
        </div>
        <div style={{ flex: 1 }}>
          <Form.Item name="impact" label={t('credit.risk.impact')} rules={[{ required: true, message: t('common.required') }]}>
            {gradeGroup(t('credit.risk.impact'))}
          </Form.Item>
        </div>
      </Space.Compact>
      {level ? (
        <Alert
          type={level === 'high' ? 'error' : level === 'medium' ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('credit.risk.level')} <Tag color={LEVEL_COLOR[level]}>{t(`credit.risk.levels.${level}`)}</Tag> {t(`credit.risk.responseHint.${level}`)}
            </span>
          }
        />
      ) : null}
      <Form.Item name="response" label={t('credit.risk.response')} rules={level === 'high' ? [{ required: true, whitespace: true, message: t('credit.risk.responseHint.high') }] : []}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** Closing records what actually happened, for the forecast accuracy. */
export function CloseRiskModal({ risk, open, onClose }: { risk: Risk; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: 'occurred' | 'not_occurred'; note?: string }>();
  const close = useCloseRisk(risk.id);
  const { error, setError, onError } = useSaveError();
  return (
    <FormModal
      name="credit-close"
      title={t('credit.risk.close')}
      open={open}
      form={form}
      error={error}
      loading={close.isPending}
      okText={t('credit.risk.close')}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => close.mutate({ ...v, version: risk.version }, { onSuccess: onClose, onError: (err) => onError(form, err) })}
    >
      <Form.Item name="outcome" label={t('credit.risk.outcome')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group options={(['occurred', 'not_occurred'] as const).map((o) => ({ value: o, label: t(`credit.risk.outcomes.${o}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('credit.risk.outcomeNote')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
