import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCan, useCurrentUser } from '../auth/hooks';
import { type PlanInput, useCreatePlan, useDeletePlan, usePlan, useProspects, useSubmitPlan, useUpdatePlan } from './hooks';
import { PLAN_DOCUMENT_TYPE, PLAN_STATUS_COLOR, formatWan, planStatusLabel, stageLabel } from './labels';
import type { DevelopmentPlan, PlanTarget } from '../../api/contract/development';

const ISO = 'YYYY-MM-DD';

interface TargetValues {
  prospectId?: number | null;
  customerName?: string;
  visitDate?: Dayjs | null;
  visitContact?: string;
  contactPosition?: string;
  contactDepartment?: string;
  appointment?: string;
  category?: string;
  notes?: string;
}

interface Values {
  title: string;
  period: [Dayjs, Dayjs];
  goal?: string;
  schedule?: string;
  supportNeeded?: string;
  budget?: number | null;
  targets: TargetValues[];
}

const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function toValues(p: DevelopmentPlan | undefined): Partial<Values> {
  if (!p) return { targets: [{}] };
  return {
    title: p.title,
    period: [dayjs(p.periodStart, ISO), dayjs(p.periodEnd, ISO)],
    goal: p.goal ?? '',
    schedule: p.schedule ?? '',
    supportNeeded: p.supportNeeded ?? '',
    budget: p.budget,
    targets: (p.targets ?? []).map((tg) => ({
      prospectId: tg.prospectId,
      customerName: tg.customerName,
      visitDate: tg.visitDate ? dayjs(tg.visitDate, ISO) : null,
      visitContact: tg.visitContact ?? '',
      contactPosition: tg.contactPosition ?? '',
      contactDepartment: tg.contactDepartment ?? '',
      appointment: tg.appointment ?? '',
      category: tg.category ?? '',
      notes: tg.notes ?? '',
    })),
  };
}

function toBody(v: Values): PlanInput {
  return {
    title: v.title.trim(),
    periodStart: v.period[0].format(ISO),
    periodEnd: v.period[1].format(ISO),
    goal: text(v.goal),
    schedule: text(v.schedule),
    supportNeeded: text(v.supportNeeded),
    budget: typeof v.budget === 'number' ? v.budget : null,
    targets: (v.targets ?? []).map((tg) => ({
      prospectId: tg.prospectId ?? null,
      customerName: text(tg.customerName) ?? '',
      visitDate: tg.visitDate ? tg.visitDate.format(ISO) : null,
      visitContact: text(tg.visitContact),
      contactPosition: text(tg.contactPosition),
      contactDepartment: text(tg.contactDepartment),
      appointment: text(tg.appointment),
      category: text(tg.category),
      notes: text(tg.notes),
    })),
  };
}

/** The route: a new plan (/development/plans/new) or one plan (/development/plans/:id). */
export default function PlanPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const isNew = idParam === undefined;
  const id = Number(idParam);
  const plan = usePlan(isNew ? 0 : id);
  if (isNew) return <PlanEditor plan={undefined} />;
  return (
    <RecordGate id={id} query={plan} notFound={<NotFound message={t('development.plans.notFound')} back={{ to: '/development/plans', label: t('development.plans.back') }} />}>
      {(p) => <PlanEditor key={p.id} plan={p} />}
    </RecordGate>
  );
}

/**
 * 客户开发计划 (docs/regulations.md §6, 004 第七~八条): targets laid out like 客户开发工作计划表, the schedule and the
 * support needed from other departments. Editable as a draft and after a return; submitted to the
 * department head → 经理办公会; the approval panel shows the whole history.
 */
function PlanEditor({ plan }: { plan: DevelopmentPlan | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const me = useCurrentUser();
  const notifyError = useNotifyError();
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Unsaved changes: submitting would send the stored version, so save first.
  const [dirty, setDirty] = useState(false);
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const remove = useDeletePlan();
  const editable = can('development.write') && (!plan || plan.editable);

  // The form starts from `initialValues`; a newer copy of the plan (after a save or a decision) replaces it.
  const shown = useRef(plan);
  useEffect(() => {
    if (shown.current === plan) return;
    shown.current = plan;
    form.resetFields();
    form.setFieldsValue(toValues(plan) as Values);
    setDirty(false);
  }, [plan, form]);

  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) {
      void message.error(t('errors.stale'));
      return;
    }
    setError(applyFieldErrors(form, err, { periodStart: 'period', periodEnd: 'period' }) ? null : describe(err));
  };

  const save = (v: Values) => {
    setError(null);
    const body = toBody(v);
    if (!plan) {
      create.mutate(body, {
        onSuccess: (p) => {
          void message.success(t('common.saved'));
          navigate(`/development/plans/${p.id}`, { replace: true });
        },
        onError,
      });
      return;
    }
    update.mutate({ ...body, id: plan.id, version: plan.version }, { onSuccess: () => void message.success(t('common.saved')), onError });
  };

  const header = plan ? (
    <>
      {plan.title} <Tag color={PLAN_STATUS_COLOR[plan.status]} style={{ verticalAlign: 'middle' }}>{planStatusLabel(t, plan.status)}</Tag>
    </>
  ) : (
    t('development.plans.new')
  );

  return (
    <PageContainer
      title={header}
      documentTitle={plan?.title ?? t('development.plans.new')}
      extra={
        plan ? (
          <>
            <Link to={`/development/plans/${plan.id}/print`} target="_blank" rel="noopener">
              <Button icon={<PrinterOutlined aria-hidden />}>{t('development.plans.print')}</Button>
            </Link>
            {editable && plan.ownerId === me.id ? (
              <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => setSubmitting(true)} disabled={dirty} title={dirty ? t('development.plans.saveFirst') : undefined}>
                {plan.status === 'draft' ? t('development.plans.submit') : t('development.plans.resubmit')}
              </Button>
            ) : null}
            {editable && plan.status === 'draft' ? (
              <Popconfirm
                title={t('development.plans.deleteConfirm')}
                onConfirm={() => remove.mutate(plan.id, { onSuccess: () => navigate('/development/plans'), onError: notifyError })}
              >
                <Button danger icon={<DeleteOutlined aria-hidden />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        ) : undefined
      }
    >
      {plan && !plan.editable ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t(plan.status === 'pending' ? 'development.plans.lockedPending' : 'development.plans.locked')} /> : null}
      {editable ? (
        <Form<Values> form={form} name="developmentPlan" layout="vertical" initialValues={toValues(plan)} onFinish={save} onValuesChange={() => setDirty(true)}>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Card title={t('development.plans.basics')} size="small" style={{ marginBottom: 16 }}>
            <Flex wrap style={{ columnGap: 12 }}>
              <Form.Item name="title" label={t('development.plans.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: '2 1 320px' }}>
                <Input autoFocus maxLength={100} />
              </Form.Item>
              <Form.Item name="period" label={t('development.plans.fields.period')} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 260px' }}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="budget" label={t('development.plans.fields.budget')} style={{ flex: '1 1 160px' }}>
                <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="goal" label={t('development.plans.fields.goal')} style={{ flex: '1 1 100%' }}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
              <Form.Item name="schedule" label={t('development.plans.fields.schedule')} style={{ flex: '1 1 100%' }}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Form.Item name="supportNeeded" label={t('development.plans.fields.supportNeeded')} extra={t('development.plans.supportHint')} style={{ flex: '1 1 100%' }}>
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            </Flex>
          </Card>
          <TargetsEditor />
          <Flex gap={8} style={{ marginBottom: 16 }}>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate('/development/plans')}>{t('development.plans.back')}</Button>
          </Flex>
        </Form>
      ) : plan ? (
        <PlanView plan={plan} />
      ) : null}
      {plan ? <ApprovalPanel documentType={PLAN_DOCUMENT_TYPE} documentId={plan.id} /> : null}
      {plan ? <SubmitModal plan={plan} open={submitting} onClose={() => setSubmitting(false)} /> : null}
    </PageContainer>
  );
}

/** A prospect picker searched on the server; picking one fills the target's name and contact. */
function ProspectPicker({ value, onChange, onPicked, id, label }: { value?: number | null; onChange?: (v: number | null) => void; onPicked: (p: { companyName: string; contactName: string | null }) => void; id?: string; label: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useProspects({ q: q || undefined, page: 1, pageSize: 20, sort: '-updatedAt' });
  const items = list.data?.items ?? [];
  return (
    <Select
      id={id}
      aria-label={label}
      allowClear
      value={value ?? undefined}
      placeholder={t('development.plans.pickProspect')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={list.isFetching}
      onChange={(v: number | undefined) => {
        onChange?.(v ?? null);
        const p = items.find((i) => i.id === v);
        if (p) onPicked(p);
      }}
      options={items.map((p) => ({ value: p.id, label: t('common.withNote', { text: p.companyName, note: stageLabel(t, p.stage) }) }))}
    />
  );
}

function TargetsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const isMobile = useIsMobile();
  const cell = { flex: isMobile ? '1 1 100%' : '1 1 150px', minWidth: 0, marginBottom: 8 };
  return (
    <Card title={t('development.plans.targets')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('development.plans.targetsHint')}</Typography.Paragraph>
      <Form.List name="targets">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                title={t('development.plans.targetNo', { n: i + 1 })}
                extra={<Button type="text" size="small" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('development.plans.removeTarget', { n: i + 1 })} onClick={() => remove(f.name)} />}
              >
                <Flex wrap style={{ columnGap: 8 }}>
                  <Form.Item name={[f.name, 'prospectId']} label={t('development.plans.target.prospect')} style={{ ...cell, flex: isMobile ? '1 1 100%' : '2 1 260px' }}>
                    <ProspectPicker
                      label={t('development.plans.target.prospect')}
                      onPicked={(p) => {
                        const row = form.getFieldValue(['targets', f.name]) as TargetValues;
                        form.setFieldValue(['targets', f.name, 'customerName'], row?.customerName?.trim() ? row.customerName : p.companyName);
                        if (!row?.visitContact?.trim() && p.contactName) form.setFieldValue(['targets', f.name, 'visitContact'], p.contactName);
                      }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'customerName']}
                    label={t('development.plans.target.customerName')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    style={{ ...cell, flex: isMobile ? '1 1 100%' : '2 1 260px' }}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'visitDate']} label={t('development.plans.target.visitDate')} style={cell}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'visitContact']} label={t('development.plans.target.visitContact')} style={cell}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contactPosition']} label={t('development.plans.target.contactPosition')} style={cell}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contactDepartment']} label={t('development.plans.target.contactDepartment')} style={cell}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'appointment']} label={t('development.plans.target.appointment')} style={cell}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'category']} label={t('development.plans.target.category')} style={cell}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'notes']} label={t('development.plans.target.notes')} style={{ ...cell, flex: '1 1 100%' }}>
                    <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
              {t('development.plans.addTarget')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}

export function targetColumns(t: TFunction): TableColumnsType<PlanTarget> {
  return [
    { title: t('development.plans.target.no'), key: 'no', width: 50, render: (_: unknown, __: PlanTarget, i: number) => i + 1 },
    { title: t('development.plans.target.customerName'), dataIndex: 'customerName', width: 180 },
    { title: t('development.plans.target.visitDate'), dataIndex: 'visitDate', width: 110 },
    { title: t('development.plans.target.visitContact'), dataIndex: 'visitContact', width: 90 },
    { title: t('development.plans.target.contactPosition'), dataIndex: 'contactPosition', width: 90 },
    { title: t('development.plans.target.contactDepartment'), dataIndex: 'contactDepartment', width: 90 },
    { title: t('development.plans.target.contactPhone'), dataIndex: 'contactPhone', width: 120 },
    { title: t('development.plans.target.appointment'), dataIndex: 'appointment', width: 110 },
    { title: t('development.plans.target.notes'), dataIndex: 'notes', width: 200 },
    { title: t('development.plans.target.category'), dataIndex: 'category', width: 80 },
  ];
}

function PlanView({ plan }: { plan: DevelopmentPlan }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const multiline = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : none);
  const items: DescriptionsProps['items'] = [
    { key: 'period', label: t('development.plans.fields.period'), children: `${plan.periodStart} ~ ${plan.periodEnd}` },
    { key: 'owner', label: t('development.plans.fields.owner'), children: [plan.ownerName, plan.departmentName].filter(Boolean).join(' · ') || none },
    { key: 'budget', label: t('development.plans.fields.budget'), children: plan.budget === null ? none : formatWan(plan.budget) },
    { key: 'goal', label: t('development.plans.fields.goal'), span: 'filled', children: multiline(plan.goal) },
    { key: 'schedule', label: t('development.plans.fields.schedule'), span: 'filled', children: multiline(plan.schedule) },
    { key: 'supportNeeded', label: t('development.plans.fields.supportNeeded'), span: 'filled', children: multiline(plan.supportNeeded) },
  ];
  return (
    <>
      <Card title={t('development.plans.basics')} size="small" style={{ marginBottom: 16 }}>
        <Descriptions items={items} column={isMobile ? 1 : 3} size="small" bordered />
      </Card>
      <Card title={t('development.plans.targets')} size="small" style={{ marginBottom: 16 }}>
        <Table<PlanTarget> rowKey={(r) => r.id ?? r.customerName} size="small" columns={targetColumns(t)} dataSource={plan.targets ?? []} pagination={false} scroll={{ x: 1100 }} />
      </Card>
    </>
  );
}

function SubmitModal({ plan, open, onClose }: { plan: DevelopmentPlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [error, setError] = useState<string | null>(null);
  const describe = useDescribeError();
  const submit = useSubmitPlan();
  return (
    <FormModal<{ comment?: string }>
      name="submitPlan"
      title={plan.status === 'draft' ? t('development.plans.submit') : t('development.plans.resubmit')}
      open={open}
      form={form}
      onCancel={() => (setError(null), onClose())}
      loading={submit.isPending}
      error={error}
      okText={plan.status === 'draft' ? t('development.plans.submit') : t('development.plans.resubmit')}
      onFinish={(v) =>
        submit.mutate(
          { id: plan.id, version: plan.version, comment: v.comment?.trim() || null },
          {
            onSuccess: () => {
              void message.success(t('development.plans.submitted'));
              setError(null);
              onClose();
            },
            onError: (err) => setError(describe(err)),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('development.plans.submitHint')}</Typography.Paragraph>
      <Form.Item name="comment" label={t('development.plans.submitComment')}>
        <Input.TextArea rows={3} maxLength={1000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
