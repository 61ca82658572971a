import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import type { BusinessType, ContractDetail, Currency } from '../../api/contract/contracts';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCurrentUser } from '../auth/hooks';
import { type ContractInput, useContract, useContractSigners, useSaveContract } from './hooks';
import { BUSINESS_TYPES, CURRENCIES, currencyLabel } from './labels';

const ISO = 'YYYY-MM-DD';

interface Values {
  customerId?: number;
  contractNo?: string;
  title?: string;
  amount?: number | null;
  currency: Currency;
  signingDate?: Dayjs | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  terms?: string;
  signerId?: number;
  businessType?: BusinessType | null;
  resource?: string;
  quantity?: number | null;
}

function toValues(c: ContractDetail | null, customerId?: number): Values {
  if (!c) return { customerId, currency: 'CNY', signingDate: null, startDate: null, endDate: null };
  return {
    customerId: c.customerId,
    contractNo: c.contractNo,
    title: c.title,
    amount: c.amount,
    currency: c.currency as Currency,
    signingDate: c.signingDate ? dayjs(c.signingDate, ISO) : null,
    startDate: dayjs(c.startDate, ISO),
    endDate: dayjs(c.endDate, ISO),
    terms: c.terms ?? '',
    signerId: c.signerId,
    businessType: c.businessType,
    resource: c.resource ?? '',
    quantity: c.quantity,
  };
}

function toBody(v: Values): ContractInput {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    customerId: v.customerId,
    contractNo: text(v.contractNo),
    title: v.title?.trim(),
    amount: v.amount ?? undefined,
    currency: v.currency,
    signingDate: v.signingDate ? v.signingDate.format(ISO) : null,
    startDate: v.startDate?.format(ISO),
    endDate: v.endDate?.format(ISO),
    terms: text(v.terms),
    signerId: v.signerId,
    businessType: v.businessType ?? null,
    resource: text(v.resource),
    quantity: v.quantity ?? null,
  };
}

/** 新建 / 编辑合同 (a draft). Enter saves from a one-line field, Ctrl+Enter (⌘+Enter) from anywhere. */
export default function ContractFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const contract = useContract(id ?? 0);
  const { t } = useTranslation();
  if (id === null) return <ContractForm contract={null} />;
  return (
    <RecordGate id={id} query={contract} notFound={<NotFound message={t('contracts.notFound')} back={{ to: '/contracts', label: t('contracts.back') }} />}>
      {(c) => <ContractForm key={c.version} contract={c} />}
    </RecordGate>
  );
}

function ContractForm({ contract }: { contract: ContractDetail | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const presetCustomer = Number(params.get('customerId')) || undefined;
  const [form] = Form.useForm<Values>();
  const save = useSaveContract();
  const describe = useDescribeError();
  const [formError, setFormError] = useState<string | null>(null);
  const initial = useMemo(() => toValues(contract, presetCustomer), [contract, presetCustomer]);
  const customerId = Form.useWatch('customerId', form);
  const signers = useContractSigners(customerId);

  // A new contract: the current user signs by default when they may sign for the customer.
  useEffect(() => {
    if (!signers.data) return;
    const current = form.getFieldValue('signerId') as number | undefined;
    if (current && signers.data.some((s) => s.id === current)) return;
    form.setFieldValue('signerId', signers.data.some((s) => s.id === me.id) ? me.id : undefined);
  }, [signers.data, form, me.id]);

  const leave = (to: string) => navigate(to);

  const onFinish = (v: Values) => {
    setFormError(null);
    const body = toBody(v);
    let payload: ContractInput & { id?: number; version?: number } = body;
    if (contract) {
      const before = toBody(toValues(contract));
      const changed: ContractInput = {};
      for (const k of Object.keys(body) as (keyof ContractInput)[]) {
        if (body[k] !== before[k]) (changed as Record<string, unknown>)[k] = body[k];
      }
      if (Object.keys(changed).length === 0) {
        leave(`/contracts/${contract.id}`);
        return;
      }
      payload = { ...changed, id: contract.id, version: contract.version };
    }
    save.mutate(payload, {
      onSuccess: (answer) => {
        void message.success(contract ? t('contracts.updated') : t('contracts.created', { no: answer.contractNo }));
        leave(`/contracts/${answer.id}`);
      },
      onError: (err) => {
        if (err instanceof ApiError && err.isStaleVersion) {
          void message.error(t('errors.stale'));
          return; // the detail query is invalidated: the form reloads with the newer version
        }
        setFormError(applyFieldErrors(form, err) ? null : describe(err));
      },
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      form.submit();
    }
  };

  const required = { required: true, message: t('common.required') };
  const col = { xs: 24, md: 12, lg: 8 };

  return (
    <PageContainer title={contract ? t('contracts.editTitle', { no: contract.contractNo }) : t('contracts.createTitle')}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="contract"
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        onKeyDown={onKeyDown}
        disabled={save.isPending}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center', focus: true });
        }}
      >
        <Card size={isMobile ? 'small' : 'default'}>
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item label={t('contracts.fields.customer')} name="customerId" rules={[required]}>
                <CustomerPicker
                  autoFocus={!contract}
                  known={contract ? [{ id: contract.customerId, name: contract.customerName, archiveNo: contract.customerArchiveNo }] : undefined}
                  placeholder={t('contracts.customerPlaceholder')}
                  notFound={t('contracts.noCustomer')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item label={t('contracts.fields.contractNo')} name="contractNo" extra={contract ? undefined : t('contracts.contractNoHint')} rules={contract ? [required] : undefined}>
                <Input maxLength={40} autoComplete="off" placeholder={contract ? undefined : t('contracts.contractNoPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('contracts.fields.title')} name="title" rules={[{ ...required, whitespace: true }]}>
                <Input maxLength={200} autoComplete="off" autoFocus={!!contract} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                label={t('contracts.fields.amount')}
                name="amount"
                rules={[required, { type: 'number', min: 0.01, message: t('contracts.amountPositive') }]}
              >
                <InputNumber<number> min={0} precision={2} step={1000} style={{ width: '100%' }} decimalSeparator="." />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.fields.currency')} name="currency" rules={[required]}>
                <Select options={CURRENCIES.map((c) => ({ value: c, label: currencyLabel(t, c) }))} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.fields.signer')} name="signerId" rules={[required]} extra={customerId ? undefined : t('contracts.signerHint')}>
                <Select
                  loading={signers.isFetching}
                  disabled={!customerId}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(signers.data ?? []).map((s) => ({ value: s.id, label: t('common.withNote', { text: s.displayName, note: s.roles.map((r) => t(`roles.${r}`)).join(t('common.listSeparator')) }) }))}
                />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.fields.signingDate')} name="signingDate" extra={t('contracts.signingDateHint')}>
                <DatePicker format={ISO} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.fields.startDate')} name="startDate" rules={[required]}>
                <DatePicker format={ISO} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                label={t('contracts.fields.endDate')}
                name="endDate"
                dependencies={['startDate']}
                rules={[
                  required,
                  ({ getFieldValue }) => ({
                    validator: (_, v: Dayjs | null) => {
                      const start = getFieldValue('startDate') as Dayjs | null;
                      return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('contracts.endBeforeStart')));
                    },
                  }),
                ]}
              >
                <DatePicker format={ISO} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.booking.businessType')} name="businessType">
                <Select allowClear options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`contracts.booking.types.${b}`) }))} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.booking.resource')} name="resource">
                <Input maxLength={60} placeholder={t('contracts.booking.resourceHint')} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('contracts.booking.quantity')} name="quantity">
                <InputNumber min={1} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('contracts.fields.terms')} name="terms">
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} showCount />
              </Form.Item>
            </Col>
          </Row>
          <Flex justify="end" align="center" gap={8} wrap>
            {isMobile ? null : (
              <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
                {t('contracts.saveHint')}
              </Typography.Text>
            )}
            <Button onClick={() => navigate(contract ? `/contracts/${contract.id}` : '/contracts')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Flex>
        </Card>
      </Form>
    </PageContainer>
  );
}
