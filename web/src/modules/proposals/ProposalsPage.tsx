import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Proposal, ProposalStatus } from '../../api/contract/proposals';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { ProposalFormModal } from './forms';
import { useProposals } from './hooks';
import { PROPOSAL_STATUSES, STATUS_COLOR } from './labels';

/** /proposals — every proposal within scope with its score and status (docs/regulations.md §14). */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const list = useListState([
    { name: 'q', kind: 'text', ariaLabel: t('proposals.search'), placeholder: t('proposals.search'), width: 240, search: true },
    {
      name: 'status',
      kind: 'select',
      allowed: PROPOSAL_STATUSES,
      ariaLabel: t('proposals.fields.status'),
      placeholder: t('proposals.allStatuses'),
      width: 140,
      options: PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`proposals.statuses.${s}`) })),
    },
    {
      name: 'source',
      kind: 'select',
      allowed: ['staff', 'customer'],
      ariaLabel: t('proposals.fields.source'),
      placeholder: t('proposals.allSources'),
      width: 120,
      options: (['staff', 'customer'] as const).map((s) => ({ value: s, label: t(`proposals.sources.${s}`) })),
    },
  ]);
  const f = list.state.filters;
  const proposals = useProposals({ q: f.q, status: f.status as ProposalStatus | undefined, source: f.source as 'staff' | 'customer' | undefined, page: list.state.page, pageSize: list.state.pageSize });
  const none = <Typography.Text type="secondary">{t('proposals.none')}</Typography.Text>;
  const columns: ListColumn<Proposal>[] = [
    { key: 'title', title: t('proposals.fields.title'), dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={`/proposals/${r.id}`}>{v}</Link> },
    { key: 'proposedOn', title: t('proposals.fields.proposedOn'), dataIndex: 'proposedOn', width: 110 },
    {
      key: 'proposer',
      title: t('proposals.fields.proposer'),
      width: 200,
      render: (_, r) => (r.source === 'customer' ? `${r.customerName ?? ''}${r.contactName ? ` · ${r.contactName}` : ''}` : (r.proposerName ?? '')),
    },
    { key: 'source', title: t('proposals.fields.source'), dataIndex: 'source', width: 80, render: (v: 'staff' | 'customer') => t(`proposals.sources.${v}`) },
    { key: 'score', title: t('proposals.fields.score'), dataIndex: 'score', width: 90, align: 'right', render: (v: string | null) => v ?? none },
    { key: 'reviewCount', title: t('proposals.fields.reviewCount'), dataIndex: 'reviewCount', width: 90, align: 'right' },
    { key: 'status', title: t('proposals.fields.status'), dataIndex: 'status', width: 100, render: (v: ProposalStatus) => <Tag color={STATUS_COLOR[v]}>{t(`proposals.statuses.${v}`)}</Tag> },
  ];
  return (
    <PageContainer
      title={t('proposals.title')}
      extra={
        can('proposals.write') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('proposals.new')}
          </Button>
        ) : undefined
      }
    >
      <ListPage<Proposal>
        list={list}
        formName="proposalFilters"
        query={proposals}
        columns={columns}
        emptyHint={{ description: t('proposals.emptyHint'), action: can('proposals.write') ? { label: t('proposals.new'), onClick: () => setCreating(true) } : null }}
        noMatch={t('proposals.empty')}
        tableProps={{ scroll: { x: 1000 } }}
      />
      {creating ? <ProposalFormModal open onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  );
}
