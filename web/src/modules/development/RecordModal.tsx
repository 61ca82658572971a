import { App, Button, Flex, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { duplicateReasonLabel } from '../customers/labels';
import { useCreateRecord, useInstruct, useUpdateRecord } from './hooks';
import type { DevelopmentRecord, DuplicateHit, Prospect, RecordInput } from '../../api/contract/development';

interface Values {
  customerName: string;
  creditCode?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  products?: string;
  firstDealAmount?: number | null;
  howWon?: string;
  notes?: string;
}

const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function toBody(v: Values): Omit<RecordInput, 'linkCustomerId' | 'confirmDuplicate'> {
  return {
    customerName: v.customerName.trim(),
    address: text(v.address),
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    products: text(v.products),
    firstDealAmount: typeof v.firstDealAmount === 'number' ? v.firstDealAmount : null,
    howWon: text(v.howWon),
    notes: text(v.notes),
  };
}

interface Props {
  open: boolean;
  prospect: Prospect;
  /** Editing an existing record (no archive entry then); null: writing the record of a won prospect. */
  record: DevelopmentRecord | null;
  onClose: () => void;
}

/**
 * 客户开发记录表. Writing it enters the customer into the archive through the archive's duplicate check:
 * on a suspected duplicate the user links the prospect to a customer they can see, creates anyway, or goes back.
 */
export function RecordModal({ open, prospect, record, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [suspects, setSuspects] = useState<{ hits: DuplicateHit[]; body: RecordInput } | null>(null);
  const create = useCreateRecord();
  const update = useUpdateRecord();
  const saveError = useDialogSaveError(form, setError, onClose);

  useEffect(() => {
    if (!open) return;
    setError(null);
    setSuspects(null);
    form.resetFields();
    form.setFieldsValue(
      record
        ? {
            customerName: record.customerName,
            address: record.address ?? '',
            contactName: record.contactName ?? '',
            contactPhone: record.contactPhone ?? '',
            products: record.products ?? '',
            firstDealAmount: record.firstDealAmount,
            howWon: record.howWon ?? '',
            notes: record.notes ?? '',
          }
        : {
            customerName: prospect.companyName,
            contactName: prospect.contactName ?? '',
            contactPhone: prospect.phone ?? '',
            firstDealAmount: prospect.expectedAmount,
          },
    );
  }, [open, record, prospect, form]);

  const onError = (err: unknown, body?: RecordInput) => {
    if (err instanceof ApiError && err.code === 'duplicate' && body) {
      setSuspects({ hits: (err.details.duplicates as DuplicateHit[] | undefined) ?? [], body });
      return;
    }
    setSuspects(null);
    saveError(err);
  };

  const send = (body: RecordInput) => {
    create.mutate(
      { ...body, prospectId: prospect.id },
      {
        onSuccess: (rec) => {
          setSuspects(null);
          void message.success(t('development.record.created', { archiveNo: rec.customerArchiveNo ?? '' }));
          onClose();
        },
        onError: (err) => onError(err, body),
      },
    );
  };

  const onFinish = (v: Values) => {
    setError(null);
    const body = toBody(v);
    if (!record) {
      send({ ...body, creditCode: text(v.creditCode)?.toUpperCase() ?? null });
      return;
    }
    const before = toBody({ ...record, customerName: record.customerName } as Values);
    const changed: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(body)) if (JSON.stringify(val) !== JSON.stringify((before as Record<string, unknown>)[k])) changed[k] = val;
    if (!Object.keys(changed).length) {
      onClose();
      return;
    }
    update.mutate(
      { ...changed, id: record.id, version: record.version },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => onError(err),
      },
    );
  };

  const half = { flex: '1 1 240px', minWidth: 0 };
  return (
    <>
      <FormModal<Values>
        name="developmentRecord"
        title={t('development.record.title')}
        open={open}
        form={form}
        onCancel={onClose}
        onFinish={onFinish}
        loading={create.isPending || update.isPending}
        error={error}
        okText={record ? t('common.save') : t('development.record.save')}
        width={720}
      >
        {!record ? (
          <Typography.Paragraph type="secondary">{t('development.record.intro')}</Typography.Paragraph>
        ) : null}
        <Flex wrap style={{ columnGap: 12 }}>
          <Form.Item name="customerName" label={t('development.record.customerName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: '1 1 100%' }}>
            <Input autoFocus maxLength={100} />
          </Form.Item>
          {!record ? (
            <Form.Item name="creditCode" label={t('development.record.creditCode')} extra={t('development.record.creditCodeHint')} style={half}>
              <Input maxLength={18} />
            </Form.Item>
          ) : null}
          <Form.Item name="address" label={t('development.record.address')} style={half}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="contactName" label={t('development.record.contactName')} style={half}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('development.record.contactPhone')} style={half}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
          <Form.Item name="products" label={t('development.record.products')} style={half}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="firstDealAmount" label={t('development.record.firstDealAmount')} style={half}>
            <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="howWon" label={t('development.record.howWon')} style={{ flex: '1 1 100%' }}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="notes" label={t('development.record.notes')} style={{ flex: '1 1 100%' }}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Flex>
      </FormModal>
      <Modal
        title={t('development.record.duplicateTitle')}
        open={suspects !== null}
        onCancel={() => setSuspects(null)}
        destroyOnHidden
        footer={[
          <Button key="back" onClick={() => setSuspects(null)} autoFocus>
            {t('development.record.back')}
          </Button>,
          <Button key="create" type="primary" danger loading={create.isPending} onClick={() => suspects && send({ ...suspects.body, confirmDuplicate: true })}>
            {t('development.record.createAnyway')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{t('development.record.duplicateIntro')}</Typography.Paragraph>
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {(suspects?.hits ?? []).map((hit, i) => (
            <li key={i} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <span>
                  <Tag color="orange">{duplicateReasonLabel(t, hit.reason)}</Tag>
                  {hit.visible && hit.id ? (
                    <Typography.Link href={`/customers/${hit.id}`} target="_blank" rel="noopener">
                      {[hit.archiveNo, hit.name].filter(Boolean).join(' ')}
                    </Typography.Link>
                  ) : (
                    <Typography.Text type="secondary">{t('development.record.hiddenSuspect')}</Typography.Text>
                  )}
                </span>
                {hit.visible && hit.id ? (
                  <Button
                    size="small"
                    loading={create.isPending}
                    aria-label={`${t('development.record.link')} ${hit.archiveNo ?? ''}`}
                    onClick={() => suspects && send({ ...suspects.body, creditCode: undefined, linkCustomerId: hit.id! })}
                  >
                    {t('development.record.link')}
                  </Button>
                ) : null}
              </Flex>
            </li>
          ))}
        </ul>
      </Modal>
    </>
  );
}

/** 批示 on a development record (supervisors and above). */
export function InstructionModal({ record, onClose }: { record: DevelopmentRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ instruction: string }>();
  const [error, setError] = useState<string | null>(null);
  const instruct = useInstruct();
  const onError = useDialogSaveError(form, setError, onClose);

  useEffect(() => {
    if (!record) return;
    setError(null);
    form.setFieldsValue({ instruction: record.instruction ?? '' });
  }, [record, form]);

  return (
    <FormModal<{ instruction: string }>
      name="instruction"
      title={t('development.record.instruct')}
      open={record !== null}
      form={form}
      onCancel={onClose}
      loading={instruct.isPending}
      error={error}
      onFinish={(v) =>
        record &&
        instruct.mutate(
          { id: record.id, instruction: v.instruction.trim(), version: record.version },
          {
            onSuccess: () => {
              void message.success(t('development.record.instructSaved'));
              onClose();
            },
            onError,
          },
        )
      }
    >
      <Form.Item name="instruction" label={t('development.record.instruction')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={4} maxLength={1000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}
