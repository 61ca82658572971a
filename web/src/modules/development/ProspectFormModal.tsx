import { App, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useCan, useCurrentUser } from '../auth/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { type ProspectInput, useCreateProspect, useUpdateProspect } from './hooks';
import { CHANNELS, PIPELINE, channelLabel, stageLabel } from './labels';
import type { Channel, Prospect, ProspectCreateInput } from '../../api/contract/development';

interface Values {
  companyName: string;
  contactName?: string;
  phone?: string;
  channel?: Channel;
  expectedAmount?: number | null;
  nextStep?: string;
  notes?: string;
  ownerId?: number;
  stage?: ProspectCreateInput['stage'];
}

const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function toBody(v: Values): ProspectInput {
  return {
    companyName: v.companyName.trim(),
    contactName: text(v.contactName),
    phone: text(v.phone),
    channel: v.channel,
    expectedAmount: typeof v.expectedAmount === 'number' ? v.expectedAmount : null,
    nextStep: text(v.nextStep),
    notes: text(v.notes),
  };
}

interface Props {
  open: boolean;
  /** null: a new prospect. */
  prospect: Prospect | null;
  onClose: () => void;
  onCreated?: (p: Prospect) => void;
}

/** 新增 / 编辑潜在客户. Editing sends only the changed fields plus `version`; the stage moves elsewhere (with history). */
export function ProspectFormModal({ open, prospect, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateProspect();
  const update = useUpdateProspect();
  const canAssign = can('development.assign');

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      prospect
        ? {
            companyName: prospect.companyName,
            contactName: prospect.contactName ?? '',
            phone: prospect.phone ?? '',
            channel: prospect.channel,
            expectedAmount: prospect.expectedAmount,
            nextStep: prospect.nextStep ?? '',
            notes: prospect.notes ?? '',
            ownerId: prospect.ownerId,
          }
        : { stage: 'contact', ownerId: me.id },
    );
  }, [open, prospect, form, me.id]);

  const onError = useDialogSaveError(form, setError, onClose);

  const onFinish = (v: Values) => {
    setError(null);
    const body = toBody(v);
    if (!prospect) {
      create.mutate(
        { ...body, stage: v.stage, ownerId: canAssign && v.ownerId && v.ownerId !== me.id ? v.ownerId : undefined },
        {
          onSuccess: (p) => {
            void message.success(t('development.prospects.created'));
            onClose();
            onCreated?.(p);
          },
          onError,
        },
      );
      return;
    }
    const before = toBody({ ...prospect, companyName: prospect.companyName } as Values);
    const changed: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(body)) if (JSON.stringify(val) !== JSON.stringify((before as Record<string, unknown>)[k])) changed[k] = val;
    if (canAssign && v.ownerId && v.ownerId !== prospect.ownerId) changed.ownerId = v.ownerId;
    if (!Object.keys(changed).length) {
      onClose();
      return;
    }
    update.mutate(
      { ...changed, id: prospect.id, version: prospect.version },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );
  };

  const half = { flex: '1 1 240px', minWidth: 0 };
  return (
    <FormModal<Values>
      name="prospect"
      title={prospect ? t('development.prospects.edit') : t('development.prospects.new')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={create.isPending || update.isPending}
      error={error}
      width={680}
    >
      <Flex wrap style={{ columnGap: 12 }}>
        <Form.Item name="companyName" label={t('development.fields.companyName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: '1 1 100%' }}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="contactName" label={t('development.fields.contactName')} style={half}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('development.fields.phone')} style={half}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item name="channel" label={t('development.fields.channel')} rules={[{ required: true, message: t('common.required') }]} style={half}>
          <Select options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="expectedAmount" label={t('development.fields.expectedAmount')} style={half}>
          <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
        </Form.Item>
        {!prospect ? (
          <Form.Item name="stage" label={t('development.prospects.initialStage')} style={half}>
            <Select options={PIPELINE.map((s) => ({ value: s, label: stageLabel(t, s) }))} />
          </Form.Item>
        ) : null}
        {canAssign ? (
          <Form.Item name="ownerId" label={t('development.fields.owner')} style={half}>
            <OwnerSelect activeOnly />
          </Form.Item>
        ) : null}
        <Form.Item name="nextStep" label={t('development.fields.nextStep')} style={{ flex: '1 1 100%' }}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="notes" label={t('development.fields.notes')} style={{ flex: '1 1 100%' }}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
