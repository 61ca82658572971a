import { EditOutlined, EyeOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyFieldErrors } from '../../api/client';
import { useIsMobile } from '../../app/useIsMobile';
import { useDescribeError, useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/status';
import { type TargetFilters, useEnterResponse, useIssueLinks, useResponses, useTargets } from './hooks';
import { LINK_COLOR, figure, label } from './labels';
import { type AnswerValues, QuestionnaireFields, toAnswerInputs } from './QuestionnaireForm';
import { type Campaign, type IssuedLink, STAFF_CHANNELS, type StaffChannel, type Target } from '../../api/contract/surveys';

type EntryValues = AnswerValues & { channel: StaffChannel; respondentName?: string; answeredAt?: Dayjs | null };

/** Answers taken down by staff from a phone call, fax, meeting … (point 9). */
function EntryDialog({ campaign, target, onClose }: { campaign: Campaign; target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [form] = Form.useForm<EntryValues>();
  const enter = useEnterResponse(campaign.id);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = (v: EntryValues) => {
    if (!target) return;
    setError(null);
    enter.mutate(
      {
        targetId: target.id,
        channel: v.channel,
        respondentName: v.respondentName?.trim() || null,
        answeredAt: v.answeredAt ? v.answeredAt.toISOString() : null,
        answers: toAnswerInputs(campaign.definition, v),
      },
      {
        onSuccess: () => {
          void message.success(t('surveys.targets.entered', { name: target.customerName }));
          close();
        },
        onError: (err) => {
          if (!applyFieldErrors(form, err)) setError(describe(err));
        },
      },
    );
  };
  return (
    <FormModal<EntryValues>
      name="survey-entry"
      title={target ? t('surveys.targets.enterTitle', { name: target.customerName }) : ''}
      open={!!target}
      form={form}
      onCancel={close}
      onFinish={submit}
      loading={enter.isPending}
      error={error}
      initialValues={{ channel: 'phone' }}
      width={860}
    >
      <Flex gap={16} wrap>
        <Form.Item name="channel" label={t('surveys.targets.channel')} rules={[{ required: true, message: t('common.required') }]} style={{ minWidth: 160 }}>
          <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: label(t, 'channel', c) }))} />
        </Form.Item>
        <Form.Item name="respondentName" label={t('surveys.targets.respondent')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="answeredAt" label={t('surveys.targets.answeredAt')} extra={t('surveys.targets.answeredAtHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
      </Flex>
      <QuestionnaireFields definition={campaign.definition} bordered={false} />
    </FormModal>
  );
}

/** A response as answered, question by question. */
function ResponseDialog({ campaign, target, onClose }: { campaign: Campaign; target: Target | null; onClose: () => void }) {
  const { t } = useTranslation();
  const response = useResponses(campaign.id, target?.id, !!target);
  const r = response.data?.items[0];
  const byKey = new Map((r?.answers ?? []).map((a) => [a.key, a]));
  const show = (key: string, type: string) => {
    const a = byKey.get(key);
    if (!a) return <Typography.Text type="secondary">{t('surveys.targets.unanswered')}</Typography.Text>;
    if (type === 'scale') return a.score ? t(`surveys.scale.${a.score}`) : '';
    if (type === 'text') return <span style={{ whiteSpace: 'pre-wrap' }}>{a.text}</span>;
    return `${(a.choices ?? []).join(t('common.listSeparator'))}${a.text ? t('common.note', { note: a.text }) : ''}`;
  };
  return (
    <Modal open={!!target} onCancel={onClose} footer={null} width={760} title={target ? t('surveys.targets.responseTitle', { name: target.customerName }) : ''} destroyOnHidden>
      {response.isError ? <LoadError error={response.error} /> : null}
      {r ? (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'channel', label: t('surveys.targets.channel'), children: label(t, 'channel', r.channel) },
              { key: 'at', label: t('surveys.targets.answeredAt'), children: formatDateTime(r.answeredAt) },
              { key: 'who', label: t('surveys.targets.respondent'), children: r.respondentName ?? t('common.none') },
              { key: 'by', label: t('surveys.targets.enteredBy'), children: r.enteredByName ?? t('surveys.targets.byCustomer') },
              { key: 'index', label: t('surveys.results.index'), children: figure(r.index) },
            ]}
          />
          {campaign.definition.sections.map((s, i) => (
            <Descriptions key={i} bordered size="small" column={1} title={s.title} items={s.questions.map((q) => ({ key: q.key, label: q.text, children: show(q.key, q.type) }))} />
          ))}
        </Flex>
      ) : null}
    </Modal>
  );
}

/** Links just issued: shown this once (only their hash is kept), to copy and send to each customer. */
function LinksDialog({ links, onClose }: { links: IssuedLink[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={!!links} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('common.close')} width={820} title={t('surveys.links.title', { count: links?.length ?? 0 })} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('surveys.links.onceHint')} />
      <Table<IssuedLink>
        rowKey="targetId"
        size="small"
        pagination={false}
        dataSource={links ?? []}
        scroll={{ x: 700 }}
        columns={[
          { title: t('surveys.targets.customer'), dataIndex: 'customerName', width: 200 },
          { title: t('surveys.links.url'), dataIndex: 'url', render: (v: string) => <Typography.Text copyable={{ text: v }} style={{ wordBreak: 'break-all' }}>{v}</Typography.Text> },
          { title: t('surveys.links.expires'), dataIndex: 'expiresAt', width: 150, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Modal>
  );
}

/** The campaign's targets in the user's scope: who answered, how, and the personal links. */
export function TargetsPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const notifyError = useNotifyError();
  const [filters, setFilters] = useState<TargetFilters>({ page: 1, pageSize: 20 });
  const list = useTargets(campaign.id, filters);
  const issue = useIssueLinks(campaign.id);
  const [entering, setEntering] = useState<Target | null>(null);
  const [viewing, setViewing] = useState<Target | null>(null);
  const [links, setLinks] = useState<IssuedLink[] | null>(null);
  const respond = campaign.can.respond;
  const issueFor = (ids?: number[]) => issue.mutate(ids, { onSuccess: (r) => setLinks(r.items), onError: notifyError });

  const columns: TableColumnsType<Target> = [
    {
      title: t('surveys.targets.customer'),
      key: 'customer',
      width: 240,
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
          <Typography.Text type="secondary">{r.archiveNo}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('surveys.targets.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('surveys.targets.region'), dataIndex: 'province', width: 90, render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('surveys.targets.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: Target['status']) => <Tag color={v === 'answered' ? 'green' : 'default'}>{label(t, 'targetStatus', v)}</Tag>,
    },
    { title: t('surveys.targets.channel'), dataIndex: 'channel', width: 90, render: (v: string | null) => (v ? label(t, 'channel', v) : t('common.none')) },
    {
      title: t('surveys.targets.link'),
      key: 'link',
      width: 170,
      render: (_, r) => (
        <Flex vertical>
          <span>
            <Tag color={LINK_COLOR[r.link]}>{label(t, 'linkState', r.link)}</Tag>
          </span>
          {r.link === 'active' && r.linkExpiresAt ? <Typography.Text type="secondary">{t('surveys.links.until', { date: formatDateTime(r.linkExpiresAt) })}</Typography.Text> : null}
        </Flex>
      ),
    },
    { title: t('surveys.results.index'), dataIndex: 'index', width: 80, align: 'right', render: (v: number | null) => figure(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, r) =>
        r.status === 'answered' ? (
          <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(r)} aria-label={t('surveys.targets.viewNamed', { name: r.customerName })}>
            {t('surveys.targets.view')}
          </Button>
        ) : respond ? (
          <Flex gap={4} wrap>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEntering(r)} aria-label={t('surveys.targets.enterNamed', { name: r.customerName })}>
              {t('surveys.targets.enter')}
            </Button>
            <Button size="small" icon={<LinkOutlined />} onClick={() => issueFor([r.id])} loading={issue.isPending && issue.variables?.[0] === r.id} aria-label={t('surveys.targets.linkNamed', { name: r.customerName })}>
              {r.link === 'none' ? t('surveys.targets.issueLink') : t('surveys.targets.reissueLink')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Form name="survey-target-filters" layout={isMobile ? 'vertical' : 'inline'} onFinish={(v: { q?: string }) => setFilters((f) => ({ ...f, q: v.q?.trim() || undefined, page: 1 }))}>
          <Form.Item name="q" label={t('common.search')}>
            <Input.Search allowClear onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label={t('surveys.targets.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              value={filters.status}
              onChange={(v?: 'pending' | 'answered') => setFilters((f) => ({ ...f, status: v, page: 1 }))}
              options={(['pending', 'answered'] as const).map((s) => ({ value: s, label: label(t, 'targetStatus', s) }))}
            />
          </Form.Item>
        </Form>
        {respond ? (
          <Button icon={<LinkOutlined />} onClick={() => issueFor(undefined)} loading={issue.isPending && !issue.variables}>
            {t('surveys.targets.issueAll')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Text type="secondary">{t('surveys.targets.scopeNote', { days: campaign.linkExpiryDays })}</Typography.Text>
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Target>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total, onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })) }}
        />
      )}
      <EntryDialog campaign={campaign} target={entering} onClose={() => setEntering(null)} />
      <ResponseDialog campaign={campaign} target={viewing} onClose={() => setViewing(null)} />
      <LinksDialog links={links} onClose={() => setLinks(null)} />
    </Flex>
  );
}

