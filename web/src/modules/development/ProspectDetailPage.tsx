import { EditOutlined, FileDoneOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Steps, Tag, Timeline, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError, NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useProspect, useRecord, useStageHistory } from './hooks';
import { PIPELINE, STAGE_COLOR, channelLabel, formatWan, stageLabel } from './labels';
import { ProspectFormModal } from './ProspectFormModal';
import { InstructionModal, RecordModal } from './RecordModal';
import { StageMoveModal } from './StageMoveModal';
import type { DevelopmentRecord, Prospect } from '../../api/contract/development';

/** 潜在客户详情: the data, the pipeline, the stage history and — once won — the 客户开发记录表. */
export default function ProspectDetailPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const prospect = useProspect(id);
  const { t } = useTranslation();
  return (
    <RecordGate id={id} query={prospect} notFound={<NotFound message={t('development.detail.notFound')} back={{ to: '/development/prospects', label: t('development.detail.back') }} />}>
      {(p) => <ProspectDetail prospect={p} />}
    </RecordGate>
  );
}

function ProspectDetail({ prospect: p }: { prospect: Prospect }) {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [writing, setWriting] = useState(false);
  const canWrite = can('development.write');
  const won = p.developmentRecordId !== null;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const items: DescriptionsProps['items'] = [
    { key: 'contactName', label: t('development.fields.contactName'), children: p.contactName || none },
    { key: 'phone', label: t('development.fields.phone'), children: p.phone || none },
    { key: 'channel', label: t('development.fields.channel'), children: channelLabel(t, p.channel) },
    { key: 'owner', label: t('development.fields.owner'), children: p.ownerName || none },
    { key: 'expectedAmount', label: t('development.fields.expectedAmount'), children: p.expectedAmount === null ? none : formatWan(p.expectedAmount) },
    { key: 'stageChangedAt', label: t('development.fields.stageChangedAt'), children: formatDateTime(p.stageChangedAt) },
    { key: 'nextStep', label: t('development.fields.nextStep'), span: 'filled', children: p.nextStep || none },
    ...(p.stage === 'lost' ? [{ key: 'lostReason', label: t('development.fields.lostReason'), span: 'filled' as const, children: p.lostReason || none }] : []),
    { key: 'notes', label: t('development.fields.notes'), span: 'filled', children: p.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</span> : none },
    {
      key: 'customer',
      label: t('development.fields.customer'),
      span: 'filled',
      children: p.customerId ? <Link to={`/customers/${p.customerId}`}>{[p.customerArchiveNo, p.customerName].filter(Boolean).join(' ')}</Link> : none,
    },
  ];

  const current = PIPELINE.indexOf(p.stage);
  return (
    <PageContainer
      title={
        <>
          {p.companyName} <Tag color={STAGE_COLOR[p.stage]} style={{ verticalAlign: 'middle' }}>{stageLabel(t, p.stage)}</Tag>
        </>
      }
      documentTitle={p.companyName}
      extra={
        canWrite ? (
          <>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            {!won ? (
              <Button icon={<SwapOutlined aria-hidden />} onClick={() => setMoving(true)}>
                {t('development.prospects.moveTo')}
              </Button>
            ) : null}
            {p.stage === 'contract' && !won ? (
              <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setWriting(true)}>
                {t('development.detail.writeRecord')}
              </Button>
            ) : null}
          </>
        ) : undefined
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          type={isMobile ? 'dot' : 'default'}
          responsive={false}
          current={current < 0 ? undefined : current}
          status={p.stage === 'lost' ? 'error' : current === PIPELINE.length - 1 ? 'finish' : 'process'}
          items={PIPELINE.map((s) => ({ key: s, title: stageLabel(t, s) }))}
          aria-label={t('development.detail.pipeline')}
        />
        {p.stage === 'lost' ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('development.detail.lost', { reason: p.lostReason ?? '' })} /> : null}
        {p.stage === 'contract' && !won && canWrite ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('development.detail.recordHint')} /> : null}
      </Card>
      <Flex gap={16} vertical={isMobile} align="flex-start">
        <Flex vertical gap={16} style={{ flex: '2 1 0', minWidth: 0, width: '100%' }}>
          <Card title={t('development.detail.data')} size="small">
            <Descriptions items={items} column={isMobile ? 1 : 2} size="small" bordered />
          </Card>
          {won ? <RecordCard prospect={p} recordId={p.developmentRecordId!} /> : null}
        </Flex>
        <Card title={t('development.detail.history')} size="small" style={{ flex: '1 1 0', minWidth: 0, width: '100%' }}>
          <StageHistory id={p.id} />
        </Card>
      </Flex>
      <ProspectFormModal open={editing} prospect={p} onClose={() => setEditing(false)} />
      <StageMoveModal prospect={moving ? p : null} onClose={() => setMoving(false)} />
      <RecordModal open={writing} prospect={p} record={null} onClose={() => setWriting(false)} />
    </PageContainer>
  );
}

function StageHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const history = useStageHistory(id);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data.length) return <Empty />;
  // Newest first, like the archive's change history.
  return (
    <Timeline
      items={[...history.data].reverse().map((h) => ({
        key: h.id,
        color: h.toStage === 'lost' ? 'red' : h.toStage === 'contract' ? 'green' : h.fromStage && PIPELINE.indexOf(h.toStage) < PIPELINE.indexOf(h.fromStage) ? 'orange' : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Typography.Text strong>
              {h.fromStage ? t('development.detail.moved', { from: stageLabel(t, h.fromStage), to: stageLabel(t, h.toStage) }) : t('development.detail.entered', { stage: stageLabel(t, h.toStage) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.actorName ?? ''} · {formatDateTime(h.at)}
              {h.expectedAmount !== null ? ` · ${t('development.prospects.amount', { amount: formatWan(h.expectedAmount) })}` : ''}
            </Typography.Text>
            {h.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.note}</Typography.Text> : null}
          </Flex>
        ),
      }))}
    />
  );
}

function RecordCard({ prospect, recordId }: { prospect: Prospect; recordId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const record = useRecord(recordId);
  const [editing, setEditing] = useState(false);
  const [instructing, setInstructing] = useState<DevelopmentRecord | null>(null);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (record.isPending) return <Skeleton active />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  const r = record.data;
  const multiline = (v: string | null) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : none);
  const items: DescriptionsProps['items'] = [
    {
      key: 'customerName',
      label: t('development.record.customerName'),
      children: (
        <Flex vertical>
          <span>{r.customerName}</span>
          {r.customerId && r.customerArchiveNo ? <Link to={`/customers/${r.customerId}`}>{r.customerArchiveNo}</Link> : null}
        </Flex>
      ),
    },
    { key: 'address', label: t('development.record.address'), children: r.address || none },
    { key: 'contactName', label: t('development.record.contactName'), children: r.contactName || none },
    { key: 'contactPhone', label: t('development.record.contactPhone'), children: r.contactPhone || none },
    { key: 'owner', label: t('development.record.owner'), children: r.ownerName || none },
    { key: 'products', label: t('development.record.products'), children: r.products || none },
    { key: 'firstDealAmount', label: t('development.record.firstDealAmount'), children: r.firstDealAmount === null ? none : formatWan(r.firstDealAmount) },
    { key: 'howWon', label: t('development.record.howWon'), span: 'filled', children: multiline(r.howWon) },
    { key: 'notes', label: t('development.record.notes'), span: 'filled', children: multiline(r.notes) },
    {
      key: 'instruction',
      label: t('development.record.instruction'),
      span: 'filled',
      children: r.instruction ? (
        <Flex vertical>
          {multiline(r.instruction)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.instructionByName} · {formatDateTime(r.instructionAt)}
          </Typography.Text>
        </Flex>
      ) : (
        none
      ),
    },
  ];
  return (
    <Card
      title={t('development.record.title')}
      size="small"
      extra={
        <Flex gap={8}>
          {can('development.write') ? (
            <Button size="small" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null}
          {can('development.instruct') ? (
            <Button size="small" onClick={() => setInstructing(r)}>
              {t('development.record.instruct')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Descriptions items={items} column={isMobile ? 1 : 2} size="small" bordered />
      <RecordModal open={editing} prospect={prospect} record={r} onClose={() => setEditing(false)} />
      <InstructionModal record={instructing} onClose={() => setInstructing(null)} />
    </Card>
  );
}
