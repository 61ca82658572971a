import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError } from '../../components/errors';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageContainer } from '../../components/PageContainer';
import { RecordGate } from '../../components/status';
import { usePlan, useSavePlan } from './hooks';
import { planPath } from './labels';
import { StaffMultiSelect } from './pickers';
import type { MaintenancePlan, PlanInput } from '../../api/contract/maintenance';

const ISO = 'YYYY-MM-DD';

interface Values {
  title: string;
  customerIds: number[];
  goals: string;
  method: string;
  measures: string;
  staffIds: number[];
  budget: number | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
}

function toValues(p: MaintenancePlan | undefined): Partial<Values> {
  if (!p) return { customerIds: [], staffIds: [], budget: null, startDate: null, endDate: null };
  return {
    title: p.title,
    customerIds: p.customers.map((c) => c.id),
    goals: p.goals,
    method: p.method,
    measures: p.measures,
    staffIds: p.staff.map((s) => s.id),
    budget: p.budget,
    startDate: dayjs(p.startDate),
    endDate: dayjs(p.endDate),
  };
}

function toInput(v: Values): PlanInput {
  return {
    title: v.title?.trim(),
    customerIds: v.customerIds,
    goals: v.goals?.trim(),
    method: v.method?.trim(),
    measures: v.measures?.trim(),
    staffIds: v.staffIds,
    budget: v.budget ?? 0,
    startDate: v.startDate?.format(ISO),
    endDate: v.endDate?.format(ISO),
  };
}

/** /maintenance-plans/new and /maintenance-plans/:id/edit (only a draft or a returned plan is editable). */
export default function PlanFormPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const plan = usePlan(id ?? 0);
  if (id === undefined) return <PlanForm />;
  return (
    <RecordGate id={id} query={plan}>
      {(p) => <PlanForm key={p.version} plan={p} />}
    </RecordGate>
  );
}

function PlanForm({ plan }: { plan?: MaintenancePlan }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const save = useSavePlan();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const locked = plan && !plan.can.edit;
  // ?customerId= presets the customer (a relationship evaluation that recommends improving or ending it starts a plan).
  const [params] = useSearchParams();
  const presetId = plan ? 0 : Number(params.get('customerId')) || 0;

  const onFinish = (values: Values) => {
    setFormError(null);
    const input = toInput(values);
    let body: PlanInput & { id?: number; version?: number } = input;
    if (plan) {
      // Only what changed, plus the version read (409 when someone saved in between).
      const before = toInput(toValues(plan) as Values);
      const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof PlanInput])));
      body = { ...changed, id: plan.id, version: plan.version };
    }
    save.mutate(body, {
      onSuccess: (saved) => navigate(planPath(saved.id)),
      onError: (err) => {
        if (err instanceof ApiError && err.isStaleVersion) {
          setFormError(t('errors.stale'));
          return;
        }
        if (!applyFieldErrors(form, err)) setFormError(describe(err));
      },
    });
  };

  /** Enter in a one-line input does not save a half-written plan; Ctrl+Enter (⌘+Enter) saves from anywhere. */
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
  const title = plan ? t('maintenance.editTitle', { title: plan.title }) : t('maintenance.create');

  return (
    <PageContainer title={title}>
      {locked ? <Alert type="warning" showIcon title={t('maintenance.form.locked')} style={{ marginBottom: 16 }} /> : null}
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="maintenancePlan"
        layout="vertical"
        initialValues={presetId ? { ...toValues(plan), customerIds: [presetId] } : toValues(plan)}
        onFinish={onFinish}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center', focus: true });
        }}
        onKeyDown={onKeyDown}
        disabled={save.isPending || locked}
      >
        <Card size={isMobile ? 'small' : 'default'}>
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item label={t('maintenance.fields.title')} name="title" rules={required}>
                <Input maxLength={100} autoFocus autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item label={t('maintenance.fields.budget')} name="budget" rules={[{ required: true, message: t('common.required') }]} extra={t('maintenance.form.budgetHint')}>
                <InputNumber min={0} max={9999999999.99} precision={2} style={{ width: '100%' }} suffix={t('maintenance.yuan')} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item label={t('maintenance.fields.customers')} name="customerIds" rules={[{ required: true, type: 'array', min: 1, message: t('maintenance.form.customersRequired') }]}>
                <CustomerPicker mode="multiple" known={plan?.customers} placeholder={t('maintenance.form.customersPlaceholder')} notFound={t('maintenance.form.noCustomer')} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item label={t('maintenance.fields.staff')} name="staffIds" rules={[{ required: true, type: 'array', min: 1, message: t('maintenance.form.staffRequired') }]}>
                <StaffMultiSelect known={plan?.staff} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item label={t('maintenance.fields.startDate')} name="startDate" rules={[{ required: true, message: t('common.required') }]}>
                <DatePicker style={{ width: '100%' }} format={ISO} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item
                label={t('maintenance.fields.endDate')}
                name="endDate"
                dependencies={['startDate']}
                rules={[
                  { required: true, message: t('common.required') },
                  ({ getFieldValue }) => ({
                    validator: (_, v: Dayjs | null) => {
                      const start = getFieldValue('startDate') as Dayjs | null;
                      return v && start && v.isBefore(start, 'day') ? Promise.reject(new Error(t('maintenance.form.periodReversed'))) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: '100%' }} format={ISO} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('maintenance.fields.goals')} name="goals" rules={required}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item label={t('maintenance.fields.method')} name="method" rules={required}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item label={t('maintenance.fields.measures')} name="measures" rules={required}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Flex
          justify="end"
          align="center"
          gap={8}
          wrap
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 5,
            marginTop: 16,
            padding: '12px 16px',
            background: token.colorBgContainer,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
            boxShadow: token.boxShadowTertiary,
          }}
        >
          {isMobile ? null : (
            <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
              {t('maintenance.form.saveHint')}
            </Typography.Text>
          )}
          <Button onClick={() => navigate(plan ? planPath(plan.id) : '/maintenance-plans')} disabled={false}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </PageContainer>
  );
}
