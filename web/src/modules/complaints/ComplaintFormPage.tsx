import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useReferenceLabel } from '../../components/referenceLabels';
import { useDescribeError } from '../../components/errors';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageContainer } from '../../components/PageContainer';
import { useCan, useCurrentUser } from '../auth/hooks';
import { useComplaintOptions, useCreateComplaint } from './hooks';
import { SEVERITIES } from './labels';
import { DepartmentSelect, HandlerSelect } from './pickers';
import type { Channel, IntakeInput, Severity } from '../../api/contract/complaints';

const CHANNELS: Channel[] = ['hotline', 'phone', 'email', 'visit', 'letter', 'online'];

interface Values {
  receivedAt: Dayjs;
  channel: Channel;
  customerId?: number | null;
  complainantName: string;
  complainantPhone?: string;
  complainantCompany?: string;
  complainantEmail?: string;
  content: string;
  category?: string;
  severity: Severity;
  handlerId?: number | null;
  faultDepartmentId?: number | null;
}

const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** /complaints/new — 登记投诉: recorded at once (§10) — time, customer, content, handler. */
export default function ComplaintFormPage() {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const can = useCan();
  const me = useCurrentUser();
  const describe = useDescribeError();
  const options = useComplaintOptions();
  const create = useCreateComplaint();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const mayAssign = can('complaints.assign');
  const mayHandle = can('complaints.handle');

  const onFinish = (v: Values) => {
    setFormError(null);
    const body: IntakeInput = {
      receivedAt: v.receivedAt.toISOString(),
      channel: v.channel,
      customerId: v.customerId ?? null,
      complainantName: v.complainantName.trim(),
      complainantPhone: blankToNull(v.complainantPhone),
      complainantCompany: blankToNull(v.complainantCompany),
      complainantEmail: blankToNull(v.complainantEmail),
      content: v.content.trim(),
      category: v.category ?? '',
      severity: v.severity,
      handlerId: v.handlerId ?? null,
      faultDepartmentId: v.faultDepartmentId ?? null,
    };
    create.mutate(body, {
      onSuccess: (c) => navigate(`/complaints/${c.id}`),
      onError: (err) => {
        if (!applyFieldErrors(form, err)) setFormError(describe(err));
      },
    });
  };

  /** Enter in a one-line input does not file a half-written complaint; Ctrl+Enter (⌘+Enter) files it. */
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

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const half = isMobile ? 24 : 12;

  return (
    <PageContainer title={t('complaints.create')}>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="complaintIntake"
        layout="vertical"
        initialValues={{ receivedAt: dayjs(), channel: 'hotline', severity: 'general', handlerId: !mayAssign && mayHandle ? me.id : null }}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center', focus: true });
        }}
        onKeyDown={onKeyDown}
        disabled={create.isPending}
      >
        <Card size={isMobile ? 'small' : 'default'} title={t('complaints.form.sectionIntake')}>
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item name="receivedAt" label={t('complaints.fields.receivedAt')} rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} autoFocus />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="channel" label={t('complaints.fields.channel')} rules={[{ required: true, message: t('common.required') }]}>
                <Select options={CHANNELS.map((c) => ({ value: c, label: t(`complaints.channel.${c}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size={isMobile ? 'small' : 'default'} title={t('complaints.form.sectionCustomer')} style={{ marginTop: 16 }}>
          <Form.Item name="customerId" label={t('complaints.fields.customer')} extra={t('complaints.form.customerHint')}>
            <CustomerPicker
              placeholder={t('complaints.form.customerPlaceholder')}
              notFound={t('complaints.form.noCustomer')}
              onChange={(id, customer) => {
                form.setFieldValue('customerId', id);
                if (id && customer && !form.getFieldValue('complainantCompany')) form.setFieldValue('complainantCompany', customer.name);
              }}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item name="complainantName" label={t('complaints.fields.complainantName')} rules={required}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="complainantPhone" label={t('complaints.fields.complainantPhone')}>
                <Input maxLength={40} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="complainantCompany" label={t('complaints.fields.complainantCompany')}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="complainantEmail" label={t('complaints.fields.complainantEmail')}>
                <Input maxLength={100} inputMode="email" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size={isMobile ? 'small' : 'default'} title={t('complaints.form.sectionContent')} style={{ marginTop: 16 }}>
          <Form.Item name="content" label={t('complaints.fields.content')} rules={required}>
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
          <Row gutter={16}>
            <Col span={half}>
              <Form.Item name="category" label={t('complaints.fields.category')} rules={[{ required: true, message: t('common.required') }]}>
                <Select showSearch optionFilterProp="label" loading={options.isPending} options={(options.data?.categories ?? []).map((c) => ({ value: c, label: categoryLabel(c) }))} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="severity" label={t('complaints.fields.severity')} extra={t('complaints.form.severityHint')}>
                <Radio.Group optionType="button" options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="handlerId" label={t('complaints.fields.handler')} extra={mayAssign ? null : t('complaints.form.handlerSelfHint')}>
                {mayAssign ? (
                  <HandlerSelect />
                ) : (
                  <Select allowClear options={mayHandle ? [{ value: me.id, label: me.displayName }] : []} placeholder={t('complaints.unassigned')} />
                )}
              </Form.Item>
            </Col>
            <Col span={half}>
              <Form.Item name="faultDepartmentId" label={t('complaints.fields.faultDepartment')}>
                <DepartmentSelect />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16, position: 'sticky', bottom: 0, padding: '12px 0', background: 'inherit' }}>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('complaints.form.submit')}
          </Button>
        </Flex>
      </Form>
    </PageContainer>
  );
}
