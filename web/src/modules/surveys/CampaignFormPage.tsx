import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, applyFieldErrors } from '../../api/client';
import type { CustomerListItem } from '../../api/contract/customers';
import type { Page } from '../../api/contract/platform';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { STATUSES, statusLabel } from '../customers/labels';
import { useCampaign, useSaveCampaign, useTemplates } from './hooks';
import { campaignPath } from './labels';
import type { Campaign, CampaignFilter, CampaignInput } from '../../api/contract/surveys';

const ISO = 'YYYY-MM-DD';

interface Values {
  title: string;
  description?: string;
  templateId?: number;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  filter: CampaignFilter;
}

const clean = (f: CampaignFilter | undefined): CampaignFilter =>
  Object.fromEntries(Object.entries(f ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as CampaignFilter;

/** How many customers of the archive the filter matches now (the same list and scope as /customers). */
function MatchCount({ filter }: { filter: CampaignFilter }) {
  const { t } = useTranslation();
  const can = useCan();
  const f = clean(filter);
  const count = useQuery({
    queryKey: ['customers', 'count', f],
    queryFn: ({ signal }) => api.get('/api/customers', { ...f, page: 1, pageSize: 1 }, signal),
    enabled: can('customers.read'),
    placeholderData: keepPreviousData,
  });
  if (!can('customers.read') || count.data === undefined) return null;
  return (
    <Typography.Text type="secondary" aria-live="polite">
      {t('surveys.campaign.matching', { count: count.data.total })}
    </Typography.Text>
  );
}

function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const [form] = Form.useForm<Values>();
  const templates = useTemplates({ status: 'published' });
  const save = useSaveCampaign();
  const [error, setError] = useState<string | null>(null);
  const filter = Form.useWatch('filter', form) as CampaignFilter | undefined;

  const initial: Partial<Values> = campaign
    ? {
        title: campaign.title,
        description: campaign.description ?? '',
        templateId: campaign.templateId,
        startDate: dayjs(campaign.startDate),
        endDate: dayjs(campaign.endDate),
        filter: campaign.filter,
      }
    : { startDate: dayjs(), endDate: dayjs().add(1, 'month'), filter: {} };

  const submit = (v: Values) => {
    setError(null);
    const body: CampaignInput = {
      title: v.title?.trim(),
      description: v.description?.trim() || null,
      templateId: v.templateId!,
      startDate: v.startDate?.format(ISO) as string,
      endDate: v.endDate?.format(ISO) as string,
      filter: clean(v.filter),
    };
    save.mutate(campaign ? { ...body, id: campaign.id, version: campaign.version } : body, {
      onSuccess: (c) => navigate(campaignPath(c.id), { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError && err.isStaleVersion) setError(t('errors.stale'));
        else if (!applyFieldErrors(form, err)) setError(describe(err));
      },
    });
  };

  return (
    <Form<Values> form={form} name="survey-campaign" layout="vertical" initialValues={initial} onFinish={submit} style={{ maxWidth: 880 }}>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="title" label={t('surveys.campaign.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="templateId" label={t('surveys.campaign.template')} rules={[{ required: true, message: t('common.required') }]} extra={t('surveys.campaign.templateHint')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={templates.isPending}
            options={(templates.data?.items ?? []).map((tp) => ({ value: tp.id, label: t('surveys.template.nameVersion', { name: tp.name, version: tp.versionNo }) }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="startDate" label={t('surveys.campaign.startDate')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={ISO} />
          </Form.Item>
          <Form.Item name="endDate" label={t('surveys.campaign.endDate')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={ISO} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('surveys.campaign.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Card>
      <Card size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{t('surveys.campaign.targets')}</Typography.Title>} extra={<MatchCount filter={filter ?? {}} />}>
        <Typography.Paragraph type="secondary">{t('surveys.campaign.targetsHint')}</Typography.Paragraph>
        <Flex gap={16} wrap>
          <Form.Item name={['filter', 'q']} label={t('surveys.filter.q')} style={{ minWidth: 240 }}>
            <Input maxLength={100} allowClear />
          </Form.Item>
          <Form.Item name={['filter', 'status']} label={t('surveys.filter.status')} style={{ minWidth: 160 }}>
            <Select allowClear options={STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
          </Form.Item>
          <Form.Item name={['filter', 'province']} label={t('surveys.filter.province')}>
            <Input maxLength={30} allowClear />
          </Form.Item>
          <Form.Item name={['filter', 'city']} label={t('surveys.filter.city')}>
            <Input maxLength={30} allowClear />
          </Form.Item>
          <Form.Item name={['filter', 'industry']} label={t('surveys.filter.industry')}>
            <Input maxLength={50} allowClear />
          </Form.Item>
          <Form.Item name={['filter', 'ownerId']} label={t('surveys.filter.owner')} style={{ minWidth: 200 }}>
            <OwnerSelect />
          </Form.Item>
        </Flex>
      </Card>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** /surveys/campaigns/new and /surveys/campaigns/:id/edit (a campaign is editable until it starts). */
export default function CampaignFormPage() {
  const { id: idParam } = useParams();
  const { t } = useTranslation();
  const id = Number(idParam);
  const campaign = useCampaign(idParam ? id : 0);
  if (!idParam) {
    return (
      <PageContainer title={t('surveys.campaign.new')}>
        <CampaignForm />
      </PageContainer>
    );
  }
  return (
    <RecordGate id={id} query={campaign}>
      {(c) => (
        <PageContainer title={t('surveys.campaign.editTitle', { title: c.title })}>
          <CampaignForm campaign={c} />
        </PageContainer>
      )}
    </RecordGate>
  );
}
