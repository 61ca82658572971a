import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareAction, CareEvent, CareOccasion, CareRendered, CareTemplate } from '../../api/contract/care';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useDialogSaveError, useNotifyError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useActions, useAttendance, useCareCalendar, useCreateEvent, useEvent, useEvents, useInvite, useRecordAction, useRender, useSaveTemplate, useTemplates, useUpcoming } from './hooks';

const ISO = 'YYYY-MM-DD';
const CHANNELS = ['email', 'sms', 'card', 'phone', 'visit', 'gift', 'wechat'] as const;
const OCCASIONS = ['birthday', 'festival', 'cooperation', 'firstPurchase', 'yearEnd', 'other'] as const;
type Occasion = (typeof OCCASIONS)[number];

function useOccasionText() {
  const { t } = useTranslation();
  return (o: CareOccasion) => {
    const base = o.type === 'festival' ? o.label : t(`care.occasion.${o.type}`);
    const who = o.guestName ? t('care.guest', { name: o.guestName }) : o.contactName ? `${o.customerName ?? ''} ${o.contactName}` : (o.customerName ?? '');
    const extra = [o.years ? t('care.years', { years: o.years }) : null, o.type === 'birthday' && o.calendar === 'lunar' ? t('care.lunar') : null].filter(Boolean).join(' ');
    return { base, who, extra };
  };
}

/** The month view: each day lists its occasions. */
function MonthTab({ onRecord }: { onRecord: (o: CareOccasion) => void }) {
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').subtract(7, 'day').format(ISO);
  const to = month.endOf('month').add(7, 'day').format(ISO);
  const q = useCareCalendar(from, to);
  const text = useOccasionText();
  const byDay = useMemo(() => {
    const m = new Map<string, CareOccasion[]>();
    for (const o of q.data?.items ?? []) m.set(o.date, [...(m.get(o.date) ?? []), o]);
    return m;
  }, [q.data]);
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Calendar
      value={month}
      onPanelChange={(d) => setMonth(d)}
      onSelect={(d) => setMonth(d)}
      cellRender={(d, info) =>
        info.type === 'date' ? (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {(byDay.get(d.format(ISO)) ?? []).slice(0, 4).map((o) => {
              const x = text(o);
              return (
                <li key={o.key}>
                  <Badge status={o.type === 'festival' ? 'error' : o.type === 'birthday' ? 'processing' : 'success'} text={<Typography.Link onClick={() => o.customerId && onRecord(o)}>{`${x.base} ${x.who}`.trim()}</Typography.Link>} />
                </li>
              );
            })}
            {(byDay.get(d.format(ISO))?.length ?? 0) > 4 ? <li>…</li> : null}
          </ul>
        ) : null
      }
    />
  );
}

/** The next N days as a list, each with its action. */
function UpcomingTab({ onRecord }: { onRecord: (o: CareOccasion) => void }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const q = useUpcoming(days);
  const text = useOccasionText();
  const columns: TableColumnsType<CareOccasion> = [
    { title: t('care.date'), dataIndex: 'date', width: 110 },
    { title: t('care.what'), key: 'what', width: 200, render: (_, o) => <Space>{text(o).base}{text(o).extra ? <Tag>{text(o).extra}</Tag> : null}</Space> },
    { title: t('care.customer'), dataIndex: 'customerName', render: (v: string | null, o) => v ?? (o.guestName ? t('care.guest', { name: o.guestName }) : '—') },
    { title: t('care.contact'), dataIndex: 'contactName', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '', key: 'act', width: 110, render: (_, o) => (o.customerId ? <Button size="small" onClick={() => onRecord(o)}>{t('care.record')}</Button> : null) },
  ];
  return (
    <>
      <Form layout="inline" name="care-upcoming" style={{ marginBottom: 12 }}>
        <Form.Item label={t('care.days')}>
          <InputNumber min={1} max={90} value={days} onChange={(v) => setDays(v ?? 30)} />
        </Form.Item>
      </Form>
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : <Table rowKey="key" size="small" loading={q.isLoading} columns={columns} dataSource={q.data?.items ?? []} pagination={{ pageSize: 50 }} scroll={{ x: 700 }} locale={{ emptyText: t('care.none') }} />}
    </>
  );
}

interface ActionValues {
  customerId: number;
  occasion: Occasion;
  channel: (typeof CHANNELS)[number];
  templateId?: number | null;
  doneOn?: Dayjs;
  note?: string;
}

function ActionModal({ open, preset, onClose }: { open: boolean; preset: Partial<ActionValues> & { contactId?: number | null; occasionDate?: string | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const [error, setError] = useState<string | null>(null);
  const save = useRecordAction();
  const templates = useTemplates();
  const fail = useDialogSaveError(form, setError, onClose);
  return (
    <FormModal<ActionValues>
      name="care-action"
      title={t('care.record')}
      open={open}
      form={form}
      error={error}
      loading={save.isPending}
      initialValues={{ channel: 'phone', occasion: 'other', doneOn: dayjs(), ...preset }}
      onCancel={onClose}
      onFinish={(v) => {
        setError(null);
        save.mutate(
          { customerId: v.customerId, contactId: preset.contactId ?? null, occasion: v.occasion, occasionDate: preset.occasionDate ?? null, channel: v.channel, templateId: v.templateId ?? null, doneOn: v.doneOn?.format(ISO), note: v.note?.trim() || null },
          { onSuccess: onClose, onError: fail },
        );
      }}
    >
      <Form.Item name="customerId" label={t('care.customer')} rules={[{ required: true }]}>
        <CustomerPicker />
      </Form.Item>
      <Form.Item name="occasion" label={t('care.what')}>
        <Select options={OCCASIONS.map((o) => ({ value: o, label: t(`care.occasion.${o}`) }))} />
      </Form.Item>
      <Form.Item name="channel" label={t('care.template.channel')}>
        <Select options={CHANNELS.map((c) => ({ value: c, label: t(`care.channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="templateId" label={t('care.action.templateId')}>
        <Select allowClear options={(templates.data ?? []).map((tp) => ({ value: tp.id, label: tp.name }))} />
      </Form.Item>
      <Form.Item name="doneOn" label={t('care.action.doneOn')}>
        <DatePicker format={ISO} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('care.action.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function ActionsTab() {
  const { t } = useTranslation();
  const q = useActions();
  const columns: TableColumnsType<CareAction> = [
    { title: t('care.action.doneOn'), dataIndex: 'doneOn', width: 110 },
    { title: t('care.customer'), dataIndex: 'customerName' },
    { title: t('care.what'), dataIndex: 'occasion', width: 130, render: (v: string) => t(`care.occasion.${v}`) },
    { title: t('care.template.channel'), dataIndex: 'channel', width: 90, render: (v: string) => t(`care.channel.${v}`) },
    { title: t('care.action.actor'), dataIndex: 'actorName', width: 100 },
    { title: t('care.action.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];
  if (q.error) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  return <Table rowKey="id" size="small" loading={q.isLoading} columns={columns} dataSource={q.data ?? []} scroll={{ x: 700 }} />;
}

interface TemplateValues {
  name: string;
  channel: 'email' | 'sms' | 'card';
  occasion?: Occasion | null;
  subject?: string;
  body: string;
}

function TemplatesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const q = useTemplates();
  const [editing, setEditing] = useState<CareTemplate | 'new' | null>(null);
  const [previewOf, setPreviewOf] = useState<CareTemplate | null>(null);
  const [form] = Form.useForm<TemplateValues>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveTemplate();
  const close = () => setEditing(null);
  const fail = useDialogSaveError(form, setError, close);
  const columns: TableColumnsType<CareTemplate> = [
    { title: t('care.template.name'), dataIndex: 'name' },
    { title: t('care.template.channel'), dataIndex: 'channel', width: 90, render: (v: string) => t(`care.channel.${v}`) },
    { title: t('care.template.occasion'), dataIndex: 'occasion', width: 120, render: (v: string | null) => (v ? t(`care.occasion.${v}`) : '—') },
    { title: t('care.template.body'), dataIndex: 'body', ellipsis: true },
    {
      title: '',
      key: 'act',
      width: 200,
      render: (_, r) => (
        <Space>
          {can('care.templates') ? <Button size="small" onClick={() => setEditing(r)}>{t('care.template.edit')}</Button> : null}
          <Button size="small" icon={<PrinterOutlined />} onClick={() => setPreviewOf(r)}>{t('care.template.preview')}</Button>
        </Space>
      ),
    },
  ];
  const current = editing && editing !== 'new' ? editing : null;
  return (
    <>
      {can('care.templates') ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('care.template.create')}</Button>
        </Flex>
      ) : null}
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : <Table rowKey="id" size="small" loading={q.isLoading} columns={columns} dataSource={q.data ?? []} scroll={{ x: 700 }} />}
      <FormModal<TemplateValues>
        name="care-template"
        title={current ? current.name : t('care.template.create')}
        open={editing !== null}
        form={form}
        error={error}
        loading={save.isPending}
        width={640}
        initialValues={current ? { name: current.name, channel: current.channel, occasion: (current.occasion as Occasion | null) ?? null, subject: current.subject ?? '', body: current.body } : { channel: 'sms' }}
        onCancel={close}
        onFinish={(v) => {
          setError(null);
          save.mutate({ id: current?.id, version: current?.version, name: v.name, channel: v.channel, occasion: v.occasion ?? null, subject: v.subject?.trim() || null, body: v.body }, { onSuccess: close, onError: fail });
        }}
      >
        <Form.Item name="name" label={t('care.template.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="channel" label={t('care.template.channel')}>
          <Select options={(['email', 'sms', 'card'] as const).map((c) => ({ value: c, label: t(`care.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="occasion" label={t('care.template.occasion')}>
          <Select allowClear options={OCCASIONS.map((o) => ({ value: o, label: t(`care.occasion.${o}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('care.template.subject')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('care.template.body')} extra={t('care.template.bodyHint')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} maxLength={4000} />
        </Form.Item>
      </FormModal>
      <PreviewModal template={previewOf} onClose={() => setPreviewOf(null)} />
    </>
  );
}

/** The greeting filled for one customer; a card prints on A4 from here. */
function PreviewModal({ template, onClose }: { template: CareTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [out, setOut] = useState<CareRendered | null>(null);
  const render = useRender();
  const notify = useNotifyError();
  return (
    <Modal
      open={template !== null}
      title={t('care.template.previewTitle')}
      onCancel={() => {
        setOut(null);
        onClose();
      }}
      footer={out ? <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('care.template.print')}</Button> : null}
      width={720}
    >
      <Form layout="vertical" name="care-preview">
        <Form.Item label={t('care.customer')}>
          <CustomerPicker
            value={customerId}
            onChange={(id) => {
              setCustomerId(id);
              if (id && template) render.mutate({ templateId: template.id, customerId: id }, { onSuccess: setOut, onError: notify });
            }}
          />
        </Form.Item>
      </Form>
      {out ? (
        <div className="care-card" style={{ whiteSpace: 'pre-wrap', border: '1px solid #d9d9d9', padding: 32, minHeight: 240, fontSize: 16 }}>
          {out.subject ? <Typography.Title level={4}>{out.subject}</Typography.Title> : null}
          {out.body}
        </div>
      ) : null}
    </Modal>
  );
}

interface EventValues {
  kind: 'promotion' | 'event';
  title: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  location?: string;
  description?: string;
}

function EventsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const q = useEvents();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [form] = Form.useForm<EventValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateEvent();
  const fail = useDialogSaveError(form, setError, () => setOpen(false));
  const columns: TableColumnsType<CareEvent> = [
    { title: t('care.event.startsOn'), dataIndex: 'startsOn', width: 110 },
    { title: t('care.event.kind'), dataIndex: 'kind', width: 80, render: (v: 'promotion' | 'event') => <Tag>{t(`care.event.kinds.${v}`)}</Tag> },
    { title: t('care.event.title'), dataIndex: 'title' },
    { title: t('care.event.location'), dataIndex: 'location', render: (v: string | null) => v ?? '—' },
    { title: t('care.event.organizer'), dataIndex: 'organizerName', width: 100 },
    { title: '', key: 'act', width: 90, render: (_, r) => <Button size="small" onClick={() => setSelected(r.id)}>{t('care.event.detail')}</Button> },
  ];
  return (
    <>
      {can('care.events') ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('care.event.create')}</Button>
        </Flex>
      ) : null}
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : <Table rowKey="id" size="small" loading={q.isLoading} columns={columns} dataSource={q.data ?? []} scroll={{ x: 700 }} />}
      <FormModal<EventValues>
        name="care-event"
        title={t('care.event.create')}
        open={open}
        form={form}
        error={error}
        loading={create.isPending}
        initialValues={{ kind: 'event' }}
        onCancel={() => setOpen(false)}
        onFinish={(v) => {
          setError(null);
          create.mutate(
            { kind: v.kind, title: v.title, startsOn: v.startsOn.format(ISO), endsOn: v.endsOn ? v.endsOn.format(ISO) : null, location: v.location?.trim() || null, description: v.description?.trim() || null },
            {
              onSuccess: (e) => {
                setOpen(false);
                setSelected(e.id);
              },
              onError: fail,
            },
          );
        }}
      >
        <Form.Item name="title" label={t('care.event.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('care.event.kind')}>
          <Select options={(['event', 'promotion'] as const).map((k) => ({ value: k, label: t(`care.event.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('care.event.startsOn')} rules={[{ required: true }]}>
          <DatePicker format={ISO} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label={t('care.event.endsOn')}>
          <DatePicker format={ISO} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="location" label={t('care.event.location')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('care.event.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <EventModal id={selected} onClose={() => setSelected(null)} />
    </>
  );
}

function EventModal({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useEvent(id);
  const invite = useInvite();
  const attendance = useAttendance();
  const notify = useNotifyError();
  const [picked, setPicked] = useState<number[]>([]);
  const e = q.data;
  return (
    <Modal open={id !== null} title={e?.title ?? ''} onCancel={onClose} footer={null} width={760}>
      {q.error ? <LoadError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {e ? (
        <>
          <Descriptions size="small" column={2} items={[
            { key: 'k', label: t('care.event.kind'), children: t(`care.event.kinds.${e.kind}`) },
            { key: 's', label: t('care.event.startsOn'), children: e.endsOn ? `${e.startsOn} ~ ${e.endsOn}` : e.startsOn },
            { key: 'l', label: t('care.event.location'), children: e.location ?? '—' },
            { key: 'o', label: t('care.event.organizer'), children: e.organizerName ?? '—' },
          ]} />
          <Alert style={{ margin: '12px 0' }} type="info" title={t('care.event.counts', e.counts)} />
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <CustomerPicker mode="multiple" value={picked} onChange={(ids) => setPicked(ids)} aria-label={t('care.event.invite')} style={{ flex: 1 }} />
            <Button disabled={!picked.length} loading={invite.isPending} onClick={() => invite.mutate({ eventId: e.id, customerIds: picked }, { onSuccess: () => setPicked([]), onError: notify })}>
              {t('care.event.invite')}
            </Button>
          </Flex>
          <Table
            rowKey="customerId"
            size="small"
            pagination={false}
            dataSource={e.invites}
            columns={[
              { title: t('care.event.invitees'), dataIndex: 'customerName' },
              {
                title: '',
                key: 'status',
                width: 160,
                render: (_, r) => (
                  <Select
                    aria-label={r.customerName}
                    value={r.status}
                    style={{ width: 120 }}
                    options={(['invited', 'attended', 'absent'] as const).map((s) => ({ value: s, label: t(`care.event.status.${s}`) }))}
                    onChange={(status) => attendance.mutate({ eventId: e.id, customerId: r.customerId, status }, { onError: notify })}
                  />
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}

/** 客户关怀 (docs/regulations.md §12): the calendar, the next days, templates, care actions and events. */
export default function CarePage() {
  const { t } = useTranslation();
  const can = useCan();
  const [action, setAction] = useState<{ open: boolean; preset: Partial<ActionValues> & { contactId?: number | null; occasionDate?: string | null } }>({ open: false, preset: {} });
  const record = (o?: CareOccasion) =>
    setAction({ open: true, preset: o ? { customerId: o.customerId ?? undefined, occasion: o.type, contactId: o.contactId, occasionDate: o.date, channel: o.type === 'birthday' ? 'sms' : 'card' } : {} });
  return (
    <PageContainer title={t('care.title')} extra={can('care.act') ? <Button type="primary" onClick={() => record()}>{t('care.record')}</Button> : null}>
      <Tabs
        items={[
          { key: 'upcoming', label: t('care.tabs.upcoming'), children: <UpcomingTab onRecord={record} /> },
          { key: 'calendar', label: t('care.tabs.calendar'), children: <MonthTab onRecord={record} /> },
          { key: 'actions', label: t('care.tabs.actions'), children: <ActionsTab /> },
          { key: 'templates', label: t('care.tabs.templates'), children: <TemplatesTab /> },
          { key: 'events', label: t('care.tabs.events'), children: <EventsTab /> },
        ]}
      />
      {action.open ? <ActionModal open preset={action.preset} onClose={() => setAction({ open: false, preset: {} })} /> : null}
    </PageContainer>
  );
}
