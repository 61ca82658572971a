import { App, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail } from '../../api/contract/workflow';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useCan, useCurrentUser } from '../auth/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { type TaskUpdateInput, useCreateTask, useUpdateTask } from './hooks';

const ISO = 'YYYY-MM-DD';

interface Values {
  title: string;
  description?: string;
  assigneeId?: number;
  dueMode: 'date' | 'workingDays';
  dueDate?: Dayjs | null;
  workingDays?: number | null;
}

interface Props {
  open: boolean;
  /** null: a new task. */
  task: TaskDetail | null;
  onClose: (saved?: TaskDetail) => void;
}

/**
 * 新建 / 编辑任务. A deadline is a date or N working days from today (the server counts them with the
 * company calendar). Without tasks.manage the assignee is the user themself.
 */
export function TaskFormModal({ open, task, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateTask();
  const update = useUpdateTask(task?.id ?? 0);
  const mayAssign = can('tasks.manage');
  const dueMode = Form.useWatch('dueMode', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      task
        ? { title: task.title, description: task.description ?? '', assigneeId: task.assigneeId, dueMode: 'date', dueDate: dayjs(task.dueDate, ISO) }
        : { title: '', description: '', assigneeId: me.id, dueMode: 'date', dueDate: null, workingDays: 3 },
    );
  }, [open, task, form, me.id]);

  const onError = useDialogSaveError(form, setError, onClose, { 'due.date': 'dueDate', 'due.workingDays': 'workingDays' });

  const onFinish = (v: Values) => {
    setError(null);
    const description = v.description?.trim() ? v.description.trim() : null;
    if (!task) {
      const due = v.dueMode === 'workingDays' ? { workingDays: v.workingDays ?? 0 } : { date: v.dueDate!.format(ISO) };
      create.mutate(
        { title: v.title.trim(), description, assigneeId: v.assigneeId ?? me.id, due },
        {
          onSuccess: (saved) => {
            void message.success(t('workflow.tasks.createdOk'));
            onClose(saved);
          },
          onError,
        },
      );
      return;
    }
    const body: TaskUpdateInput = { version: task.version };
    if (v.title.trim() !== task.title) body.title = v.title.trim();
    if (description !== task.description) body.description = description;
    if (v.assigneeId && v.assigneeId !== task.assigneeId) body.assigneeId = v.assigneeId;
    if (v.dueDate && v.dueDate.format(ISO) !== task.dueDate) body.dueDate = v.dueDate.format(ISO);
    update.mutate(body, {
      onSuccess: (saved) => {
        void message.success(t('common.saved'));
        onClose(saved);
      },
      onError,
    });
  };

  return (
    <FormModal<Values>
      name="taskForm"
      title={task ? t('workflow.tasks.edit') : t('workflow.tasks.create')}
      open={open}
      form={form}
      onCancel={() => onClose()}
      onFinish={onFinish}
      loading={create.isPending || update.isPending}
      error={error}
      width={560}
    >
      <Form.Item name="title" label={t('workflow.tasks.fields.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('workflow.tasks.fields.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      {mayAssign ? (
        <Form.Item name="assigneeId" label={t('workflow.tasks.fields.assignee')} rules={[{ required: true, message: t('common.required') }]}>
          <OwnerSelect activeOnly placeholder={t('workflow.tasks.fields.assignee')} />
        </Form.Item>
      ) : null}
      {task ? null : (
        <Form.Item name="dueMode" label={t('workflow.tasks.dueMode')}>
          <Radio.Group
            options={[
              { value: 'date', label: t('workflow.tasks.dueByDate') },
              { value: 'workingDays', label: t('workflow.tasks.dueByWorkingDays') },
            ]}
          />
        </Form.Item>
      )}
      {task || dueMode !== 'workingDays' ? (
        <Form.Item name="dueDate" label={t('workflow.tasks.fields.dueDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: 200 }} format={ISO} />
        </Form.Item>
      ) : (
        <Form.Item
          name="workingDays"
          label={t('workflow.tasks.workingDays')}
          extra={t('workflow.tasks.workingDaysHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={250} precision={0} style={{ width: 200 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
