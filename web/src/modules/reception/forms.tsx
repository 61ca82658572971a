import { Checkbox, DatePicker, Form, Input, InputNumber, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDialogSaveError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { OUTCOMES, TOUR_TYPES, type ReceptionVisit, useApplyTour, useCreateBanquet, useCreateRecord, useCreateVisit, type RecordValues } from './hooks';

const ISO = 'YYYY-MM-DD';

/** Customer from the archive, or the organisation as free text when it is not a customer (yet). */
function PartyFields({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('reception.fields.customer')} name="customerId" extra={t('reception.customerHint')}>
        <CustomerPicker allowClear autoFocus={autoFocus} placeholder={t('reception.customerPlaceholder')} notFound={t('reception.noCustomer')} />
      </Form.Item>
      <Form.Item label={t('reception.fields.organisation')} name="organisation">
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

interface VisitForm {
  visitorName: string;
  customerId?: number | null;
  organisation?: string;
  phone?: string;
  idNumber?: string;
  arrivedAt: Dayjs;
  note?: string;
}

/** 客户来访登记表: the visitor's name first, Enter saves from any field. */
export function VisitFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateVisit();
  const close = () => {
    setError(null);
    onClose();
  };
  const onError = useDialogSaveError(form, setError, close);
  const onFinish = (v: VisitForm) =>
    create.mutate(
      { visitorName: v.visitorName, customerId: v.customerId ?? null, organisation: v.organisation || null, phone: v.phone || null, idNumber: v.idNumber || null, arrivedAt: v.arrivedAt.toISOString(), note: v.note || null },
      { onSuccess: close, onError },
    );
  return (
    <FormModal<VisitForm> name="visitForm" title={t('reception.visits.create')} open={open} form={form} onCancel={close} onFinish={onFinish} loading={create.isPending} error={error} initialValues={{ arrivedAt: dayjs() }}>
      <Form.Item label={t('reception.fields.visitorName')} name="visitorName" rules={[{ required: true, message: t('reception.required') }]}>
        <Input maxLength={50} autoFocus />
      </Form.Item>
      <PartyFields />
      <Form.Item label={t('reception.fields.phone')} name="phone">
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item label={t('reception.fields.idNumber')} name="idNumber">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label={t('reception.fields.arrivedAt')} name="arrivedAt" rules={[{ required: true, message: t('reception.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.note')} name="note">
        <Input maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface RecordForm {
  customerId?: number | null;
  organisation?: string;
  visitorName?: string;
  receivedOn: Dayjs;
  purpose: string;
  requests?: string;
  outcome: RecordValues['outcome'];
  promiseDays?: number | null;
  reason?: string;
}

/** 客户接待记录表; opened from a visitor-log row it carries that visit's visitor and organisation. */
export function RecordFormModal({ open, onClose, visit }: { open: boolean; onClose: () => void; visit?: ReceptionVisit | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateRecord();
  const outcome = Form.useWatch('outcome', form);
  const close = () => {
    setError(null);
    onClose();
  };
  const onError = useDialogSaveError(form, setError, close);
  const onFinish = (v: RecordForm) =>
    create.mutate(
      {
        visitId: visit?.id ?? null,
        ...(visit ? {} : { customerId: v.customerId ?? null, organisation: v.organisation || null }),
        visitorName: v.visitorName || null,
        receivedOn: v.receivedOn.format(ISO),
        purpose: v.purpose,
        requests: v.requests || null,
        outcome: v.outcome,
        promiseDays: v.outcome === 'promised' ? (v.promiseDays ?? null) : null,
        reason: v.reason || null,
      },
      { onSuccess: close, onError },
    );
  return (
    <FormModal<RecordForm>
      name="receptionRecordForm"
      title={t('reception.records.create')}
      open={open}
      form={form}
      onCancel={close}
      onFinish={onFinish}
      loading={create.isPending}
      error={error}
      initialValues={{ receivedOn: visit ? dayjs(visit.arrivedAt) : dayjs(), visitorName: visit?.visitorName, outcome: 'resolved' }}
    >
      {visit ? null : <PartyFields autoFocus />}
      <Form.Item label={t('reception.fields.visitorName')} name="visitorName" rules={[{ required: true, message: t('reception.required') }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t('reception.fields.receivedOn')} name="receivedOn" rules={[{ required: true, message: t('reception.required') }]}>
        <DatePicker format={ISO} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.purpose')} name="purpose" rules={[{ required: true, message: t('reception.required') }]}>
        <Input maxLength={500} autoFocus={!!visit} />
      </Form.Item>
      <Form.Item label={t('reception.fields.requests')} name="requests">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label={t('reception.fields.outcome')} name="outcome" rules={[{ required: true, message: t('reception.required') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={OUTCOMES.map((o) => ({ value: o, label: t(`reception.outcomes.${o}`) }))} />
      </Form.Item>
      {outcome === 'promised' ? (
        <Form.Item label={t('reception.fields.promiseDays')} name="promiseDays" rules={[{ required: true, message: t('reception.required') }]} extra={t('reception.promiseHint')}>
          <InputNumber min={1} max={365} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {outcome === 'unresolved' ? (
        <Form.Item label={t('reception.fields.reason')} name="reason" rules={[{ required: true, message: t('reception.required') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

interface TourForm {
  customerId?: number | null;
  organisation?: string;
  tourType: TourValuesType;
  visitorsCount: number;
  date: Dayjs;
  time: Dayjs;
  durationMinutes?: number | null;
  content: string;
  scope: string;
  route: string;
  contactName?: string;
  photographyRequested?: boolean;
}
type TourValuesType = (typeof TOUR_TYPES)[number];

/** 参观申请: goes to the manager, then the general manager; too short a notice is refused under the date. */
export function TourFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<TourForm>();
  const [error, setError] = useState<string | null>(null);
  const apply = useApplyTour();
  const close = () => {
    setError(null);
    onClose();
  };
  const onError = useDialogSaveError(form, setError, close);
  const onFinish = (v: TourForm) =>
    apply.mutate(
      {
        customerId: v.customerId ?? null,
        organisation: v.organisation || null,
        tourType: v.tourType,
        visitorsCount: v.visitorsCount,
        date: v.date.format(ISO),
        time: v.time.format('HH:mm'),
        durationMinutes: v.durationMinutes ?? null,
        content: v.content,
        scope: v.scope,
        route: v.route,
        contactName: v.contactName || null,
        photographyRequested: !!v.photographyRequested,
      },
      {
        onSuccess: (tour) => {
          close();
          navigate(`/reception/tours/${tour.id}`);
        },
        onError,
      },
    );
  return (
    <FormModal<TourForm>
      name="tourForm"
      title={t('reception.tours.create')}
      open={open}
      form={form}
      onCancel={close}
      onFinish={onFinish}
      loading={apply.isPending}
      error={error}
      width={640}
      initialValues={{ tourType: 'ordinary', visitorsCount: 1, time: dayjs('09:30', 'HH:mm') }}
    >
      <PartyFields autoFocus />
      <Form.Item label={t('reception.fields.tourType')} name="tourType" rules={[{ required: true, message: t('reception.required') }]} extra={t('reception.tours.noticeHint')}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={TOUR_TYPES.map((o) => ({ value: o, label: t(`reception.tourTypes.${o}`) }))} />
      </Form.Item>
      <Form.Item label={t('reception.fields.visitorsCount')} name="visitorsCount" rules={[{ required: true, message: t('reception.required') }]}>
        <InputNumber min={1} max={10000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.date')} name="date" rules={[{ required: true, message: t('reception.required') }]}>
        <DatePicker format={ISO} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.time')} name="time" rules={[{ required: true, message: t('reception.required') }]}>
        <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.durationMinutes')} name="durationMinutes">
        <InputNumber min={1} max={1440} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.contactName')} name="contactName">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('reception.fields.content')} name="content" rules={[{ required: true, message: t('reception.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('reception.fields.scope')} name="scope" rules={[{ required: true, message: t('reception.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('reception.fields.route')} name="route" rules={[{ required: true, message: t('reception.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="photographyRequested" valuePropName="checked">
        <Checkbox>{t('reception.fields.photographyRequested')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

interface BanquetForm {
  customerId?: number | null;
  organisation?: string;
  guests: string;
  guestCount: number;
  heldOn: Dayjs;
  place: string;
  budget: number;
  purpose: string;
  emergency?: boolean;
  emergencyReason?: string;
}

/** 宴请申请: to the director first; an emergency is recorded as held and its approval follows. */
export function BanquetFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BanquetForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateBanquet();
  const emergency = Form.useWatch('emergency', form);
  const close = () => {
    setError(null);
    onClose();
  };
  const onError = useDialogSaveError(form, setError, close);
  const onFinish = (v: BanquetForm) =>
    create.mutate(
      {
        customerId: v.customerId ?? null,
        organisation: v.organisation || null,
        guests: v.guests,
        guestCount: v.guestCount,
        heldOn: v.heldOn.format(ISO),
        place: v.place,
        budget: v.budget,
        purpose: v.purpose,
        emergency: !!v.emergency,
        emergencyReason: v.emergency ? v.emergencyReason || null : null,
      },
      { onSuccess: close, onError },
    );
  return (
    <FormModal<BanquetForm> name="banquetForm" title={t('reception.banquets.create')} open={open} form={form} onCancel={close} onFinish={onFinish} loading={create.isPending} error={error} initialValues={{ heldOn: dayjs(), guestCount: 1 }}>
      <PartyFields autoFocus />
      <Form.Item label={t('reception.fields.guests')} name="guests" rules={[{ required: true, message: t('reception.required') }]}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('reception.fields.guestCount')} name="guestCount" rules={[{ required: true, message: t('reception.required') }]}>
        <InputNumber min={1} max={10000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.heldOn')} name="heldOn" rules={[{ required: true, message: t('reception.required') }]}>
        <DatePicker format={ISO} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.place')} name="place" rules={[{ required: true, message: t('reception.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('reception.fields.budget')} name="budget" rules={[{ required: true, message: t('reception.required') }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('reception.fields.purpose')} name="purpose" rules={[{ required: true, message: t('reception.required') }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="emergency" valuePropName="checked" extra={t('reception.banquets.emergencyHint')}>
        <Checkbox>{t('reception.fields.emergency')}</Checkbox>
      </Form.Item>
      {emergency ? (
        <Form.Item label={t('reception.fields.emergencyReason')} name="emergencyReason" rules={[{ required: true, message: t('reception.required') }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
