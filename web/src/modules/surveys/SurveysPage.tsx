import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useCampaigns, useTemplateAction, useTemplates } from './hooks';
import { CAMPAIGN_COLOR, TEMPLATE_COLOR, campaignPath, figure, label, percent, templatePath } from './labels';
import { CAMPAIGN_STATUSES, type CampaignSummary, type TemplateSummary } from '../../api/contract/surveys';

function CampaignsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState([
    { name: 'q', kind: 'text', label: t('common.search'), width: 220, search: true },
    { name: 'status', kind: 'select', allowed: CAMPAIGN_STATUSES, label: t('surveys.campaign.status'), width: 140, options: CAMPAIGN_STATUSES.map((s) => ({ value: s, label: label(t, 'campaignStatus', s) })) },
  ]);
  const campaigns = useCampaigns({ q: list.state.filters.q, status: list.state.filters.status, page: list.state.page, pageSize: list.state.pageSize });
  const yearly = campaigns.data?.yearly;

  const columns: ListColumn<CampaignSummary>[] = [
    { key: 'title', title: t('surveys.campaign.title'), dataIndex: 'title', width: 200, render: (v: string, r) => <Link to={campaignPath(r.id)}>{v}</Link> },
    { key: 'template', title: t('surveys.campaign.template'), width: 170, render: (_, r) => t('surveys.template.nameVersion', { name: r.templateName, version: r.templateVersionNo }) },
    { key: 'status', title: t('surveys.campaign.status'), dataIndex: 'status', width: 80, render: (v: CampaignSummary['status']) => <Tag color={CAMPAIGN_COLOR[v]}>{label(t, 'campaignStatus', v)}</Tag> },
    { key: 'period', title: t('surveys.campaign.period'), width: 180, render: (_, r) => t('surveys.campaign.periodValue', { start: r.startDate, end: r.endDate }) },
    { key: 'targets', title: t('surveys.results.targets'), dataIndex: 'targets', width: 80, align: 'right' },
    { key: 'responses', title: t('surveys.results.responses'), dataIndex: 'responses', width: 70, align: 'right' },
    { key: 'responseRate', title: t('surveys.results.responseRate'), dataIndex: 'responseRate', width: 80, align: 'right', render: (v: number | null) => percent(v) },
    { key: 'index', title: t('surveys.results.index'), dataIndex: 'index', width: 100, align: 'right', render: (v: number | null) => figure(v) },
  ];

  return (
    <Flex vertical gap={12}>
      {yearly ? (
        <Alert
          type={yearly.missing > 0 ? 'warning' : 'success'}
          showIcon
          title={t(yearly.missing > 0 ? 'surveys.yearly.missing' : 'surveys.yearly.ok', { year: yearly.year, started: yearly.started, required: yearly.required, missing: yearly.missing })}
        />
      ) : null}
      <ListPage<CampaignSummary>
        emptyHint={{ description: t('surveys.emptyHint.description'), action: can('surveys.manage') ? { label: t('surveys.emptyHint.action'), onClick: () => navigate('/surveys/campaigns/new') } : null }}
        list={list}
        formName="survey-campaign-filters"
        query={campaigns}
        columns={columns}
        card={false}
        filterExtra={
          can('surveys.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/surveys/campaigns/new')}>
              {t('surveys.campaign.new')}
            </Button>
          ) : null
        }
        tableProps={{ size: 'large', scroll: { x: 960 } }}
      />
    </Flex>
  );
}

function TemplatesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const list = useTemplates();
  const action = useTemplateAction();
  const manages = can('surveys.manage');

  const copy = (r: TemplateSummary) =>
    action.mutate(
      { id: r.id, action: 'copy' },
      {
        onSuccess: (tpl) => {
          void message.success(t('surveys.template.copied'));
          if (tpl) navigate(templatePath(tpl.id));
        },
        onError: notifyError,
      },
    );

  const columns: TableColumnsType<TemplateSummary> = [
    {
      title: t('surveys.template.name'),
      dataIndex: 'name',
      width: 260,
      render: (v: string, r) => (
        <Flex gap={6} align="center" wrap>
          <Link to={templatePath(r.id)}>{v}</Link>
          {r.builtin ? <Tag>{t('surveys.template.builtin')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('surveys.template.version'), dataIndex: 'versionNo', width: 80, render: (v: number) => `v${v}` },
    { title: t('surveys.template.status'), dataIndex: 'status', width: 90, render: (v: TemplateSummary['status']) => <Tag color={TEMPLATE_COLOR[v]}>{label(t, 'templateStatus', v)}</Tag> },
    { title: t('surveys.template.questions'), dataIndex: 'questionCount', width: 80, align: 'right' },
    { title: t('surveys.template.description'), dataIndex: 'description', width: 260, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
    { title: t('surveys.template.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatDateTime(v) },
    ...(manages
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r: TemplateSummary) => (
              <Button size="small" icon={<CopyOutlined />} onClick={() => copy(r)} aria-label={t('surveys.template.copyNamed', { name: r.name })}>
                {t('surveys.template.copy')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      {manages ? (
        <Flex justify="flex-end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/surveys/templates/new')}>
            {t('surveys.template.new')}
          </Button>
        </Flex>
      ) : null}
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TemplateSummary> rowKey="id" columns={columns} dataSource={list.data?.items} loading={list.isFetching} scroll={{ x: 1000 }} pagination={false} />
      )}
    </Flex>
  );
}

/** 满意度调查 (docs/regulations.md §11): campaigns and questionnaire templates, each in a tab (?tab=templates). */
export default function SurveysPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'templates' ? 'templates' : 'campaigns';
  return (
    <PageContainer title={t('surveys.title')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'templates' ? { tab: k } : {}, { replace: true })}
        items={[
          { key: 'campaigns', label: t('surveys.tabs.campaigns'), children: <CampaignsTab /> },
          { key: 'templates', label: t('surveys.tabs.templates'), children: <TemplatesTab /> },
        ]}
      />
    </PageContainer>
  );
}
