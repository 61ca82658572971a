import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GradingBoardItem } from '../../api/contract/grading';
import { FormModal } from '../../components/FormModal';
import { useDialogSaveError } from '../../components/errors';
import { useCustomerOptions } from '../customers/hooks';
import { gradeLabel } from '../customers/labels';
import { useConfirmGrades } from './hooks';

interface Values {
  grade: string;
  reason?: string;
}

/** The supervisor sets another grade than the proposal, saying why (docs/regulations.md §3). */
export function OverrideModal({ item, onClose }: { item: GradingBoardItem | null; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const options = useCustomerOptions();
  const confirm = useConfirmGrades();
  const onError = useDialogSaveError(form, setError, () => onClose(false), { 'items.0.reason': 'reason', 'items.0.grade': 'grade' });
  if (!item) return null;
  return (
    <FormModal<Values>
      name="gradeOverride"
      title={t('grading.overrideTitle', { name: item.name })}
      open
      form={form}
      error={error}
      loading={confirm.isPending}
      okText={t('grading.overrideOk')}
      initialValues={{ grade: item.proposedGrade }}
      onCancel={() => onClose(false)}
      onFinish={(v) => confirm.mutate({ items: [{ customerId: item.customerId, grade: v.grade, reason: v.reason?.trim() || undefined }] }, { onSuccess: () => onClose(true), onError })}
    >
      <Form.Item name="grade" label={t('grading.grade')} rules={[{ required: true, message: t('grading.gradeRequired') }]}>
        <Select options={(options.data?.grades ?? []).map((g) => ({ value: g.code, label: gradeLabel(t, g.code, options.data) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('grading.overrideReason')} extra={t('grading.overrideHint')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
