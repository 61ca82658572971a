import { App, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gender, IndividualCustomer } from '../../api/contract/customers';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { type IndividualInput, useSaveIndividual } from './hooks';
import { DEFAULT_NATIONALITY, GENDERS, genderLabel } from './labels';

const ISO = 'YYYY-MM-DD';

interface Values {
  name: string;
  gender?: Gender | null;
  birthday?: Dayjs | null;
  nationality?: string;
  mobile?: string;
  idNumber?: string;
  notes?: string;
}

function toValues(c: IndividualCustomer | null): Values {
  if (!c) return { name: '', gender: null, birthday: null, nationality: DEFAULT_NATIONALITY };
  return {
    name: c.name,
    gender: c.gender,
    birthday: c.birthday ? dayjs(c.birthday, ISO) : null,
    nationality: c.nationality ?? '',
    mobile: c.mobile ?? '',
    idNumber: c.idNumber ?? '',
    notes: c.notes ?? '',
  };
}

function toBody(v: Values): Required<IndividualInput> {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    name: v.name.trim(),
    gender: v.gender ?? null,
    birthday: v.birthday ? v.birthday.format(ISO) : null,
    nationality: text(v.nationality),
    mobile: text(v.mobile),
    idNumber: text(v.idNumber),
    notes: text(v.notes),
  };
}

interface Props {
  open: boolean;
  /** null: a new guest. */
  individual: IndividualCustomer | null;
  onClose: () => void;
}

/** 新建 / 编辑个人客户. Editing sends only what changed plus `version`; masked values only when retyped. */
export function IndividualFormModal({ open, individual, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const saveError = useDialogSaveError(form, setError, onClose);
  const save = useSaveIndividual();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(toValues(individual));
  }, [open, individual, form]);

  const onFinish = (v: Values) => {
    setError(null);
    const body = toBody(v);
    let payload: IndividualInput & { id?: number; version?: number } = body;
    if (individual) {
      const before = toBody(toValues(individual));
      const changed: IndividualInput = {};
      for (const k of Object.keys(body) as (keyof IndividualInput)[]) {
        if (body[k] !== before[k]) (changed as Record<string, unknown>)[k] = body[k];
      }
      if (Object.keys(changed).length === 0) {
        onClose();
        return;
      }
      // The server checks an ID number against the nationality sent with it (a passport is free text).
      if ('idNumber' in changed && !('nationality' in changed)) changed.nationality = body.nationality;
      payload = { ...changed, id: individual.id, version: individual.version };
    }
    save.mutate(payload, {
      onSuccess: (answer) => {
        void message.success(individual ? t('individuals.updated') : t('individuals.created', { name: answer?.name ?? body.name }));
        onClose();
      },
      onError: saveError,
    });
  };

  return (
    <FormModal<Values>
      name="individualCustomer"
      title={individual ? t('individuals.editTitle', { name: individual.name }) : t('individuals.createTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={save.isPending}
      error={error}
      width={640}
    >
      <Flex wrap style={{ columnGap: 12 }}>
        <Form.Item
          label={t('individuals.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          style={{ flex: '2 1 200px' }}
        >
          <Input autoFocus maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('individuals.gender')} name="gender" style={{ flex: '1 1 120px' }}>
          <Select allowClear placeholder={t('individuals.genderUnknown')} options={GENDERS.map((g) => ({ value: g, label: genderLabel(t, g) }))} />
        </Form.Item>
      </Flex>
      <Flex wrap style={{ columnGap: 12 }}>
        <Form.Item label={t('individuals.birthday')} name="birthday" style={{ flex: '1 1 180px' }}>
          <DatePicker format={ISO} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label={t('individuals.nationality')} name="nationality" style={{ flex: '1 1 180px' }}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Flex wrap style={{ columnGap: 12 }}>
        <Form.Item
          label={t('individuals.mobile')}
          name="mobile"
          style={{ flex: '1 1 180px' }}
          extra={individual?.mobile ? t('customers.maskedHint') : undefined}
        >
          <Input inputMode="tel" maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('individuals.idNumber')}
          name="idNumber"
          style={{ flex: '1 1 220px' }}
          extra={individual?.idNumber ? t('customers.maskedHint') : t('individuals.idNumberHint')}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('individuals.notes')} name="notes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
