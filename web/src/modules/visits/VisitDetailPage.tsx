import { FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import type { Visit } from '../../api/contract/visits';
import { useDescribeError } from '../../components/errors';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useComplaintOptions } from '../complaints/hooks';
import { useComment, useToComplaint, useToTask, useVisit } from './hooks';

/** /visits/:id — one visit record or call: what was said, check-in, signature, follow-ups, the supervisor's comment. */
export default function VisitDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const visit = useVisit(id);
  return (
    <RecordGate id={id} query={visit} notFound={<NotFound message={t('visits.detail.notFound')} back={{ to: '/visits', label: t('visits.list.title') }} />}>
      {(v) => <VisitDetail visit={v} />}
    </RecordGate>
  );
}

function VisitDetail({ visit: v }: { visit: Visit }) {
  const { t } = useTranslation();
  const can = useCan();
  const [complaintOpen, setComplaintOpen] = useState(false);
  const [taskOpen, setTaskOpen] = useState(false);
  const none = <Typography.Text type="secondary">{t('visits.none')}</Typography.Text>;
  const text = (s: string | null) => (s ? <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span> : none);
  const record = v.kind === 'record';
  return (
    <PageContainer
      title={`${t(`visits.kinds.${v.kind}`)} · ${v.customerName}`}
      extra={
        <Space wrap>
          {can('visits.record') && record ? (
            <Link to={`/visits/reports/new?customerId=${v.customerId}&visitId=${v.id}`}>
              <Button icon={<FileTextOutlined aria-hidden />}>{t('visits.detail.newReport')}</Button>
            </Link>
          ) : null}
          {can('visits.record') && can('complaints.intake') && v.complaintId == null ? <Button onClick={() => setComplaintOpen(true)}>{t('visits.detail.toComplaint')}</Button> : null}
          {can('visits.record') && v.taskId == null ? <Button onClick={() => setTaskOpen(true)}>{t('visits.detail.toTask')}</Button> : null}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('visits.fields.customer')}>
              <Link to={`/customers/${v.customerId}`}>{t('common.withNote', { text: v.customerName, note: v.customerArchiveNo })}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.visitedAt')}>{formatDateTime(v.visitedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.method')}>{t(`visits.methods.${v.method}`)}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.contactName')}>{v.contactName || none}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.visitor')}>{v.visitorName ?? none}</Descriptions.Item>
            {record ? <Descriptions.Item label={t('visits.fields.satisfaction')}>{v.satisfaction ? <Tag color="blue">{t(`visits.satisfaction.${v.satisfaction}`)}</Tag> : none}</Descriptions.Item> : null}
            {!record ? <Descriptions.Item label={t('visits.fields.purpose')}>{text(v.purpose)}</Descriptions.Item> : null}
            <Descriptions.Item label={record ? t('visits.fields.points') : t('visits.fields.callContent')} span={2}>
              {text(v.points)}
            </Descriptions.Item>
            {record ? (
              <>
                <Descriptions.Item label={t('visits.fields.opinions')} span={2}>
                  {text(v.opinions)}
                </Descriptions.Item>
                <Descriptions.Item label={t('visits.fields.countermeasures')} span={2}>
                  {text(v.countermeasures)}
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('visits.fields.result')} span={2}>
                {text(v.result)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('visits.fields.nextStep')}>{text(v.nextStep)}</Descriptions.Item>
            <Descriptions.Item label={t('visits.fields.nextDate')}>
              {v.nextDate ?? none}
              {v.followUpTaskId ? (
                <>
                  {' '}
                  <Link to={`/tasks/${v.followUpTaskId}`}>{t('visits.detail.followUpTask')}</Link>
                </>
              ) : null}
            </Descriptions.Item>
            {v.checkIn ? (
              <>
                <Descriptions.Item label={t('visits.detail.checkInAt')}>{formatDateTime(v.checkIn.at)}</Descriptions.Item>
                <Descriptions.Item label={t('visits.detail.checkInPlace')}>
                  {v.checkIn.lat != null && v.checkIn.lng != null ? t('visits.location.value', { lat: v.checkIn.lat.toFixed(5), lng: v.checkIn.lng.toFixed(5) }) : none}
                </Descriptions.Item>
              </>
            ) : null}
            {v.maintenanceTaskId ? (
              <Descriptions.Item label={t('visits.fields.maintenanceTask')}>
                <Link to={`/tasks/${v.maintenanceTaskId}`}>{t('visits.detail.openTask')}</Link>
              </Descriptions.Item>
            ) : null}
            {v.complaintId ? (
              <Descriptions.Item label={t('visits.detail.toComplaint')}>
                <Link to={`/complaints/${v.complaintId}`}>{t('visits.detail.openComplaint')}</Link>
              </Descriptions.Item>
            ) : null}
            {v.taskId ? (
              <Descriptions.Item label={t('visits.detail.toTask')}>
                <Link to={`/tasks/${v.taskId}`}>{t('visits.detail.openTask')}</Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        {record ? (
          <Card size="small" title={t('visits.fields.signature')}>
            {v.hasSignature ? <img src={`/api/visits/${v.id}/signature`} alt={t('visits.detail.signatureAlt')} style={{ maxWidth: 480, border: '1px solid #f0f0f0' }} /> : none}
          </Card>
        ) : null}
        {v.reportIds.length ? (
          <Card size="small" title={t('visits.detail.reports')}>
            <Space wrap>
              {v.reportIds.map((id) => (
                <Link key={id} to={`/visits/reports/${id}/print`}>
                  <Button icon={<PrinterOutlined aria-hidden />}>{`${t('visits.report.print')} ${t('visits.report.title')}`}</Button>
                </Link>
              ))}
            </Space>
          </Card>
        ) : null}
        <CommentCard visit={v} />
      </Flex>
      <ComplaintModal visit={v} open={complaintOpen} onClose={() => setComplaintOpen(false)} />
      <TaskModal visit={v} open={taskOpen} onClose={() => setTaskOpen(false)} />
    </PageContainer>
  );
}

function CommentCard({ visit: v }: { visit: Visit }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const comment = useComment();
  const describe = useDescribeError();
  return (
    <Card size="small" title={t('visits.fields.supervisorComment')}>
      {v.supervisorComment ? (
        <Typography.Paragraph>
          {v.supervisorComment}
          <Typography.Text type="secondary">{` — ${v.supervisorCommentByName ?? ''} ${formatDateTime(v.supervisorCommentAt)}`}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {can('visits.review') ? (
        <Form
          form={form}
          name="visitComment"
          layout="vertical"
          onFinish={(values) =>
            comment.mutate(
              { id: v.id, comment: values.comment, version: v.version },
              { onSuccess: () => { form.resetFields(); message.success(t('visits.form.saved')); }, onError: (err) => { if (!applyFieldErrors(form, err)) message.error(describe(err)); } },
            )
          }
        >
          <Form.Item name="comment" label={t('visits.detail.comment')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={comment.isPending}>
            {t('visits.detail.commentSave')}
          </Button>
        </Form>
      ) : v.supervisorComment ? null : (
        <Typography.Text type="secondary">{t('visits.none')}</Typography.Text>
      )}
    </Card>
  );
}

function ComplaintModal({ visit: v, open, onClose }: { visit: Visit; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ category: string; severity: 'general' | 'major' | 'serious'; content?: string }>();
  const options = useComplaintOptions();
  const toComplaint = useToComplaint();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal
      name="visitToComplaint"
      title={t('visits.detail.toComplaint')}
      open={open}
      form={form}
      onCancel={onClose}
      loading={toComplaint.isPending}
      error={error}
      initialValues={{ severity: 'general', content: v.opinions ?? v.points ?? '' }}
      onFinish={(values) =>
        toComplaint.mutate({ id: v.id, ...values }, { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } })
      }
    >
      <Form.Item name="category" label={t('visits.detail.category')} rules={[{ required: true }]}>
        <Select autoFocus options={(options.data?.categories ?? []).map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="severity" label={t('visits.detail.severity')} rules={[{ required: true }]}>
        <Select options={(['general', 'major', 'serious'] as const).map((s) => ({ value: s, label: t(`visits.detail.severities.${s}`) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('visits.detail.content')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

function TaskModal({ visit: v, open, onClose }: { visit: Visit; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; dueDate: Dayjs }>();
  const toTask = useToTask();
  const describe = useDescribeError();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal
      name="visitToTask"
      title={t('visits.detail.toTask')}
      open={open}
      form={form}
      onCancel={onClose}
      loading={toTask.isPending}
      error={error}
      initialValues={{ title: v.opinions?.slice(0, 200) ?? '', dueDate: dayjs().add(3, 'day') }}
      onFinish={(values) =>
        toTask.mutate(
          { id: v.id, title: values.title, dueDate: values.dueDate.format('YYYY-MM-DD') },
          { onSuccess: onClose, onError: (err) => { if (!applyFieldErrors(form, err)) setError(describe(err)); } },
        )
      }
    >
      <Form.Item name="title" label={t('visits.detail.taskTitle')} rules={[{ required: true, whitespace: true }]}>
        <Input autoFocus maxLength={200} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('visits.detail.dueDate')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
