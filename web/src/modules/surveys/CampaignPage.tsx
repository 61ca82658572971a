import { DownloadOutlined, EditOutlined, PlayCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Popconfirm, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { saveBlob } from '../../components/download';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError, RecordGate } from '../../components/status';
import { statusLabel } from '../customers/labels';
import { downloadExport, useCampaign, useCampaignAction, usePlans } from './hooks';
import { CAMPAIGN_COLOR, PLAN_COLOR, label, planPath, templatePath } from './labels';
import { ResultsPanel } from './ResultsPanel';
import { TargetsPanel } from './TargetsPanel';
import type { Campaign, CampaignFilter, PlanSummary } from '../../api/contract/surveys';

/** The archive filter in words: 地区：北京；状态：正式 … */
function filterText(t: TFunction, f: CampaignFilter, ownerName: string | null): string {
  const parts: string[] = [];
  if (f.q) parts.push(t('surveys.filter.qValue', { value: f.q }));
  if (f.status) parts.push(t('common.labelValue', { label: t('surveys.filter.status'), value: statusLabel(t, f.status) }));
  for (const k of ['province', 'city', 'industry'] as const) if (f[k]) parts.push(t('common.labelValue', { label: t(`surveys.filter.${k}`), value: f[k] }));
  if (f.ownerId) parts.push(t('common.labelValue', { label: t('surveys.filter.owner'), value: ownerName ?? t('surveys.filter.ownerUnknown') }));
  return parts.length ? parts.join(t('surveys.filterSeparator')) : t('surveys.filter.all');
}

function PlansPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plans = usePlans(campaign.id);
  const columns: TableColumnsType<PlanSummary> = [
    { title: t('surveys.plan.title'), dataIndex: 'title', render: (v: string, r) => <Link to={planPath(r.id)}>{v}</Link> },
    { title: t('surveys.plan.status'), dataIndex: 'status', width: 100, render: (v: PlanSummary['status']) => <Tag color={PLAN_COLOR[v]}>{label(t, 'planStatus', v)}</Tag> },
    { title: t('surveys.plan.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('surveys.plan.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) || t('common.none') },
    { title: t('surveys.plan.approvedAt'), dataIndex: 'approvedAt', width: 150, render: (v: string | null) => formatDateTime(v) || t('common.none') },
  ];
  return (
    <Flex vertical gap={12}>
      {campaign.can.plan ? (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/surveys/campaigns/${campaign.id}/improvement-plans/new`)}>
            {t('surveys.plan.new')}
          </Button>
        </Flex>
      ) : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => void plans.refetch()} /> : <Table<PlanSummary> rowKey="id" columns={columns} dataSource={plans.data?.items} loading={plans.isFetching} pagination={false} scroll={{ x: 700 }} />}
    </Flex>
  );
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const action = useCampaignAction(campaign.id);
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState<string | null>(null);
  const started = campaign.status !== 'draft';
  const tab = params.get('tab') ?? 'results';

  const exportXlsx = async (what: 'answers' | 'summary') => {
    setExporting(what);
    try {
      const { blob, filename } = await downloadExport(campaign.id, what);
      saveBlob(blob, filename ?? `${what}.xlsx`);
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(null);
    }
  };

  const extra = [];
  if (campaign.can.edit)
    extra.push(
      <Button key="edit" icon={<EditOutlined />} onClick={() => navigate(`/surveys/campaigns/${campaign.id}/edit`)}>
        {t('common.edit')}
      </Button>,
    );
  if (campaign.can.start)
    extra.push(
      <Popconfirm key="start" title={t('surveys.campaign.startConfirm')} onConfirm={() => action.mutate({ action: 'start', version: campaign.version }, { onSuccess: (c) => void message.success(t('surveys.campaign.started', { count: c.targets })), onError: notifyError })}>
        <Button type="primary" icon={<PlayCircleOutlined />} loading={action.isPending}>
          {t('surveys.campaign.start')}
        </Button>
      </Popconfirm>,
    );
  if (campaign.can.close)
    extra.push(
      <Popconfirm key="close" title={t('surveys.campaign.closeConfirm')} onConfirm={() => action.mutate({ action: 'close', version: campaign.version }, { onError: notifyError })}>
        <Button icon={<StopOutlined />}>{t('surveys.campaign.close')}</Button>
      </Popconfirm>,
    );
  if (started) {
    extra.push(
      <Button key="answers" icon={<DownloadOutlined />} loading={exporting === 'answers'} onClick={() => void exportXlsx('answers')}>
        {t('surveys.campaign.exportAnswers')}
      </Button>,
      <Button key="summary" icon={<DownloadOutlined />} loading={exporting === 'summary'} onClick={() => void exportXlsx('summary')}>
        {t('surveys.campaign.exportSummary')}
      </Button>,
    );
  }

  return (
    <PageContainer
      title={
        <Flex gap={8} align="center" wrap>
          {campaign.title}
          <Tag color={CAMPAIGN_COLOR[campaign.status]} style={{ fontSize: 14 }}>
            {label(t, 'campaignStatus', campaign.status)}
          </Tag>
        </Flex>
      }
      documentTitle={campaign.title}
      extra={extra}
    >
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size={isMobile ? 'small' : 'middle'}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'template', label: t('surveys.campaign.template'), children: <Link to={templatePath(campaign.templateId)}>{t('surveys.template.nameVersion', { name: campaign.templateName, version: campaign.templateVersionNo })}</Link> },
            { key: 'period', label: t('surveys.campaign.period'), children: t('surveys.campaign.periodValue', { start: campaign.startDate, end: campaign.endDate }) },
            { key: 'owner', label: t('surveys.campaign.owner'), children: campaign.ownerName ?? t('common.none') },
            { key: 'filter', label: t('surveys.campaign.targets'), children: filterText(t, campaign.filter, campaign.filterOwnerName), span: 'filled' },
            ...(campaign.startedAt ? [{ key: 'started', label: t('surveys.campaign.startedAt'), children: formatDateTime(campaign.startedAt) }] : []),
            ...(campaign.closedAt ? [{ key: 'closed', label: t('surveys.campaign.closedAt'), children: formatDateTime(campaign.closedAt) }] : []),
            ...(campaign.description ? [{ key: 'desc', label: t('surveys.campaign.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{campaign.description}</span>, span: 'filled' as const }] : []),
          ]}
        />
        {started ? (
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams(k === 'results' ? {} : { tab: k }, { replace: true })}
            items={[
              { key: 'results', label: t('surveys.tabs.results'), children: <ResultsPanel campaignId={campaign.id} /> },
              { key: 'targets', label: t('surveys.tabs.targets'), children: <TargetsPanel campaign={campaign} /> },
              { key: 'plans', label: t('surveys.tabs.plans'), children: <PlansPanel campaign={campaign} /> },
            ]}
          />
        ) : (
          <Alert type="info" showIcon title={t('surveys.campaign.draftHint')} />
        )}
      </Flex>
    </PageContainer>
  );
}

/** /surveys/campaigns/:id — one campaign: summary with charts, targets and links, improvement plans. */
export default function CampaignPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const campaign = useCampaign(id);
  return (
    <RecordGate id={id} query={campaign}>
      {(c) => <CampaignView campaign={c} />}
    </RecordGate>
  );
}
