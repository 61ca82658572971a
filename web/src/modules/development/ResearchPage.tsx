import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Tabs, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useDialogSaveError, useNotifyError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { useDeleteResearchPlan, useDeleteResearchReport, useResearchPlans, useResearchReports, useSaveResearchPlan, useSaveResearchReport } from './hooks';
import { formatWan } from './labels';
import type { ResearchPlan, ResearchReport } from '../../api/contract/development';

/** The fields of 客户调查计划表 and 客户调查分析报告表 in the seed's order (003 第二章第一节). */
const PLAN_TEXT = ['goal', 'keyTargets', 'otherTargets', 'content', 'schedule', 'method', 'people', 'notes'] as const;
const REPORT_TEXT = ['background', 'purpose', 'method', 'departmentName', 'subjects', 'surveyPeriod', 'factors', 'priceTolerance', 'expectedServices', 'opinions', 'suggestions'] as const;
const ONE_LINE = new Set(['departmentName', 'surveyPeriod', 'method', 'people']);

type Tab = 'plans' | 'reports';

/** 客户调查: research plans (客户调查计划表) and the analysis reports written from them. */
export default function ResearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'reports' ? 'reports' : 'plans';
  return (
    <PageContainer title={t('development.research.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'reports' ? { tab: 'reports' } : {}, { replace: true })}
        items={[
          { key: 'plans', label: t('development.research.plans'), children: <PlansTab /> },
          { key: 'reports', label: t('development.research.reports'), children: <ReportsTab /> },
        ]}
      />
    </PageContainer>
  );
}

function PlansTab() {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotifyError();
  const list = useListState([{ name: 'q', kind: 'text', ariaLabel: t('development.research.search'), placeholder: t('development.research.search'), width: 280, search: true }]);
  const plans = useResearchPlans({ q: list.state.filters.q, page: list.state.page, pageSize: list.state.pageSize });
  const remove = useDeleteResearchPlan();
  const [editing, setEditing] = useState<{ plan: ResearchPlan | null } | null>(null);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const canWrite = can('development.write');

  const columns: ListColumn<ResearchPlan>[] = [
    { key: 'title', title: t('development.research.fields.title'), dataIndex: 'title', width: 220 },
    { key: 'goal', title: t('development.research.fields.goal'), dataIndex: 'goal', width: 240, ellipsis: true, render: (v: string | null) => v || none },
    { key: 'schedule', title: t('development.research.fields.schedule'), dataIndex: 'schedule', width: 200, ellipsis: true, render: (v: string | null) => v || none },
    { key: 'budget', title: t('development.research.fields.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (v: number | null) => (v === null ? none : formatWan(v)) },
    { key: 'reportCount', title: t('development.research.reportCount'), dataIndex: 'reportCount', width: 90, align: 'right' },
    { key: 'owner', title: t('development.fields.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    { key: 'createdAt', title: t('development.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, r: ResearchPlan) => (
              <RowActions title={r.title} deleteConfirm={t('development.research.deletePlanConfirm')} onEdit={() => setEditing({ plan: r })} onDelete={() => remove.mutate(r.id, { onError: notify })} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage<ResearchPlan>
        emptyHint={{ description: t('development.research.emptyHint.description'), action: canWrite ? { label: t('development.research.emptyHint.action'), onClick: () => setEditing({ plan: null }) } : null }}
        list={list}
        formName="researchPlanFilters"
        query={plans}
        columns={columns}
        filterExtra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ plan: null })}>
              {t('development.research.newPlan')}
            </Button>
          ) : null
        }
        tableProps={{ scroll: { x: 1200 }, expandable: { expandedRowRender: (r) => <TextFields keys={PLAN_TEXT} record={r} /> } }}
      />
      <ResearchPlanModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** Edit and delete (after a confirmation) of one row; the labels name the row for screen readers. */
function RowActions({ title, deleteConfirm, onEdit, onDelete }: { title: string; deleteConfirm: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button type="link" size="small" onClick={onEdit} aria-label={`${t('common.edit')} ${title}`}>
        {t('common.edit')}
      </Button>
      <Popconfirm title={deleteConfirm} onConfirm={onDelete}>
        <Button type="link" size="small" danger aria-label={`${t('common.delete')} ${title}`}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </>
  );
}

/** The free-text fields of a plan or report, shown when its row is expanded. */
function TextFields<K extends string>({ keys, record }: { keys: readonly K[]; record: Record<K, string | null> }) {
  const { t } = useTranslation();
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px' }}>
      {keys.map((k) => (
        <Fragment key={k}>
          <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{t(`development.research.fields.${k}`)}</dt>
          <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record[k] || t('common.none')}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** What both dialogs send: for an edit only the fields that changed; on success a note and close. */
function useResearchSave<V>(form: FormInstance<V>, original: object | null, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const onError = useDialogSaveError(form, setError, onClose);
  const changedOnly = (body: Record<string, unknown>) => {
    if (original) for (const k of Object.keys(body)) if (JSON.stringify(body[k]) === JSON.stringify((original as Record<string, unknown>)[k] ?? null)) delete body[k];
    return body;
  };
  const callbacks = {
    onSuccess: () => {
      void message.success(t('common.saved'));
      onClose();
    },
    onError,
  };
  return { error, setError, changedOnly, callbacks };
}

type PlanValues = Partial<Record<(typeof PLAN_TEXT)[number], string>> & { title: string; budget?: number | null };

function ResearchPlanModal({ editing, onClose }: { editing: { plan: ResearchPlan | null } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  const save = useSaveResearchPlan();
  const plan = editing?.plan ?? null;
  const { error, setError, changedOnly, callbacks } = useResearchSave(form, plan, onClose);

  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    if (plan) form.setFieldsValue({ title: plan.title, budget: plan.budget, ...Object.fromEntries(PLAN_TEXT.map((k) => [k, plan[k] ?? ''])) });
  }, [editing, plan, form]);

  const onFinish = (v: PlanValues) => {
    setError(null);
    const body: Record<string, unknown> = { title: v.title.trim(), budget: typeof v.budget === 'number' ? v.budget : null };
    for (const k of PLAN_TEXT) body[k] = v[k]?.trim() || null;
    changedOnly(body);
    save.mutate(plan ? { ...body, id: plan.id, version: plan.version } : body, callbacks);
  };

  return (
    <FormModal<PlanValues>
      name="researchPlan"
      title={plan ? t('development.research.editPlan') : t('development.research.newPlan')}
      open={editing !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={save.isPending}
      error={error}
      width={720}
    >
      <Form.Item name="title" label={t('development.research.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      {PLAN_TEXT.map((k) => (
        <Form.Item key={k} name={k} label={t(`development.research.fields.${k}`)}>
          {ONE_LINE.has(k) ? <Input maxLength={1000} /> : <Input.TextArea rows={2} maxLength={4000} />}
        </Form.Item>
      ))}
      <Form.Item name="budget" label={t('development.research.fields.budget')}>
        <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function ReportsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotifyError();
  const plans = useResearchPlans({ page: 1, pageSize: 200 });
  const remove = useDeleteResearchReport();
  const [editing, setEditing] = useState<{ report: ResearchReport | null } | null>(null);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const canWrite = can('development.write');
  const planOptions = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }));
  const list = useListState([
    { name: 'planId', kind: 'number', ariaLabel: t('development.research.fields.plan'), placeholder: t('development.research.allPlans'), width: 280, options: planOptions },
  ]);
  const planId = list.state.filters.planId ? Number(list.state.filters.planId) : undefined;
  const reports = useResearchReports({ planId, page: list.state.page, pageSize: list.state.pageSize });

  const columns: ListColumn<ResearchReport>[] = [
    { key: 'title', title: t('development.research.fields.title'), dataIndex: 'title', width: 220 },
    { key: 'plan', title: t('development.research.fields.plan'), dataIndex: 'planTitle', width: 220, render: (v: string | null) => v || none },
    { key: 'surveyPeriod', title: t('development.research.fields.surveyPeriod'), dataIndex: 'surveyPeriod', width: 150, render: (v: string | null) => v || none },
    { key: 'owner', title: t('development.fields.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    { key: 'createdAt', title: t('development.fields.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, r: ResearchReport) => (
              <RowActions title={r.title} deleteConfirm={t('development.research.deleteReportConfirm')} onEdit={() => setEditing({ report: r })} onDelete={() => remove.mutate(r.id, { onError: notify })} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ListPage<ResearchReport>
        list={list}
        formName="researchReportFilters"
        query={reports}
        columns={columns}
        filterExtra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ report: null })} disabled={!planOptions.length} title={planOptions.length ? undefined : t('development.research.needPlan')}>
              {t('development.research.newReport')}
            </Button>
          ) : null
        }
        tableProps={{ scroll: { x: 1000 }, expandable: { expandedRowRender: (r) => <TextFields keys={REPORT_TEXT} record={r} /> } }}
      />
      <ResearchReportModal editing={editing} planOptions={planOptions} defaultPlanId={planId} onClose={() => setEditing(null)} />
    </>
  );
}

type ReportValues = Partial<Record<(typeof REPORT_TEXT)[number], string>> & { title: string; planId?: number };

function ResearchReportModal({
  editing,
  planOptions,
  defaultPlanId,
  onClose,
}: {
  editing: { report: ResearchReport | null } | null;
  planOptions: { value: number; label: string }[];
  defaultPlanId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const save = useSaveResearchReport();
  const report = editing?.report ?? null;
  const { error, setError, changedOnly, callbacks } = useResearchSave(form, report, onClose);

  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(report ? { title: report.title, planId: report.planId, ...Object.fromEntries(REPORT_TEXT.map((k) => [k, report[k] ?? ''])) } : { planId: defaultPlanId });
  }, [editing, report, form, defaultPlanId]);

  const onFinish = (v: ReportValues) => {
    setError(null);
    const body: Record<string, unknown> = { title: v.title.trim() };
    for (const k of REPORT_TEXT) body[k] = v[k]?.trim() || null;
    changedOnly(body);
    if (!report) body.planId = v.planId;
    save.mutate(report ? { ...body, id: report.id, version: report.version } : body, callbacks);
  };

  return (
    <FormModal<ReportValues>
      name="researchReport"
      title={report ? t('development.research.editReport') : t('development.research.newReport')}
      open={editing !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={save.isPending}
      error={error}
      width={720}
    >
      <Form.Item name="planId" label={t('development.research.fields.plan')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={planOptions} disabled={!!report} autoFocus={!report} />
      </Form.Item>
      <Form.Item name="title" label={t('development.research.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} autoFocus={!!report} />
      </Form.Item>
      {REPORT_TEXT.map((k) => (
        <Form.Item key={k} name={k} label={t(`development.research.fields.${k}`)}>
          {ONE_LINE.has(k) ? <Input maxLength={200} /> : <Input.TextArea rows={2} maxLength={4000} />}
        </Form.Item>
      ))}
    </FormModal>
  );
}
