import { App, DatePicker, Form, Input, InputNumber, Radio, Rate, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors } from '../../api/client';
import { useReferenceLabel } from '../../components/referenceLabels';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { useComplaintAction, useComplaintOptions } from './hooks';
import { SEVERITIES } from './labels';
import { DepartmentSelect, HandlerSelect } from './pickers';
import type { Complaint, ToldMethod } from '../../api/contract/complaints';

export type DialogKind = 'edit' | 'assign' | 'contact' | 'note' | 'opinion' | 'tell' | 'confirm' | 'reopen' | 'extend' | 'meeting' | 'rectify';

type Values = Record<string, unknown> & {
  at?: Dayjs;
  meetingDate?: Dayjs;
  dueDate?: Dayjs;
};

const ISO = 'YYYY-MM-DD';
const TOLD_METHODS: ToldMethod[] = ['phone', 'sms', 'email', 'visit', 'letter', 'wechat'];
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Where each dialog sends its form, and how the form's values become the request body. */
function requestOf(kind: DialogKind, c: Complaint, v: Values): { path: string | null; method?: 'post' | 'put'; body: object } {
  switch (kind) {
    case 'edit': {
      const next: Record<string, unknown> = {
        category: v.category,
        severity: v.severity,
        content: typeof v.content === 'string' ? v.content.trim() : v.content,
        complainantName: typeof v.complainantName === 'string' ? v.complainantName.trim() : v.complainantName,
        complainantPhone: blankToNull(v.complainantPhone),
        complainantCompany: blankToNull(v.complainantCompany),
        faultDepartmentId: v.faultDepartmentId ?? null,
      };
      const before: Record<string, unknown> = {
        category: c.category,
        severity: c.severity,
        content: c.content,
        complainantName: c.complainantName,
        complainantPhone: c.complainantPhone,
        complainantCompany: c.complainantCompany,
        faultDepartmentId: c.faultDepartmentId,
      };
      // Only what changed, plus the version read.
      const changed = Object.fromEntries(Object.entries(next).filter(([k, val]) => val !== before[k]));
      return { path: null, body: { ...changed, version: c.version } };
    }
    case 'assign':
      return { path: 'assign', body: { handlerId: v.handlerId, version: c.version } };
    case 'contact':
      return { path: 'contact', body: { note: v.note, at: v.at?.toISOString(), version: c.version } };
    case 'note':
      return { path: 'notes', body: { note: v.note } };
    case 'opinion':
      return { path: 'opinion', body: { content: v.content, comment: blankToNull(v.comment) } };
    case 'tell':
      return { path: 'tell', body: { method: v.method, note: blankToNull(v.note), at: v.at?.toISOString(), version: c.version } };
    case 'confirm':
      return { path: 'confirm', body: { score: v.score, note: blankToNull(v.note), version: c.version } };
    case 'reopen':
      return { path: 'reopen', body: { reason: v.reason, version: c.version } };
    case 'extend':
      return { path: 'extensions', body: { days: v.days, reason: v.reason } };
    case 'meeting':
      return { path: 'meeting', method: 'put', body: { meetingDate: v.meetingDate?.format(ISO), attendees: v.attendees, decisions: v.decisions, version: c.meeting?.version ?? 1 } };
    case 'rectify':
      return {
        path: 'rectifications',
        body: { departmentId: v.departmentId ?? undefined, recipientId: v.recipientId ?? undefined, requirement: v.requirement, dueDate: v.dueDate?.format(ISO) },
      };
  }
}

function initialValues(kind: DialogKind, c: Complaint): Partial<Values> {
  switch (kind) {
    case 'edit':
      return {
        category: c.category,
        severity: c.severity,
        content: c.content,
        complainantName: c.complainantName,
        complainantPhone: c.complainantPhone ?? '',
        complainantCompany: c.complainantCompany ?? '',
        faultDepartmentId: c.faultDepartmentId,
      };
    case 'assign':
      return { handlerId: c.handlerId };
    case 'opinion': {
      // A returned or withdrawn opinion is revised, not written again.
      const current = c.opinions.find((o) => o.id === c.currentOpinionId);
      return { content: current && ['returned', 'withdrawn'].includes(current.status) ? current.content : '' };
    }
    case 'tell':
      return { method: 'phone' };
    case 'confirm':
      return {};
    case 'extend':
      return { days: Math.min(1, c.extensionDaysLeft) || 1 };
    case 'meeting':
      return {
        meetingDate: c.meeting?.meetingDate ? dayjs(c.meeting.meetingDate) : dayjs(),
        attendees: c.meeting?.attendees ?? '',
        decisions: c.meeting?.decisions ?? '',
      };
    case 'rectify':
      return { departmentId: c.faultDepartmentId };
    default:
      return {};
  }
}

/** One dialog per action on a complaint (FormModal: Enter submits, Escape closes); server field errors land under the inputs. */
export function ComplaintDialog({ kind, complaint, onClose }: { kind: DialogKind | null; complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const action = useComplaintAction(complaint.id);
  const options = useComplaintOptions();
  if (!kind) return null;

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const requiredPick = [{ required: true, message: t('common.required') }];

  const onFinish = (v: Values) => {
    setError(null);
    action.mutate(requestOf(kind, complaint, v), {
      onSuccess: () => {
        void message.success(t(`complaints.dialog.${kind}.done`));
        onClose();
      },
      onError: (err) => {
        if (err instanceof ApiError && err.isStaleVersion) {
          setError(t('errors.stale'));
          return;
        }
        if (!applyFieldErrors(form, err)) setError(describe(err));
      },
    });
  };

  let fields: ReactNode = null;
  switch (kind) {
    case 'edit':
      fields = (
        <>
          <Form.Item name="category" label={t('complaints.fields.category')} rules={requiredPick}>
            <Select options={[...new Set([complaint.category, ...(options.data?.categories ?? [])])].map((c) => ({ value: c, label: categoryLabel(c) }))} />
          </Form.Item>
          <Form.Item name="severity" label={t('complaints.fields.severity')}>
            <Radio.Group optionType="button" options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="complainantName" label={t('complaints.fields.complainantName')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="complainantPhone" label={t('complaints.fields.complainantPhone')}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
          <Form.Item name="complainantCompany" label={t('complaints.fields.complainantCompany')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="faultDepartmentId" label={t('complaints.fields.faultDepartment')}>
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="content" label={t('complaints.fields.content')} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </>
      );
      break;
    case 'assign':
      fields = (
        <Form.Item name="handlerId" label={t('complaints.fields.handler')} rules={requiredPick}>
          <HandlerSelect known={complaint.handlerId ? { id: complaint.handlerId, name: complaint.handlerName ?? '' } : null} autoFocus />
        </Form.Item>
      );
      break;
    case 'contact':
      fields = (
        <>
          <Form.Item name="at" label={t('complaints.dialog.contact.at')} extra={t('complaints.dialog.nowIfEmpty')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="note" label={t('complaints.dialog.contact.note')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} autoFocus />
          </Form.Item>
        </>
      );
      break;
    case 'note':
      fields = (
        <Form.Item name="note" label={t('complaints.dialog.note.note')} rules={required}>
          <Input.TextArea rows={5} maxLength={4000} autoFocus />
        </Form.Item>
      );
      break;
    case 'opinion':
      fields = (
        <>
          <Form.Item name="content" label={t('complaints.dialog.opinion.content')} rules={required} extra={t('complaints.dialog.opinion.hint')}>
            <Input.TextArea rows={6} maxLength={4000} showCount autoFocus />
          </Form.Item>
          <Form.Item name="comment" label={t('complaints.dialog.opinion.comment')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case 'tell':
      fields = (
        <>
          <Form.Item name="method" label={t('complaints.dialog.tell.method')} rules={requiredPick}>
            <Radio.Group options={TOLD_METHODS.map((m) => ({ value: m, label: t(`complaints.toldMethod.${m}`) }))} />
          </Form.Item>
          <Form.Item name="at" label={t('complaints.dialog.tell.at')} extra={t('complaints.dialog.nowIfEmpty')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="note" label={t('complaints.dialog.tell.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      );
      break;
    case 'confirm':
      fields = (
        <>
          <Form.Item name="score" label={t('complaints.dialog.confirm.score')} rules={[{ required: true, message: t('complaints.dialog.confirm.scoreRequired') }]} extra={t('complaints.scoreHint')}>
            {/* Starts empty; clicking the chosen star again keeps it (a cleared rating would be a 0 the server refuses). */}
            <Rate count={5} allowClear={false} aria-label={t('complaints.dialog.confirm.score')} />
          </Form.Item>
          <Form.Item name="note" label={t('complaints.dialog.confirm.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case 'reopen':
      fields = (
        <Form.Item name="reason" label={t('complaints.dialog.reopen.reason')} rules={required}>
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      );
      break;
    case 'extend':
      fields = (
        <>
          <Form.Item
            name="days"
            label={t('complaints.dialog.extend.days')}
            rules={requiredPick}
            extra={t('complaints.dialog.extend.hint', { used: complaint.resolutionDays + complaint.extensionDays, left: complaint.extensionDaysLeft })}
          >
            <InputNumber min={1} max={6} precision={0} style={{ width: 160 }} suffix={t('complaints.workingDays')} autoFocus />
          </Form.Item>
          <Form.Item name="reason" label={t('complaints.dialog.extend.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case 'meeting':
      fields = (
        <>
          <Form.Item name="meetingDate" label={t('complaints.meeting.date')} rules={requiredPick}>
            <DatePicker format={ISO} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attendees" label={t('complaints.meeting.attendees')} rules={required}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="decisions" label={t('complaints.meeting.decisions')} rules={required}>
            <Input.TextArea rows={5} maxLength={4000} />
          </Form.Item>
        </>
      );
      break;
    case 'rectify':
      fields = (
        <>
          <Form.Item name="departmentId" label={t('complaints.rectification.department')} rules={requiredPick}>
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="recipientId" label={t('complaints.rectification.recipient')} extra={t('complaints.rectification.recipientHint')}>
            <HandlerSelect anyone />
          </Form.Item>
          <Form.Item name="requirement" label={t('complaints.rectification.requirement')} rules={required}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('complaints.rectification.dueDate')} extra={t('complaints.rectification.dueHint')}>
            <DatePicker format={ISO} style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </>
      );
      break;
  }

  return (
    <FormModal<Values>
      name={`complaint-${kind}`}
      title={t(`complaints.dialog.${kind}.title`)}
      open
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      loading={action.isPending}
      okText={t(`complaints.dialog.${kind}.ok`)}
      error={error}
      initialValues={initialValues(kind, complaint)}
      width={kind === 'opinion' || kind === 'meeting' || kind === 'edit' ? 640 : undefined}
    >
      {fields}
    </FormModal>
  );
}
