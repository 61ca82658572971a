import { App, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useMoveStage } from './hooks';
import { STAGES, needsNote, stageLabel } from './labels';
import type { Prospect, Stage } from '../../api/contract/development';

interface Values {
  stage: Stage;
  note?: string;
  lostReason?: string;
  expectedAmount?: number | null;
  nextStep?: string;
}

interface Props {
  /** null: closed. */
  prospect: Prospect | null;
  /** The stage picked on the board (drag or move button); the user may still change it. */
  to?: Stage | null;
  onClose: () => void;
}

/**
 * 变更阶段: forward or back with a note (required back and when reopening), lost with its reason; the
 * expected amount and next step can be updated in the same move. Each move is a line in the stage history.
 */
export function StageMoveModal({ prospect, to, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const saveError = useDialogSaveError(form, setError, onClose);
  const move = useMoveStage();
  const stage = Form.useWatch('stage', form);
  const open = prospect !== null;

  useEffect(() => {
    if (!prospect) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      stage: to ?? undefined,
      expectedAmount: prospect.expectedAmount,
      nextStep: prospect.nextStep ?? '',
    });
  }, [prospect, to, form]);

  const onFinish = (v: Values) => {
    if (!prospect) return;
    setError(null);
    const nextStep = v.nextStep?.trim() || null;
    const expectedAmount = typeof v.expectedAmount === 'number' ? v.expectedAmount : null;
    move.mutate(
      {
        id: prospect.id,
        version: prospect.version,
        stage: v.stage,
        note: v.note?.trim() || null,
        lostReason: v.stage === 'lost' ? v.lostReason?.trim() || null : undefined,
        expectedAmount: expectedAmount !== prospect.expectedAmount ? expectedAmount : undefined,
        nextStep: nextStep !== prospect.nextStep ? nextStep : undefined,
      },
      {
        onSuccess: () => {
          void message.success(t('development.prospects.moved', { stage: stageLabel(t, v.stage) }));
          onClose();
        },
        onError: saveError,
      },
    );
  };

  const noteRequired = !!prospect && !!stage && needsNote(prospect.stage, stage);
  return (
    <FormModal<Values>
      name="stageMove"
      title={prospect ? t('development.move.title', { name: prospect.companyName }) : ''}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={move.isPending}
      error={error}
      okText={t('development.move.submit')}
    >
      <Form.Item label={t('development.move.from')}>
        <span>{prospect ? stageLabel(t, prospect.stage) : ''}</span>
      </Form.Item>
      <Form.Item name="stage" label={t('development.move.to')} rules={[{ required: true, message: t('common.required') }]}>
        <Select autoFocus={!to} options={STAGES.filter((s) => s !== prospect?.stage).map((s) => ({ value: s, label: stageLabel(t, s) }))} />
      </Form.Item>
      {stage === 'lost' ? (
        <Form.Item name="lostReason" label={t('development.fields.lostReason')} rules={[{ required: true, whitespace: true, message: t('development.move.lostReasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} autoFocus={!!to} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="note"
        label={t('development.move.note')}
        extra={noteRequired ? t('development.move.noteRequired') : undefined}
        rules={noteRequired ? [{ required: true, whitespace: true, message: t('development.move.noteRequired') }] : []}
      >
        <Input.TextArea rows={2} maxLength={1000} autoFocus={!!to && stage !== 'lost'} />
      </Form.Item>
      <Form.Item name="expectedAmount" label={t('development.fields.expectedAmount')}>
        <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="nextStep" label={t('development.fields.nextStep')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
