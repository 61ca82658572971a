import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, applyFieldErrors } from '../../api/client';
import type { MemberDetail } from '../../api/contract/membership';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useAdjust, useEnrol, useMembershipRules, useRedeem } from './hooks';
import { formatPoints, langOf } from './labels';

/** Server field errors under the inputs; anything else above the form. */
function useSaveError() {
  const describe = useDescribeError();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const onError = (form: Parameters<typeof applyFieldErrors>[0], err: unknown) => {
    if (err instanceof ApiError && err.isStaleVersion) return setError(t('errors.stale'));
    if (!applyFieldErrors(form, err)) setError(describe(err));
  };
  return { error, setError, onError };
}

function IndividualSelect({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: ['individuals', 'picker', q], queryFn: ({ signal }) => api.get('/api/individual-customers', { q: q || undefined, page: 1, pageSize: 20 }, signal) });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('membership.individualPlaceholder')}
      options={(found.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
    />
  );
}

interface EnrolValues {
  kind: 'customer' | 'individual';
  customerId?: number;
  individualId?: number;
  joinedOn?: string;
}

/** 加入会员: a company customer or an individual guest within the user's scope. */
export function EnrolModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EnrolValues>();
  const kind = Form.useWatch('kind', form) ?? 'customer';
  const enrol = useEnrol();
  const { error, setError, onError } = useSaveError();
  return (
    <FormModal<EnrolValues>
      name="membership-enrol"
      title={t('membership.enrolTitle')}
      open={open}
      form={form}
      error={error}
      loading={enrol.isPending}
      initialValues={{ kind: 'customer' }}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => {
        setError(null);
        enrol.mutate(
          { ...(v.kind === 'customer' ? { customerId: v.customerId } : { individualId: v.individualId }), ...(v.joinedOn ? { joinedOn: v.joinedOn } : {}) },
          { onSuccess: (m) => onDone(m.id), onError: (err) => onError(form, err) },
        );
      }}
    >
      <Form.Item name="kind" label={t('membership.holderKind')}>
        <Radio.Group options={(['customer', 'individual'] as const).map((k) => ({ value: k, label: t(`membership.holderKinds.${k}`) }))} />
      </Form.Item>
      {kind === 'customer' ? (
        <Form.Item name="customerId" label={t('membership.customer')} rules={[{ required: true, message: t('common.required') }]}>
          <CustomerPicker autoFocus />
        </Form.Item>
      ) : (
        <Form.Item name="individualId" label={t('membership.individual')} rules={[{ required: true, message: t('common.required') }]}>
          <IndividualSelect />
        </Form.Item>
      )}
      <Form.Item name="joinedOn" label={t('membership.joinedOn')} extra={t('membership.joinedOnHint')}>
        <Input type="date" />
      </Form.Item>
    </FormModal>
  );
}

/** 调整积分 (supervisors): signed points and a required reason. */
export function AdjustModal({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ points: number; reason: string }>();
  const adjust = useAdjust(member.id);
  const { error, setError, onError } = useSaveError();
  return (
    <FormModal<{ points: number; reason: string }>
      name="membership-adjust"
      title={t('membership.adjust.title')}
      open={open}
      form={form}
      error={error}
      loading={adjust.isPending}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => {
        setError(null);
        adjust.mutate(v, { onSuccess: onClose, onError: (err) => onError(form, err) });
      }}
    >
      <Form.Item name="points" label={t('membership.adjust.points')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber precision={0} style={{ width: '100%' }} autoFocus />
      </Form.Item>
      <Form.Item name="reason" label={t('membership.adjust.reason')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 年终积分兑换礼品: a gift of the catalogue setting; the server refuses more than the balance. */
export function RedeemModal({ member, open, onClose }: { member: MemberDetail; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [form] = Form.useForm<{ giftKey: string; quantity: number }>();
  const rules = useMembershipRules();
  const redeem = useRedeem(member.id);
  const { error, setError, onError } = useSaveError();
  return (
    <FormModal<{ giftKey: string; quantity: number }>
      name="membership-redeem"
      title={t('membership.redeem.title')}
      open={open}
      form={form}
      error={error}
      loading={redeem.isPending}
      initialValues={{ quantity: 1 }}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onFinish={(v) => {
        setError(null);
        redeem.mutate(v, { onSuccess: onClose, onError: (err) => onError(form, err) });
      }}
    >
      <Form.Item name="giftKey" label={t('membership.redeem.gift')} rules={[{ required: true, message: t('common.required') }]}>
        <Select autoFocus options={(rules.data?.gifts ?? []).map((g) => ({ value: g.key, label: t('membership.redeem.giftOption', { gift: g.label[lang], points: formatPoints(g.points) }) }))} />
      </Form.Item>
      <Form.Item name="quantity" label={t('membership.redeem.quantity')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
