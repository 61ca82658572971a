import { DeleteOutlined, PlusOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { VisitPlan, VisitPlanLine } from '../../api/contract/visits';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDescribeError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { useCurrentUser } from '../auth/hooks';
import { usePlanSuggestions, useSavePlan, useSubmitPlan, useVisitPlan } from './hooks';
import { editableStatus, money, STATUS_COLORS } from './plans';

const METHODS = ['on_site', 'phone', 'email'] as const;
type Method = (typeof METHODS)[number];
interface LineValues {
  id?: number | null;
  customerId?: number | null;
  plannedOn?: Dayjs | null;
  purpose?: string;
  method?: Method;
  place?: string | null;
  expectedCost?: number | null;
}

/** /visits/plans/:id — the 回访计划表: its lines (editable by the author until review), suggestions, the supervisor's review. */
export default function PlanEditorPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const plan = useVisitPlan(id);
  return (
    <RecordGate id={id} query={plan} notFound={<NotFound message={t('visits.plans.notFound')} back={{ to: '/visits/plans', label: t('visits.plans.title') }} />}>
      {(p) => <PlanView plan={p} />}
    </RecordGate>
  );
}

function PlanView({ plan: p }: { plan: VisitPlan }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canEdit = p.authorId === me.id && editableStatus(p.status);
  return (
    <PageContainer
      title={`${t('visits.plans.sheet')} · ${t(`visits.plans.kinds.${p.kind}`)} ${p.period}`}
      extra={
        <Link to={`/visits/plans/${p.id}/print`}>
          <Button icon={<PrinterOutlined aria-hidden />}>{t('visits.plans.printable')}</Button>
        </Link>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('visits.plans.author')}>{p.authorName}</Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.status')}>
            <Tag color={STATUS_COLORS[p.status]}>{t(`visits.plans.statuses.${p.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.range')}>{`${p.periodStart} ~ ${p.periodEnd}`}</Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.due')}>{p.dueDate}</Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.submitted')}>
            <Space>
              {p.submittedAt ? formatDateTime(p.submittedAt) : t('visits.none')}
              {p.late ? <Tag color="red">{t('visits.plans.lateFull', { due: p.dueDate })}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.plans.totals')}>{t('visits.plans.totalsText', { days: p.onSiteDays, cost: money(p.totalExpectedCost) })}</Descriptions.Item>
        </Descriptions>
        {p.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 8 }} />
        ))}
      </Card>
      {canEdit ? <PlanForm plan={p} /> : <PlanLines plan={p} />}
      {p.status !== 'draft' ? (
        <div style={{ marginTop: 16 }}>
          <ApprovalPanel documentType="visit_plan" documentId={p.id} />
        </div>
      ) : null}
    </PageContainer>
  );
}

/** The lines of a plan under review or approved, each done (with its visit) or not yet. */
function PlanLines({ plan: p }: { plan: VisitPlan }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Card title={t('visits.plans.lines')}>
      <Table<VisitPlanLine>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.lines}
        scroll={{ x: 900 }}
        columns={[
          { key: 'date', title: t('visits.plans.date'), dataIndex: 'plannedOn', width: 110 },
          { key: 'customer', title: t('visits.fields.customer'), dataIndex: 'customerName', render: (v: string, r) => <Link to={`/customers/${r.customerId}?tab=visits`}>{v}</Link> },
          { key: 'purpose', title: t('visits.fields.purpose'), dataIndex: 'purpose' },
          { key: 'method', title: t('visits.fields.method'), dataIndex: 'method', width: 100, render: (v: Method) => t(`visits.methods.${v}`) },
          { key: 'place', title: t('visits.plans.place'), dataIndex: 'place', render: (v: string | null) => v ?? '' },
          { key: 'cost', title: t('visits.plans.cost'), dataIndex: 'expectedCost', width: 120, align: 'right', render: (v: number | null) => money(v) },
          {
            key: 'done',
            title: t('visits.plans.doneCol'),
            width: 140,
            render: (_: unknown, r) =>
              r.done ? (
                <Link to={`/visits/${r.visitId}`}>
                  <Tag color="success">{t('visits.plans.done')}</Tag>
                </Link>
              ) : p.authorId === me.id && (p.status === 'approved' || p.status === 'pending') ? (
                <Link to={`/visits/new?customerId=${r.customerId}&planLineId=${r.id}`}>
                  <Tag>{t('visits.plans.record')}</Tag>
                </Link>
              ) : (
                <Tag>{t('visits.plans.notDone')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function PlanForm({ plan: p }: { plan: VisitPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<{ notes?: string | null; lines: LineValues[] }>();
  const save = useSavePlan();
  const submit = useSubmitPlan();
  const suggestions = usePlanSuggestions(true);
  const [error, setError] = useState<string | null>(null);
  const lines = Form.useWatch('lines', form) ?? [];
  const chosen = new Set(lines.map((l) => l?.customerId));
  const known = useMemo(
    () => [...p.lines.map((l) => ({ id: l.customerId, name: l.customerName, archiveNo: l.customerArchiveNo })), ...(suggestions.data?.items ?? []).map((s) => ({ id: s.customerId, name: s.name, archiveNo: s.archiveNo }))],
    [p.lines, suggestions.data],
  );
  const initial = { notes: p.notes, lines: p.lines.map((l) => ({ ...l, plannedOn: dayjs(l.plannedOn) })) };
  const inPeriod = (d: Dayjs) => d.format('YYYY-MM-DD') < p.periodStart || d.format('YYYY-MM-DD') > p.periodEnd;

  const body = (v: { notes?: string | null; lines: LineValues[] }) => ({
    id: p.id,
    version: p.version,
    notes: v.notes ?? null,
    lines: (v.lines ?? []).map((l) => ({
      id: l.id ?? null,
      customerId: l.customerId as number,
      plannedOn: l.plannedOn ? l.plannedOn.format('YYYY-MM-DD') : '',
      purpose: l.purpose ?? '',
      method: l.method ?? 'on_site',
      place: l.place || null,
      expectedCost: l.method === 'on_site' ? (l.expectedCost ?? null) : null,
    })),
  });
  const onSave = async (andSubmit: boolean) => {
    setError(null);
    try {
      const v = await form.validateFields();
      const saved = await save.mutateAsync(body(v));
      if (andSubmit) {
        await submit.mutateAsync({ id: saved.id, version: saved.version });
        message.success(t('visits.plans.submittedOk'));
      } else message.success(t('visits.plans.saved'));
    } catch (err) {
      if ((err as { errorFields?: unknown }).errorFields) return;
      if (!applyFieldErrors(form, err)) setError(describe(err));
    }
  };
  const add = (customerId?: number) => {
    const rows = form.getFieldValue('lines') ?? [];
    form.setFieldValue('lines', [...rows, { customerId, plannedOn: dayjs(p.periodStart), method: 'on_site', purpose: t('visits.plans.defaultPurpose') }]);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={17}>
        <Card
          title={t('visits.plans.lines')}
          extra={
            <Space>
              <Button onClick={() => void onSave(false)} loading={save.isPending && !submit.isPending}>
                {t('visits.plans.save')}
              </Button>
              <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => void onSave(true)} loading={submit.isPending}>
                {p.status === 'draft' ? t('visits.plans.submit') : t('visits.plans.resubmit')}
              </Button>
            </Space>
          }
        >
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form
            form={form}
            name="visitPlan"
            initialValues={initial}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void onSave(false);
              } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
            }}
          >
            <Form.List name="lines">
              {(fields, { remove }) => (
                <div role="table" aria-label={t('visits.plans.lines')}>
                  {fields.map((f, i) => {
                    const method = lines[f.name]?.method;
                    return (
                      <Space key={f.key} role="row" align="start" wrap style={{ display: 'flex', borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}>
                        <Form.Item name={[f.name, 'id']} hidden>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[f.name, 'customerId']} rules={[{ required: true, message: t('visits.plans.customerRequired') }]} style={{ width: 240 }}>
                          <CustomerPicker aria-label={t('visits.plans.rowCustomer', { n: i + 1 })} known={known} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'plannedOn']} rules={[{ required: true, message: t('visits.plans.dateRequired') }]}>
                          <DatePicker aria-label={t('visits.plans.rowDate', { n: i + 1 })} disabledDate={inPeriod} defaultPickerValue={dayjs(p.periodStart)} style={{ width: 130 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'purpose']} rules={[{ required: true, message: t('visits.plans.purposeRequired') }]}>
                          <Input aria-label={t('visits.plans.rowPurpose', { n: i + 1 })} placeholder={t('visits.fields.purpose')} maxLength={500} style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'method']}>
                          <Select aria-label={t('visits.plans.rowMethod', { n: i + 1 })} style={{ width: 110 }} options={METHODS.map((m) => ({ value: m, label: t(`visits.methods.${m}`) }))} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'place']}>
                          <Input aria-label={t('visits.plans.rowPlace', { n: i + 1 })} placeholder={t('visits.plans.place')} maxLength={200} style={{ width: 150 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'expectedCost']}>
                          <InputNumber aria-label={t('visits.plans.rowCost', { n: i + 1 })} placeholder={t('visits.plans.cost')} min={0} precision={2} prefix="¥" disabled={method !== 'on_site'} style={{ width: 130 }} />
                        </Form.Item>
                        <Button aria-label={t('visits.plans.removeRow', { n: i + 1 })} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(f.name)} />
                      </Space>
                    );
                  })}
                  <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add()} style={{ marginTop: 12 }}>
                    {t('visits.plans.addRow')}
                  </Button>
                </div>
              )}
            </Form.List>
            <Form.Item name="notes" label={t('visits.plans.notes')} style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">{t('visits.plans.keys')}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Card title={t('visits.plans.suggestions')} size="small">
          <List
            size="small"
            loading={suggestions.isLoading}
            dataSource={(suggestions.data?.items ?? []).slice(0, 60)}
            locale={{ emptyText: t('visits.plans.noSuggestions') }}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Button key="add" size="small" disabled={chosen.has(s.customerId)} aria-label={t('visits.plans.addCustomer', { name: s.name })} onClick={() => add(s.customerId)}>
                    {chosen.has(s.customerId) ? t('visits.plans.added') : t('visits.plans.add')}
                  </Button>,
                ]}
              >
                <Flex vertical>
                  <span>{s.name}</span>
                  {s.cadence === 'overdue' ? (
                    <Tag color="red">{t('visits.plans.overdue', { days: s.overdueDays })}</Tag>
                  ) : s.cadence === 'due' ? (
                    <Tag color="orange">{t('visits.plans.dueBy', { date: s.dueDate })}</Tag>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
