import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan, useCurrentUser } from '../auth/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { ProspectBoard } from './ProspectBoard';
import { ProspectFormModal } from './ProspectFormModal';
import { type ProspectFilters, useProspects } from './hooks';
import { CHANNELS, STAGES, STAGE_COLOR, channelLabel, formatWan, stageLabel } from './labels';
import type { Channel, Prospect, Stage, StageSummary } from '../../api/contract/development';

const ISO = 'YYYY-MM-DD';
const SEARCH_DELAY_MS = 300;
const SORTS = ['updatedAt', 'createdAt', 'stageChangedAt', 'expectedAmount', 'companyName'];
const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

export type ProspectView = 'board' | 'list';

/** The page's state lives in the address (?view=board&channel=…&page=2), so "back" returns to the same view. */
function fromParams(p: URLSearchParams): ProspectFilters & { view: ProspectView } {
  const channel = p.get('channel');
  const stage = p.get('stage');
  const sort = p.get('sort');
  const date = (v: string | null) => (v && dayjs(v, ISO, true).isValid() ? v : undefined);
  return {
    view: p.get('view') === 'list' ? 'list' : 'board',
    q: p.get('q') || undefined,
    ownerId: int(p.get('ownerId')),
    channel: channel && (CHANNELS as string[]).includes(channel) ? (channel as Channel) : undefined,
    stage: stage && (STAGES as string[]).includes(stage) ? (stage as Stage) : undefined,
    createdFrom: date(p.get('createdFrom')),
    createdTo: date(p.get('createdTo')),
    sort: sort && SORTS.includes(sort.replace(/^-/, '')) ? sort : undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function toParams(f: ProspectFilters & { view: ProspectView }): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view === 'list') p.set('view', 'list');
  for (const k of ['q', 'ownerId', 'channel', 'stage', 'createdFrom', 'createdTo', 'sort'] as const) if (f[k] !== undefined) p.set(k, String(f[k]));
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

interface FilterValues {
  q?: string;
  ownerId?: number;
  channel?: Channel;
  stage?: Stage;
  created?: [Dayjs | null, Dayjs | null] | null;
}

/** 潜在客户: kanban by stage (drag, or the move buttons on each card) and a list, with per-stage counts and sums. */
export default function ProspectsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => fromParams(params), [params]);
  const [form] = Form.useForm<FilterValues>();
  const [creating, setCreating] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const composing = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The address can change without the form (back / forward, saved links): show what is filtered.
  useEffect(() => {
    form.setFieldsValue({
      q: filters.q,
      ownerId: filters.ownerId,
      channel: filters.channel,
      stage: filters.stage,
      created: filters.createdFrom || filters.createdTo ? [filters.createdFrom ? dayjs(filters.createdFrom) : null, filters.createdTo ? dayjs(filters.createdTo) : null] : null,
    });
  }, [filters, form]);

  const update = (patch: Partial<ProspectFilters & { view: ProspectView }>, replace = true) => {
    const next = toParams({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace });
  };

  const applyForm = () => {
    clearTimeout(timer.current);
    const v = form.getFieldsValue();
    update({
      q: v.q?.trim() || undefined,
      ownerId: v.ownerId ?? undefined,
      channel: v.channel ?? undefined,
      stage: v.stage ?? undefined,
      createdFrom: v.created?.[0]?.format(ISO),
      createdTo: v.created?.[1]?.format(ISO),
    });
  };
  const applySoon = () => {
    clearTimeout(timer.current);
    if (composing.current) return;
    timer.current = setTimeout(applyForm, SEARCH_DELAY_MS);
  };

  // Anyone who sees more than their own prospects can filter by owner.
  const seesOthers = me.scope !== 'own';

  return (
    <PageContainer
      title={t('development.prospects.title')}
      extra={
        <>
          <Segmented<ProspectView>
            aria-label={t('development.prospects.viewLabel')}
            value={filters.view}
            onChange={(view) => update({ view, stage: undefined }, false)}
            options={[
              { value: 'board', label: t('development.prospects.board'), icon: <AppstoreOutlined aria-hidden /> },
              { value: 'list', label: t('development.prospects.list'), icon: <UnorderedListOutlined aria-hidden /> },
            ]}
          />
          {can('development.write') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('development.prospects.new')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<FilterValues> form={form} name="prospectFilters" layout={isMobile ? 'vertical' : 'inline'} onValuesChange={(changed) => ('q' in changed ? applySoon() : applyForm())}>
          <Form.Item name="q" label={t('development.prospects.searchLabel')}>
            <Input.Search
              allowClear
              placeholder={t('development.prospects.search')}
              onSearch={applyForm}
              style={{ width: isMobile ? '100%' : 240 }}
              onCompositionStart={() => {
                composing.current = true;
              }}
              onCompositionEnd={() => {
                composing.current = false;
                applySoon();
              }}
            />
          </Form.Item>
          {seesOthers ? (
            <Form.Item name="ownerId" label={t('development.fields.owner')}>
              <OwnerSelect style={{ width: isMobile ? '100%' : 180 }} />
            </Form.Item>
          ) : null}
          <Form.Item name="channel" label={t('development.fields.channel')}>
            <Select allowClear placeholder={t('common.all')} style={{ width: isMobile ? '100%' : 140 }} options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
          </Form.Item>
          {filters.view === 'list' ? (
            <Form.Item name="stage" label={t('development.fields.stage')}>
              <Select allowClear placeholder={t('common.all')} style={{ width: isMobile ? '100%' : 140 }} options={STAGES.map((s) => ({ value: s, label: stageLabel(t, s) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="created" label={t('development.prospects.dateRange')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={isMobile ? { width: '100%' } : undefined} />
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                update({ q: undefined, ownerId: undefined, channel: undefined, stage: undefined, createdFrom: undefined, createdTo: undefined });
              }}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {filters.view === 'board' ? (
        <ProspectBoard filters={{ q: filters.q, ownerId: filters.ownerId, channel: filters.channel, createdFrom: filters.createdFrom, createdTo: filters.createdTo }} />
      ) : (
        <ProspectList filters={filters} update={update} />
      )}
      <ProspectFormModal open={creating} prospect={null} onClose={() => setCreating(false)} onCreated={(p) => navigate(`/development/prospects/${p.id}`)} />
    </PageContainer>
  );
}

/** One line of per-stage counts and expected-amount sums above the list; a click filters by the stage. */
function StageTotals({ stages, current, onPick }: { stages: StageSummary[]; current?: Stage; onPick: (s: Stage | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} role="group" aria-label={t('development.prospects.totalsLabel')}>
      {stages.map((s) => (
        <Button key={s.stage} size="small" type={current === s.stage ? 'primary' : 'default'} aria-pressed={current === s.stage} onClick={() => onPick(current === s.stage ? undefined : s.stage)}>
          {stageLabel(t, s.stage)} · {t('development.prospects.stageSummary', { count: s.count, amount: formatWan(s.expectedAmount) })}
        </Button>
      ))}
    </Flex>
  );
}

function ProspectList({ filters, update }: { filters: ProspectFilters; update: (patch: Partial<ProspectFilters>, replace?: boolean) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { view: _view, ...query } = filters as ProspectFilters & { view?: string };
  const list = useProspects(query);
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const sortOf = (field: string) => (filters.sort === field ? 'ascend' : filters.sort === `-${field}` ? 'descend' : null);

  const columns: TableColumnsType<Prospect> = [
    {
      title: t('development.fields.companyName'),
      dataIndex: 'companyName',
      width: 220,
      sorter: true,
      sortOrder: sortOf('companyName'),
      render: (v: string, r) => <Link to={`/development/prospects/${r.id}`}>{v}</Link>,
    },
    { title: t('development.fields.contactName'), dataIndex: 'contactName', width: 100, render: (v: string | null) => v || none },
    { title: t('development.fields.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v || none },
    { title: t('development.fields.channel'), dataIndex: 'channel', width: 110, render: (v: string) => channelLabel(t, v) },
    { title: t('development.fields.stage'), dataIndex: 'stage', width: 110, render: (v: Stage) => <Tag color={STAGE_COLOR[v]}>{stageLabel(t, v)}</Tag> },
    {
      title: t('development.fields.expectedAmount'),
      dataIndex: 'expectedAmount',
      width: 130,
      align: 'right',
      sorter: true,
      sortOrder: sortOf('expectedAmount'),
      render: (v: number | null) => (v === null ? none : formatWan(v)),
    },
    { title: t('development.fields.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    { title: t('development.fields.nextStep'), dataIndex: 'nextStep', width: 200, ellipsis: true, render: (v: string | null) => v || none },
    { title: t('development.fields.stageChangedAt'), dataIndex: 'stageChangedAt', width: 150, sorter: true, sortOrder: sortOf('stageChangedAt'), render: (v: string) => formatDateTime(v) },
    { title: t('development.fields.createdAt'), dataIndex: 'createdAt', width: 150, sorter: true, sortOrder: sortOf('createdAt'), render: (v: string) => formatDateTime(v) },
  ];
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card size={isMobile ? 'small' : 'default'}>
      {list.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
      {list.data ? <StageTotals stages={list.data.stages} current={filters.stage} onPick={(stage) => update({ stage })} /> : null}
      <Table<Prospect>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: scrollX }}
        locale={{ emptyText: t('development.prospects.empty') }}
        onChange={(pagination, _f, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = typeof s?.field === 'string' ? s.field : undefined;
            update({ sort: s?.order && field ? `${s.order === 'descend' ? '-' : ''}${field}` : undefined }, false);
            return;
          }
          if (extra.action !== 'paginate') return;
          const pageSize = pagination.pageSize ?? filters.pageSize;
          update({ page: pageSize !== filters.pageSize ? 1 : (pagination.current ?? 1), pageSize }, false);
        }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
