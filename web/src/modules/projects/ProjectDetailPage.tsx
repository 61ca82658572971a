import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, List, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Milestone, Project } from '../../api/contract/projects';
import { FormModal } from '../../components/FormModal';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { Gantt } from './Gantt';
import { useProject, useProjectMutation } from './hooks';
import { CONCLUSIONS, CONFIRM_METHODS, STATUS_COLOR, formatMoney, today, useSaveError } from './labels';

/** /projects/:id — one cooperation project (docs/regulations.md §15). */
export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const project = useProject(id);
  return (
    <RecordGate id={id} query={project} notFound={<NotFound message={t('projects.notFound')} back={{ to: '/projects', label: t('projects.back') }} />}>
      {(p) => <ProjectDetail p={p} />}
    </RecordGate>
  );
}

type Dialog =
  | { kind: 'milestone'; milestone?: Milestone }
  | { kind: 'confirm'; milestone: Milestone }
  | { kind: 'meeting' }
  | { kind: 'change' }
  | { kind: 'accept' }
  | { kind: 'close' };

function ProjectDetail({ p }: { p: Project }) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const manage = can('projects.manage');
  const active = p.status === 'active' && manage;
  const m = p.monitoring;
  return (
    <PageContainer
      title={p.title}
      extra={
        <>
          <Link to="/projects">
            <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('projects.back')}</Button>
          </Link>
          {active ? <Button onClick={() => setDialog({ kind: 'change' })}>{t('projects.change.request')}</Button> : null}
          {active ? <Button onClick={() => setDialog({ kind: 'accept' })}>{t('projects.acceptance.record')}</Button> : null}
          {p.status === 'accepted' && manage ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'close' })}>
              {t('projects.review.close')}
            </Button>
          ) : null}
        </>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'customer', label: t('projects.fields.customer'), children: <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link> },
              { key: 'status', label: t('projects.fields.status'), children: <Tag color={STATUS_COLOR[p.status]}>{t(`projects.statuses.${p.status}`)}</Tag> },
              { key: 'lead', label: t('projects.fields.lead'), children: p.leadName ?? '' },
              { key: 'planVersion', label: t('projects.fields.planVersion'), children: p.planVersion },
              { key: 'members', label: t('projects.fields.members'), children: p.members.map((x) => t('common.withNote', { text: x.name, note: x.role })).join(t('common.listSeparator')) || t('common.none') },
              { key: 'contacts', label: t('projects.fields.contacts'), children: p.contacts.map((c) => t('common.withNote', { text: c.position ? `${c.name} ${c.position}` : c.name, note: c.role })).join(t('common.listSeparator')) || t('common.none') },
              { key: 'goals', label: t('projects.fields.goals'), span: 2, children: p.goals },
            ]}
          />
        </Card>

        <Card size="small" title={t('projects.monitoring.title')}>
          <Space size="large" wrap>
            <Statistic title={t('projects.monitoring.done')} value={`${m.done} / ${m.milestones}`} />
            <Statistic title={t('projects.monitoring.overdue')} value={m.overdue} valueStyle={m.overdue ? { color: '#cf1322' } : undefined} />
            <Statistic title={t('projects.monitoring.unconfirmed')} value={m.unconfirmed} valueStyle={m.unconfirmed ? { color: '#d46b08' } : undefined} />
            <Statistic title={t('projects.monitoring.maxSlip')} value={m.maxSlipDays} suffix={t('projects.days')} />
            <Statistic title={t('projects.monitoring.costPlanned')} value={formatMoney(m.costPlanned)} />
            <Statistic title={t('projects.monitoring.costActual')} value={formatMoney(m.costActual)} />
            <Statistic title={t('projects.monitoring.costVariance')} value={formatMoney(m.costVariance)} valueStyle={m.costVariance > 0 ? { color: '#cf1322' } : undefined} />
          </Space>
          <Gantt milestones={p.milestones} today={p.today} />
        </Card>

        <Card
          size="small"
          title={t('projects.milestone.title')}
          extra={active ? <Button onClick={() => setDialog({ kind: 'milestone' })}>{t('projects.milestone.add')}</Button> : null}
        >
          <Table<Milestone>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.milestones}
            locale={{ emptyText: t('projects.milestone.empty') }}
            scroll={{ x: 900 }}
            columns={[
              { key: 'title', title: t('projects.milestone.name'), dataIndex: 'title' },
              { key: 'planned', title: t('projects.gantt.planned'), render: (_, r) => `${r.plannedStart} – ${r.plannedEnd}` },
              { key: 'actual', title: t('projects.gantt.actual'), render: (_, r) => (r.actualStart ? `${r.actualStart} – ${r.actualEnd ?? ''}` : '') },
              { key: 'cost', title: t('projects.milestone.cost'), align: 'right', render: (_, r) => `${formatMoney(r.costActual)} / ${formatMoney(r.costPlanned)}` },
              {
                key: 'state',
                title: t('projects.milestone.state'),
                render: (_, r) => (
                  <Space size={4} wrap>
                    {r.confirmed ? (
                      <Tag color="success">{t('projects.milestone.confirmedBy', { name: r.confirmation?.confirmedBy ?? '', date: r.confirmation?.confirmedOn ?? '' })}</Tag>
                    ) : (
                      <Tag color="warning">{r.reconfirmNeeded ? t('projects.milestone.reconfirm') : t('projects.milestone.unconfirmed')}</Tag>
                    )}
                    {r.overdue ? <Tag color="error">{t('projects.milestone.overdue')}</Tag> : null}
                    {r.slipDays > 0 ? <Tag color="orange">{t('projects.milestone.slip', { days: r.slipDays })}</Tag> : null}
                  </Space>
                ),
              },
              { key: 'quality', title: t('projects.milestone.quality'), dataIndex: 'qualityNote' },
              ...(active
                ? [
                    {
                      key: 'actions',
                      title: t('projects.actions'),
                      render: (_: unknown, r: Milestone) => (
                        <Space size={4}>
                          <Button size="small" onClick={() => setDialog({ kind: 'milestone', milestone: r })}>
                            {t('projects.milestone.edit')}
                          </Button>
                          {!r.confirmed ? (
                            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'confirm', milestone: r })}>
                              {t('projects.milestone.confirm')}
                            </Button>
                          ) : null}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>

        <Card size="small" title={t('projects.change.title')}>
          <List
            size="small"
            dataSource={p.changes}
            locale={{ emptyText: t('projects.change.empty') }}
            renderItem={(c) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Typography.Text strong>{c.title}</Typography.Text>
                    <Tag>{t(`projects.change.statuses.${c.status}`)}</Tag>
                    <Typography.Text type="secondary">{t('projects.change.impact', { days: c.scheduleDays, cost: formatMoney(c.cost) })}</Typography.Text>
                  </Space>
                  <Typography.Text>{c.reason}</Typography.Text>
                  <Typography.Text type="secondary">{`${c.requestedByName ?? ''} ${c.createdAt.slice(0, 10)}`}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {p.planVersions.length ? (
            <>
              <Typography.Title level={5}>{t('projects.change.history')}</Typography.Title>
              {p.planVersions.map((v) => (
                <div key={v.versionNo} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t('projects.change.version', { no: v.versionNo })}</Typography.Text>
                  <ul style={{ margin: 0 }}>
                    {v.milestones.map((x) => (
                      <li key={x.id}>{`${x.title}: ${x.plannedStart} – ${x.plannedEnd}, ${formatMoney(x.costPlanned)}`}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          ) : null}
        </Card>

        <Card size="small" title={t('projects.meeting.title')} extra={manage && p.status !== 'closed' ? <Button onClick={() => setDialog({ kind: 'meeting' })}>{t('projects.meeting.add')}</Button> : null}>
          <List
            size="small"
            dataSource={p.meetings}
            locale={{ emptyText: t('projects.meeting.empty') }}
            renderItem={(x) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{`${x.heldOn} · ${x.attendees}`}</Typography.Text>
                  <Typography.Text>{x.minutes}</Typography.Text>
                  {x.decisions ? <Typography.Text type="secondary">{t('projects.meeting.decisionsValue', { text: x.decisions })}</Typography.Text> : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>

        {p.acceptance ? (
          <Alert
            type={p.acceptance.conclusion === 'failed' ? 'error' : 'success'}
            showIcon
            title={t('projects.acceptance.signed', { name: p.acceptance.signedBy, date: p.acceptance.signedOn, conclusion: t(`projects.acceptance.conclusions.${p.acceptance.conclusion}`) })}
            description={p.acceptance.note}
          />
        ) : null}
        {p.review ? (
          <Card size="small" title={t('projects.review.title')}>
            <Typography.Paragraph>{p.review.summary}</Typography.Paragraph>
            {p.review.lessons ? <Typography.Paragraph type="secondary">{p.review.lessons}</Typography.Paragraph> : null}
          </Card>
        ) : null}
      </Space>
      {dialog ? <ProjectDialog p={p} dialog={dialog} onClose={() => setDialog(null)} /> : null}
    </PageContainer>
  );
}

type Values = Record<string, unknown> & { range?: [dayjs.Dayjs, dayjs.Dayjs]; date?: dayjs.Dayjs };
const ymd = (d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The project's forms: milestone, customer confirmation, meeting, change request, acceptance, closing review. */
function ProjectDialog({ p, dialog, onClose }: { p: Project; dialog: Dialog; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { error, onError } = useSaveError();
  const mutation = useProjectMutation((v: Values) => {
    switch (dialog.kind) {
      case 'milestone': {
        const [s, e] = v.range ?? [];
        const body = { title: v.title, plannedStart: ymd(s), plannedEnd: ymd(e), costPlanned: v.costPlanned };
        if (!dialog.milestone) return api.post(`/api/projects/${p.id}/milestones`, body);
        const [as, ae] = (v.actual as [dayjs.Dayjs | null, dayjs.Dayjs | null] | undefined) ?? [];
        return api.put(`/api/projects/${p.id}/milestones/${dialog.milestone.id}`, {
          ...body,
          actualStart: ymd(as) ?? null,
          actualEnd: ymd(ae) ?? null,
          costActual: v.costActual,
          qualityNote: v.qualityNote || null,
          version: dialog.milestone.version,
        });
      }
      case 'confirm':
        return api.post(`/api/projects/${p.id}/milestones/${dialog.milestone.id}/confirm`, { confirmedBy: v.confirmedBy, confirmedOn: ymd(v.date), method: v.method, version: dialog.milestone.version });
      case 'meeting':
        return api.post(`/api/projects/${p.id}/meetings`, { heldOn: ymd(v.date), attendees: v.attendees, minutes: v.minutes, decisions: v.decisions || null });
      case 'change': {
        const target = p.milestones.find((x) => x.id === v.milestoneId);
        const [s, e] = v.range ?? [];
        return api.post(`/api/projects/${p.id}/changes`, {
          title: v.title,
          reason: v.reason,
          milestones: target ? [{ milestoneId: target.id, plannedStart: ymd(s), plannedEnd: ymd(e), costPlanned: v.costPlanned }] : [],
        });
      }
      case 'accept':
        return api.post(`/api/projects/${p.id}/acceptance`, { signedBy: v.signedBy, signedOn: ymd(v.date), conclusion: v.conclusion, note: v.note || null, version: p.version });
      case 'close':
        return api.post(`/api/projects/${p.id}/close`, { summary: v.summary, lessons: v.lessons || null, version: p.version });
    }
  });
  const required = [{ required: true, message: t('common.required') }];
  const ms = dialog.kind === 'milestone' ? dialog.milestone : undefined;
  const initial: Partial<Values> =
    dialog.kind === 'milestone' && ms
      ? {
          title: ms.title,
          range: [dayjs(ms.plannedStart), dayjs(ms.plannedEnd)],
          costPlanned: ms.costPlanned,
          actual: [ms.actualStart ? dayjs(ms.actualStart) : null, ms.actualEnd ? dayjs(ms.actualEnd) : null],
          costActual: ms.costActual,
          qualityNote: ms.qualityNote,
        }
      : dialog.kind === 'confirm' || dialog.kind === 'meeting' || dialog.kind === 'accept'
        ? { date: dayjs(today()), confirmedBy: p.contacts[0]?.name, signedBy: p.contacts[0]?.name, method: 'signature', conclusion: 'passed' }
        : {};
  const titles: Record<Dialog['kind'], string> = {
    milestone: ms ? t('projects.milestone.edit') : t('projects.milestone.add'),
    confirm: t('projects.milestone.confirmTitle', { title: dialog.kind === 'confirm' ? dialog.milestone.title : '' }),
    meeting: t('projects.meeting.add'),
    change: t('projects.change.request'),
    accept: t('projects.acceptance.record'),
    close: t('projects.review.close'),
  };
  const money = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      name={`project-${dialog.kind}`}
      title={titles[dialog.kind]}
      open
      form={form}
      error={error}
      initialValues={initial}
      loading={mutation.isPending}
      onCancel={onClose}
      onFinish={(v) => mutation.mutate(v, { onSuccess: onClose, onError: (err) => onError(form, err) })}
    >
      {dialog.kind === 'milestone' ? (
        <>
          {ms?.confirmed ? <Alert type="warning" showIcon title={t('projects.milestone.reconfirmHint')} style={{ marginBottom: 12 }} /> : null}
          <Form.Item name="title" label={t('projects.milestone.name')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="range" label={t('projects.gantt.planned')} rules={required}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          {money('costPlanned', t('projects.milestone.costPlanned'))}
          {ms ? (
            <>
              <Form.Item name="actual" label={t('projects.gantt.actual')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
              {money('costActual', t('projects.milestone.costActual'))}
              <Form.Item name="qualityNote" label={t('projects.milestone.quality')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </>
          ) : null}
        </>
      ) : null}
      {dialog.kind === 'confirm' ? (
        <>
          <Form.Item name="confirmedBy" label={t('projects.milestone.confirmedByField')} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="date" label={t('projects.milestone.confirmedOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="method" label={t('projects.milestone.method')} rules={required}>
            <Select options={CONFIRM_METHODS.map((x) => ({ value: x, label: t(`projects.methods.${x}`) }))} />
          </Form.Item>
        </>
      ) : null}
      {dialog.kind === 'meeting' ? (
        <>
          <Form.Item name="date" label={t('projects.meeting.heldOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attendees" label={t('projects.meeting.attendees')} rules={required}>
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="minutes" label={t('projects.meeting.minutes')} rules={required}>
            <Input.TextArea rows={4} maxLength={8000} />
          </Form.Item>
          <Form.Item name="decisions" label={t('projects.meeting.decisions')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      ) : null}
      {dialog.kind === 'change' ? (
        <>
          <Form.Item name="title" label={t('projects.change.name')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="reason" label={t('projects.change.reason')} rules={required}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="milestoneId" label={t('projects.change.milestone')} rules={required}>
            <Select
              options={p.milestones.map((x) => ({ value: x.id, label: x.title }))}
              onChange={(id: number) => {
                const x = p.milestones.find((y) => y.id === id);
                if (x) form.setFieldsValue({ range: [dayjs(x.plannedStart), dayjs(x.plannedEnd)], costPlanned: x.costPlanned });
              }}
            />
          </Form.Item>
          <Form.Item name="range" label={t('projects.change.newPlan')} rules={required}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          {money('costPlanned', t('projects.milestone.costPlanned'))}
        </>
      ) : null}
      {dialog.kind === 'accept' ? (
        <>
          <Form.Item name="signedBy" label={t('projects.acceptance.signedBy')} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="date" label={t('projects.acceptance.signedOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="conclusion" label={t('projects.acceptance.conclusion')} rules={required}>
            <Select options={CONCLUSIONS.map((x) => ({ value: x, label: t(`projects.acceptance.conclusions.${x}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('projects.acceptance.note')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </>
      ) : null}
      {dialog.kind === 'close' ? (
        <>
          <Form.Item name="summary" label={t('projects.review.summary')} rules={required}>
            <Input.TextArea rows={4} maxLength={8000} />
          </Form.Item>
          <Form.Item name="lessons" label={t('projects.review.lessons')}>
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
        </>
      ) : null}
    </FormModal>
  );
}
