import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Rate, Row, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useReferenceLabel } from '../../components/referenceLabels';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { FullPageSpin, LoadError, NotFound } from '../../components/status';
import { ApprovalPanel } from '../approvals/ApprovalPanel';
import { ComplaintDialog, type DialogKind } from './dialogs';
import { MaskedValue } from '../../components/MaskedValue';
import { useCan } from '../auth/hooks';
import { useComplaint, useRevealComplaintPhone } from './hooks';
import { DeadlineText, SeverityTag, StatusTag, eventText } from './labels';
import { RectificationTable } from './RectificationsPage';
import type { Complaint, ComplaintAction } from '../../api/contract/complaints';

/** /complaints/:id — the record, its deadlines, the actions the caller may take, and the whole history. */
export default function ComplaintDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const complaint = useComplaint(id);
  if (!(Number.isInteger(id) && id > 0)) return <NotFound />;
  if (complaint.isPending) return <FullPageSpin />;
  if (complaint.isError && !complaint.data) {
    if (complaint.error instanceof ApiError && complaint.error.status === 404) return <NotFound />;
    return <LoadError error={complaint.error} onRetry={() => void complaint.refetch()} />;
  }
  return <ComplaintView complaint={complaint.data} />;
}

/** The buttons in the order of the work (docs/regulations.md §10): contact, investigate, opinion, tell, confirm. */
const ACTIONS: { kind: DialogKind; action: ComplaintAction; primary?: boolean }[] = [
  { kind: 'assign', action: 'assign' },
  { kind: 'contact', action: 'contact', primary: true },
  { kind: 'note', action: 'note' },
  { kind: 'opinion', action: 'opinion', primary: true },
  { kind: 'tell', action: 'tell', primary: true },
  { kind: 'confirm', action: 'confirm', primary: true },
  { kind: 'reopen', action: 'reopen' },
  { kind: 'extend', action: 'extend' },
  { kind: 'meeting', action: 'meeting' },
  { kind: 'rectify', action: 'rectify' },
  { kind: 'edit', action: 'edit' },
];

function ComplaintView({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const categoryLabel = useReferenceLabel('complaint_categories');
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const can = useCan();
  const revealPhone = useRevealComplaintPhone(c.id);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const currentOpinion = c.opinions.find((o) => o.id === c.currentOpinionId) ?? null;
  const earlierOpinions = c.opinions.filter((o) => o.id !== c.currentOpinionId);
  const pendingExtension = [...c.extensions].reverse().find((e) => e.status === 'pending' || e.status === 'returned') ?? null;
  const open = c.status !== 'closed';
  const primary = ACTIONS.find((a) => a.primary && c.can[a.action])?.kind;

  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('complaints.detailTitle', { no: c.complaintNo })}</span>
          <StatusTag status={c.status} />
          <SeverityTag severity={c.severity} />
          {c.cycle > 1 ? <Tag>{t('complaints.cycle', { n: c.cycle })}</Tag> : null}
        </Flex>
      }
      documentTitle={t('complaints.detailTitle', { no: c.complaintNo })}
      extra={
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => navigate(`/complaints/${c.id}/print`)}>
          {t('complaints.print.button')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        {!c.handlerId && open ? <Alert type="warning" showIcon title={t('complaints.alerts.unassigned')} /> : null}
        {c.severity === 'serious' && c.meeting?.status !== 'decided' ? <Alert type="error" showIcon title={t('complaints.alerts.meetingOpen')} /> : null}
        {currentOpinion?.status === 'returned' ? <Alert type="warning" showIcon title={t('complaints.alerts.opinionReturned')} /> : null}
        {currentOpinion?.status === 'rejected' ? <Alert type="error" showIcon title={t('complaints.alerts.opinionRejected')} /> : null}
        {c.status === 'opinion_approved' ? <Alert type="success" showIcon title={t('complaints.alerts.tellNow')} /> : null}

        <Flex gap={8} wrap className="gx-complaint-actions">
          {ACTIONS.filter((a) => c.can[a.action]).map((a) => (
            <Button key={a.kind} type={a.kind === primary ? 'primary' : 'default'} onClick={() => setDialog(a.kind)}>
              {a.kind === 'opinion' && currentOpinion && ['returned', 'withdrawn'].includes(currentOpinion.status) ? t('complaints.dialog.opinion.resubmit') : t(`complaints.dialog.${a.kind}.button`)}
            </Button>
          ))}
        </Flex>

        <Card title={t('complaints.sections.deadlines')}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Typography.Text type="secondary">{t('complaints.fields.firstContactDue')}</Typography.Text>
              <div style={{ fontSize: 16 }}>
                <DeadlineText deadline={c.firstContact} />
              </div>
            </Col>
            <Col xs={24} md={c.status === 'closed' ? 5 : 8}>
              <Typography.Text type="secondary">{t('complaints.fields.resolutionDue')}</Typography.Text>
              <div style={{ fontSize: 16 }}>
                <DeadlineText deadline={c.resolution} />
              </div>
            </Col>
            {c.status === 'closed' ? (
              // The close time is its own fact, not the deadline it was measured against.
              <Col xs={24} md={5} data-testid="complaint-closed-at">
                <Typography.Text type="secondary">{t('complaints.fields.closedAt')}</Typography.Text>
                <div style={{ fontSize: 16 }}>{formatDateTime(c.closedAt)}</div>
              </Col>
            ) : null}
            <Col xs={24} md={c.status === 'closed' ? 6 : 8}>
              <Typography.Text type="secondary">{t('complaints.fields.timeBudget')}</Typography.Text>
              <div>{t('complaints.timeBudget', { base: c.resolutionDays, extension: c.extensionDays, left: c.extensionDaysLeft })}</div>
              {c.breaches.length ? <Typography.Text type="danger">{t('complaints.breachCount', { n: c.breaches.length })}</Typography.Text> : null}
            </Col>
          </Row>
        </Card>

        <Card title={t('complaints.sections.record')}>
          <Descriptions column={isMobile ? 1 : 3} size="small" bordered>
            <Descriptions.Item label={t('complaints.fields.receivedAt')}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.channel')}>
              {t(`complaints.channel.${c.channel}`)}
              {c.viaPublic ? <Tag style={{ marginInlineStart: 8 }}>{t('complaints.viaPublic')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.category')}>{categoryLabel(c.category)}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.customer')}>{c.customerId ? <Link to={`/customers/${c.customerId}`}>{t('common.withNote', { text: c.customerName, note: c.customerArchiveNo })}</Link> : none}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.complainantName')}>{c.complainantName}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.complainantPhone')}>
              <MaskedValue
                masked={c.complainantPhone}
                label={t('complaints.fields.complainantPhone')}
                canReveal={can('complaints.reveal')}
                pending={revealPhone.isPending}
                reveal={async () => (await revealPhone.mutateAsync()).value}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.complainantCompany')}>{c.complainantCompany ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.complainantEmail')}>{c.complainantEmail ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.handler')}>{c.handlerName ?? <Typography.Text type="warning">{t('complaints.unassigned')}</Typography.Text>}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.team')}>{c.teamName ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.faultDepartment')}>{c.faultDepartmentName ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.createdBy')}>{c.createdByName ?? (c.viaPublic ? t('complaints.customerSelf') : none)}</Descriptions.Item>
            <Descriptions.Item label={t('complaints.fields.content')} span={isMobile ? 1 : 3}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.content}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title={t('complaints.sections.opinion')}>
          {currentOpinion ? (
            <Flex vertical gap={12}>
              <div>
                <Typography.Text type="secondary">{t('complaints.opinionBy', { name: currentOpinion.draftedByName ?? '', at: formatDateTime(currentOpinion.updatedAt) })}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{currentOpinion.content}</Typography.Paragraph>
              </div>
              <ApprovalPanel documentType="complaint_opinion" documentId={currentOpinion.id} title={t('complaints.opinionApproval')} />
            </Flex>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.noOpinion')} />
          )}
          {earlierOpinions.length ? (
            <details style={{ marginTop: 12 }}>
              <summary>{t('complaints.earlierOpinions', { n: earlierOpinions.length })}</summary>
              {earlierOpinions.map((o) => (
                <div key={o.id} style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">
                    {t('complaints.cycle', { n: o.cycle })} · {t(`complaints.opinionStatus.${o.status}`, { defaultValue: o.status })} · {o.draftedByName}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{o.content}</Typography.Paragraph>
                </div>
              ))}
            </details>
          ) : null}
          {c.toldAt ? (
            <Descriptions size="small" column={isMobile ? 1 : 3} style={{ marginTop: 16 }} title={t('complaints.sections.told')}>
              <Descriptions.Item label={t('complaints.dialog.tell.method')}>{c.toldMethod ? t(`complaints.toldMethod.${c.toldMethod}`) : none}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.dialog.tell.at')}>{formatDateTime(c.toldAt)}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.dialog.tell.note')}>{c.toldNote ?? none}</Descriptions.Item>
            </Descriptions>
          ) : null}
          {c.satisfactionScore ? (
            <Flex gap={8} align="center" style={{ marginTop: 12 }}>
              <Typography.Text>{t('complaints.satisfaction')}</Typography.Text>
              <Rate disabled value={c.satisfactionScore} aria-label={t('complaints.scoreOf', { score: c.satisfactionScore })} />
            </Flex>
          ) : null}
        </Card>

        {c.extensions.length ? (
          <Card title={t('complaints.sections.extensions')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.extensions}
              scroll={{ x: 640 }}
              columns={[
                { title: t('complaints.extension.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
                { title: t('complaints.extension.days'), dataIndex: 'days', width: 90 },
                { title: t('complaints.extension.reason'), dataIndex: 'reason' },
                { title: t('complaints.extension.status'), dataIndex: 'status', width: 90, render: (v: string) => t(`complaints.opinionStatus.${v}`, { defaultValue: v }) },
                { title: t('complaints.extension.dueAfter'), dataIndex: 'dueAfter', width: 120, render: (v: string | null, e) => v ?? e.dueBefore },
              ]}
            />
            {pendingExtension ? (
              <div style={{ marginTop: 16 }}>
                <ApprovalPanel documentType="complaint_extension" documentId={pendingExtension.id} title={t('complaints.extensionApproval')} />
              </div>
            ) : null}
          </Card>
        ) : null}

        {c.severity === 'serious' || c.meeting ? (
          <Card title={t('complaints.sections.meeting')}>
            {c.meeting?.status === 'decided' ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('complaints.meeting.date')}>{c.meeting.meetingDate}</Descriptions.Item>
                <Descriptions.Item label={t('complaints.meeting.attendees')}>{c.meeting.attendees}</Descriptions.Item>
                <Descriptions.Item label={t('complaints.meeting.decisions')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.meeting.decisions}</Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label={t('complaints.meeting.recordedBy')}>{`${c.meeting.recordedByName ?? ''} ${formatDateTime(c.meeting.recordedAt)}`}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('complaints.meeting.pending')}</Typography.Text>
            )}
          </Card>
        ) : null}

        {c.rectifications.length ? (
          <Card title={t('complaints.sections.rectifications')}>
            <RectificationTable items={c.rectifications} showComplaint={false} />
          </Card>
        ) : null}

        <Card title={t('complaints.sections.history')}>
          <Timeline
            items={[...c.events].reverse().map((e) => ({
              key: e.id,
              color: e.kind.startsWith('breach') ? 'red' : e.public ? 'blue' : 'gray',
              content: (
                <div>
                  <Typography.Text strong>{eventText(t, e.kind)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    · {e.actorName ?? (e.kind.startsWith('breach') ? t('complaints.system') : t('complaints.customerSelf'))} · {formatDateTime(e.at)}
                    {c.cycle > 1 ? ` · ${t('complaints.cycle', { n: e.cycle })}` : ''}
                  </Typography.Text>
                  {e.note ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }}>{e.note}</Typography.Paragraph> : null}
                </div>
              ),
            }))}
          />
        </Card>

      </Flex>
      <ComplaintDialog kind={dialog} complaint={c} onClose={() => setDialog(null)} />
    </PageContainer>
  );
}
