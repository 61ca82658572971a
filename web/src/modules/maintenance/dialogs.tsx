import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useAddExpense, useAddRecord, useClosePlan, useSplitTasks, useSubmitPlan } from './hooks';
import { formatMoney } from './labels';
import type { MaintenancePlan, PlanTask } from '../../api/contract/maintenance';

const ISO = 'YYYY-MM-DD';

/** Shared error handling of the plan's dialogs: field messages under their inputs, the rest above the form. */
function useFormErrors() {
  const describe = useDescribeError();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    show: (form: Parameters<typeof applyFieldErrors>[0], err: unknown, rename?: Record<string, string | (string | number)[]>) => {
      if (err instanceof ApiError && err.isStaleVersion) setError(t('errors.stale'));
      else if (!applyFieldErrors(form, err, rename)) setError(describe(err));
    },
  };
}

/** 提交审批 / 重新提交: an optional note for the manager (e.g. what was revised after a return). */
export function SubmitDialog({ plan, open, onClose }: { plan: MaintenancePlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const submit = useSubmitPlan(plan.id);
  const errors = useFormErrors();
  const resubmit = plan.status === 'returned';
  return (
    <FormModal<{ comment?: string }>
      name="maintenanceSubmit"
      title={resubmit ? t('maintenance.actions.resubmit') : t('maintenance.actions.submit')}
      okText={resubmit ? t('maintenance.actions.resubmit') : t('maintenance.actions.submit')}
      open={open}
      form={form}
      loading={submit.isPending}
      error={errors.error}
      onCancel={() => {
        errors.clear();
        onClose();
      }}
      onFinish={(v) =>
        submit.mutate(
          { version: plan.version, comment: v.comment?.trim() || null },
          {
            onSuccess: () => {
              void message.success(t('maintenance.submitted'));
              errors.clear();
              onClose();
            },
            onError: (err) => errors.show(form, err),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('maintenance.submitHint')}</Typography.Paragraph>
      <Form.Item label={t('maintenance.submitComment')} name="comment">
        <Input autoFocus maxLength={1000} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

interface TaskRow {
  title: string;
  assigneeId?: number;
  customerId?: number | null;
  dueMode: 'date' | 'workingDays';
  dueDate?: Dayjs | null;
  workingDays?: number | null;
}

/** 分解任务: one line per task — what, who (the plan's staff), for which customer, and by when (seed 000 §7(一)1). */
export function SplitTasksDialog({ plan, open, onClose }: { plan: MaintenancePlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ tasks: TaskRow[] }>();
  const split = useSplitTasks(plan.id);
  const errors = useFormErrors();
  const blank: TaskRow = { title: '', dueMode: 'workingDays', workingDays: 5, customerId: plan.customers.length === 1 ? plan.customers[0].id : null };
  const staff = plan.staff.map((s) => ({ value: s.id, label: s.name }));
  const customers = plan.customers.map((c) => ({ value: c.id, label: c.name }));
  return (
    <FormModal<{ tasks: TaskRow[] }>
      name="maintenanceSplit"
      title={t('maintenance.actions.split')}
      okText={t('maintenance.split.ok')}
      open={open}
      form={form}
      width={860}
      loading={split.isPending}
      error={errors.error}
      initialValues={{ tasks: [blank] }}
      onCancel={() => {
        errors.clear();
        onClose();
      }}
      onFinish={(v) =>
        split.mutate(
          v.tasks.map((r) => ({
            title: r.title.trim(),
            assigneeId: r.assigneeId!,
            customerId: r.customerId ?? null,
            dueDate: r.dueMode === 'date' ? (r.dueDate?.format(ISO) ?? null) : null,
            workingDays: r.dueMode === 'workingDays' ? (r.workingDays ?? null) : null,
          })),
          {
            onSuccess: (res) => {
              void message.success(t('maintenance.split.done', { count: res.items.length }));
              errors.clear();
              onClose();
            },
            onError: (err) => errors.show(form, err),
          },
        )
      }
    >
      <Form.List name="tasks">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} wrap align="start" role="group" aria-label={t('maintenance.split.row', { n: i + 1 })}>
                <Form.Item label={t('maintenance.split.title')} name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: '2 1 200px', marginBottom: 8 }}>
                  <Input maxLength={200} autoComplete="off" autoFocus={i === 0} />
                </Form.Item>
                <Form.Item label={t('maintenance.split.assignee')} name={[f.name, 'assigneeId']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                  <Select options={staff} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item label={t('maintenance.split.customer')} name={[f.name, 'customerId']} style={{ flex: '1 1 150px', marginBottom: 8 }}>
                  <Select options={customers} allowClear showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
                <Form.Item label={t('maintenance.split.dueMode')} name={[f.name, 'dueMode']} style={{ marginBottom: 8 }}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'workingDays', label: t('maintenance.split.byWorkingDays') },
                      { value: 'date', label: t('maintenance.split.byDate') },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['tasks', f.name, 'dueMode']]}>
                  {({ getFieldValue }) =>
                    getFieldValue(['tasks', f.name, 'dueMode']) === 'date' ? (
                      <Form.Item label={t('maintenance.split.dueDate')} name={[f.name, 'dueDate']} rules={[{ required: true, message: t('common.required') }]} style={{ width: 150, marginBottom: 8 }}>
                        <DatePicker
                          format={ISO}
                          // Within the plan's period, and not in the past.
                          disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.format(ISO) < plan.startDate || d.format(ISO) > plan.endDate}
                          defaultPickerValue={dayjs(plan.startDate).isAfter(dayjs()) ? dayjs(plan.startDate) : undefined}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    ) : (
                      <Form.Item
                        label={t('maintenance.split.workingDays')}
                        name={[f.name, 'workingDays']}
                        rules={[{ required: true, message: t('common.required') }]}
                        extra={dayjs(plan.startDate).isAfter(dayjs(), 'day') ? t('maintenance.split.fromStart', { start: plan.startDate }) : undefined}
                        style={{ width: 160, marginBottom: 8 }}
                      >
                        <InputNumber min={1} max={250} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
                {fields.length > 1 ? (
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('maintenance.split.removeRow', { n: i + 1 })} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                ) : null}
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)}>
              {t('maintenance.split.addRow')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}

interface RecordValues {
  customerId?: number | null;
  content: string;
  feedback: string;
}

/**
 * 客服工作记录: what was done and what the customer said. Opened from a task (完成任务: the task is
 * completed with it) or on its own (添加记录).
 */
export function RecordDialog({ plan, task, open, onClose }: { plan: MaintenancePlan; task: PlanTask | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const add = useAddRecord(plan.id);
  const errors = useFormErrors();
  const customers = plan.customers.map((c) => ({ value: c.id, label: c.name }));
  const completing = !!task;
  return (
    <FormModal<RecordValues>
      name="maintenanceRecord"
      title={completing ? t('maintenance.record.completeTitle', { title: task.title }) : t('maintenance.record.title')}
      okText={completing ? t('maintenance.record.completeOk') : t('common.save')}
      open={open}
      form={form}
      width={640}
      loading={add.isPending}
      error={errors.error}
      initialValues={{ customerId: task?.customerId ?? (plan.customers.length === 1 ? plan.customers[0].id : null) }}
      onCancel={() => {
        errors.clear();
        onClose();
      }}
      onFinish={(v) =>
        add.mutate(
          { planTaskId: task?.id ?? null, customerId: v.customerId ?? null, content: v.content.trim(), feedback: v.feedback.trim(), completeTask: completing },
          {
            onSuccess: () => {
              void message.success(completing ? t('maintenance.record.completed') : t('maintenance.record.saved'));
              errors.clear();
              onClose();
            },
            onError: (err) => errors.show(form, err),
          },
        )
      }
    >
      <Form.Item label={t('maintenance.record.customer')} name="customerId" rules={[{ required: true, message: t('common.required') }]}>
        <Select options={customers} showSearch={{ optionFilterProp: 'label' }} disabled={completing && !!task?.customerId} />
      </Form.Item>
      <Form.Item label={t('maintenance.record.content')} name="content" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('maintenance.record.feedback')} name="feedback" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

/** 登记费用: spending against the budget; going over it is allowed but said before saving (节约性, seed 000 §6). */
export function ExpenseDialog({ plan, open, onClose }: { plan: MaintenancePlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: number | null; spentOn: Dayjs | null; item: string }>();
  const add = useAddExpense(plan.id);
  const errors = useFormErrors();
  const amount = Form.useWatch('amount', form) ?? 0;
  const after = Math.round((plan.remaining - amount) * 100) / 100;
  return (
    <FormModal<{ amount: number | null; spentOn: Dayjs | null; item: string }>
      name="maintenanceExpense"
      title={t('maintenance.expense.title')}
      open={open}
      form={form}
      loading={add.isPending}
      error={errors.error}
      initialValues={{ amount: null, spentOn: dayjs(), item: '' }}
      onCancel={() => {
        errors.clear();
        onClose();
      }}
      onFinish={(v) =>
        add.mutate(
          { amount: v.amount ?? 0, spentOn: v.spentOn!.format(ISO), item: v.item.trim() },
          {
            onSuccess: (res) => {
              if (res.budget.overBudget) void message.warning(t('maintenance.expense.overBudget', { amount: formatMoney(-res.budget.remaining) }));
              else void message.success(t('maintenance.expense.saved'));
              errors.clear();
              onClose();
            },
            onError: (err) => errors.show(form, err),
          },
        )
      }
    >
      <Form.Item label={t('maintenance.expense.item')} name="item" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={200} autoComplete="off" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item label={t('maintenance.expense.amount')} name="amount" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 160px' }}>
          <InputNumber min={0.01} max={9999999999.99} precision={2} style={{ width: '100%' }} suffix={t('maintenance.yuan')} />
        </Form.Item>
        <Form.Item label={t('maintenance.expense.spentOn')} name="spentOn" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 160px' }}>
          <DatePicker format={ISO} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      {amount > 0 && after < 0 ? (
        <Alert type="warning" showIcon title={t('maintenance.expense.willExceed', { amount: formatMoney(-after) })} />
      ) : (
        <Typography.Text type="secondary">{t('maintenance.expense.remainingAfter', { amount: formatMoney(after) })}</Typography.Text>
      )}
    </FormModal>
  );
}

/** 关闭方案: the 客户关系维护报告 — assessment of results and optimisation measures — is required (seed 000 §8). */
export function CloseDialog({ plan, open, onClose }: { plan: MaintenancePlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assessment: string; optimisation: string }>();
  const close = useClosePlan(plan.id);
  const errors = useFormErrors();
  return (
    <FormModal<{ assessment: string; optimisation: string }>
      name="maintenanceClose"
      title={t('maintenance.close.title')}
      okText={t('maintenance.close.ok')}
      open={open}
      form={form}
      width={720}
      loading={close.isPending}
      error={errors.error}
      onCancel={() => {
        errors.clear();
        onClose();
      }}
      onFinish={(v) =>
        close.mutate(
          { version: plan.version, assessment: v.assessment.trim(), optimisation: v.optimisation.trim() },
          {
            onSuccess: () => {
              void message.success(t('maintenance.close.done'));
              errors.clear();
              onClose();
            },
            onError: (err) => errors.show(form, err),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('maintenance.close.hint')}</Typography.Paragraph>
      <Form.Item label={t('maintenance.report.assessment')} name="assessment" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} />
      </Form.Item>
      <Form.Item label={t('maintenance.report.optimisation')} name="optimisation" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} />
      </Form.Item>
    </FormModal>
  );
}
