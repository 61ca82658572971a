import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan, useCurrentUser } from '../auth/hooks';
import { OwnerSelect } from '../customers/OwnerSelect';
import { ProspectBoard } from './ProspectBoard';
import { ProspectFormModal } from './ProspectFormModal';
import { useProspects } from './hooks';
import { CHANNELS, STAGES, STAGE_COLOR, channelLabel, formatWan, stageLabel } from './labels';
import type { Channel, Prospect, Stage, StageSummary } from '../../api/contract/development';

const SORTS = ['updatedAt', 'createdAt', 'stageChangedAt', 'expectedAmount', 'companyName'];

export type ProspectView = 'board' | 'list';

/** 潜在客户: kanban by stage (drag, or the move buttons on each card) and a list, with per-stage counts and sums. */
export default function ProspectsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  // Anyone who sees more than their own prospects can filter by owner.
  const seesOthers = me.scope !== 'own';
  // The page's state lives in the address (?view=list&channel=…&page=2), so "back" returns to the same view.
  const list = useListState(
    [
      { name: 'q', kind: 'text', label: t('development.prospects.searchLabel'), placeholder: t('development.prospects.search'), width: 240, search: true, live: true },
      { name: 'ownerId', kind: 'number', label: t('development.fields.owner'), hidden: !seesOthers, input: <OwnerSelect style={{ width: isMobile ? '100%' : 180 }} /> },
      { name: 'channel', kind: 'select', allowed: CHANNELS, label: t('development.fields.channel'), width: 140, options: CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) })) },
      { name: 'stage', kind: 'select', allowed: STAGES, label: t('development.fields.stage'), width: 140, options: STAGES.map((s) => ({ value: s, label: stageLabel(t, s) })) },
      { name: 'created', kind: 'dateRange', range: ['createdFrom', 'createdTo'], label: t('development.prospects.dateRange') },
    ],
    { sortable: SORTS },
  );
  const view: ProspectView = list.params.get('view') === 'list' ? 'list' : 'board';
  const f = list.state.filters;
  const common = { q: f.q, ownerId: f.ownerId ? Number(f.ownerId) : undefined, channel: f.channel as Channel | undefined, createdFrom: f.createdFrom, createdTo: f.createdTo };
  const listed = useProspects({ ...common, stage: f.stage as Stage | undefined, sort: list.state.sort, page: list.state.page, pageSize: list.state.pageSize }, view === 'list');

  const switchView = (next: ProspectView) => {
    const p = new URLSearchParams(list.params);
    if (next === 'list') p.set('view', 'list');
    else p.delete('view');
    // The board has a column per stage: a stage filter belongs to the list only.
    for (const k of ['stage', 'page']) p.delete(k);
    list.setParams(p);
  };

  return (
    <PageContainer
      title={t('development.prospects.title')}
      extra={
        <>
          <Segmented<ProspectView>
            aria-label={t('development.prospects.viewLabel')}
            value={view}
            onChange={switchView}
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
      <ListPage<Prospect>
        emptyHint={{ description: t('development.prospects.emptyHint.description'), action: can('development.write') ? { label: t('development.prospects.emptyHint.action'), onClick: () => setCreating(true) } : null }}
        list={{ ...list, specs: list.specs.map((s) => (s.name === 'stage' ? { ...s, hidden: view !== 'list' } : s)) }}
        formName="prospectFilters"
        query={listed}
        columns={prospectColumns(t)}
        reset
        empty={t('development.prospects.empty')}
        replaceTable={view === 'board' ? <ProspectBoard filters={common} /> : undefined}
        beforeTable={listed.data ? <StageTotals stages={listed.data.stages} current={f.stage as Stage | undefined} onPick={(stage) => list.setFilters({ stage })} /> : null}
      />
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

function prospectColumns(t: TFunction): ListColumn<Prospect>[] {
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return [
    { key: 'companyName', title: t('development.fields.companyName'), dataIndex: 'companyName', width: 220, sorter: true, render: (v: string, r) => <Link to={`/development/prospects/${r.id}`}>{v}</Link> },
    { key: 'contactName', title: t('development.fields.contactName'), dataIndex: 'contactName', width: 100, render: (v: string | null) => v || none },
    { key: 'phone', title: t('development.fields.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v || none },
    { key: 'channel', title: t('development.fields.channel'), dataIndex: 'channel', width: 110, render: (v: string) => channelLabel(t, v) },
    { key: 'stage', title: t('development.fields.stage'), dataIndex: 'stage', width: 110, render: (v: Stage) => <Tag color={STAGE_COLOR[v]}>{stageLabel(t, v)}</Tag> },
    { key: 'expectedAmount', title: t('development.fields.expectedAmount'), dataIndex: 'expectedAmount', width: 130, align: 'right', sorter: true, render: (v: number | null) => (v === null ? none : formatWan(v)) },
    { key: 'owner', title: t('development.fields.owner'), dataIndex: 'ownerName', width: 100, render: (v: string | null) => v || none },
    { key: 'nextStep', title: t('development.fields.nextStep'), dataIndex: 'nextStep', width: 200, ellipsis: true, render: (v: string | null) => v || none },
    { key: 'stageChangedAt', title: t('development.fields.stageChangedAt'), dataIndex: 'stageChangedAt', width: 150, sorter: true, render: (v: string) => formatDateTime(v) },
    { key: 'createdAt', title: t('development.fields.createdAt'), dataIndex: 'createdAt', width: 150, sorter: true, render: (v: string) => formatDateTime(v) },
  ];
}
