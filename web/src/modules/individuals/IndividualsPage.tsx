import { Link } from 'react-router-dom';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndividualCustomer } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { useIndividuals } from './hooks';
import { IndividualFormModal } from './IndividualFormModal';
import { INITIALS, genderLabel } from './labels';
import { RevealIndividualValue } from './RevealIndividualValue';

/** The A–Z index: letters nobody's name starts with are disabled; 全部 clears the letter. */
function InitialBar({ counts, value, onChange }: { counts: Map<string, number>; value?: string; onChange: (initial: string | undefined) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Flex
      wrap={!isMobile}
      gap={4}
      role="group"
      aria-label={t('individuals.initialBar')}
      // Phones: one row that scrolls sideways instead of four rows of letters above the list.
      style={isMobile ? { marginBottom: 12, overflowX: 'auto', paddingBottom: 6, flexShrink: 0 } : { marginBottom: 12 }}
    >
      <Button size="small" type={value ? 'default' : 'primary'} aria-pressed={!value} onClick={() => onChange(undefined)} style={{ flexShrink: 0 }}>
        {t('common.all')}
      </Button>
      {INITIALS.map((letter) => {
        const n = counts.get(letter) ?? 0;
        const active = value === letter;
        return (
          <Button
            key={letter}
            size="small"
            type={active ? 'primary' : 'default'}
            aria-pressed={active}
            disabled={n === 0 && !active}
            title={t('individuals.initialCount', { initial: letter, count: n })}
            style={{ minWidth: 30, paddingInline: 6, flexShrink: 0 }}
            onClick={() => onChange(active ? undefined : letter)}
          >
            {letter}
          </Button>
        );
      })}
    </Flex>
  );
}

/** 个人客户 (VIP guests): A–Z index, search by name / pinyin / initials / mobile digits, paged on the server. */
export default function IndividualsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  // The state lives in the address (?q=&initial=Z&page=2), like the customer list.
  const list = useListState([
    { name: 'q', kind: 'text', label: t('individuals.searchLabel'), placeholder: t('individuals.searchPlaceholder'), width: 420, search: t('common.search'), live: true },
    { name: 'initial', kind: 'param', allowed: INITIALS },
  ]);
  const { state } = list;
  const individuals = useIndividuals({ q: state.filters.q, initial: state.filters.initial, page: state.page, pageSize: state.pageSize });
  const [editing, setEditing] = useState<{ open: boolean; individual: IndividualCustomer | null }>({ open: false, individual: null });
  const canEdit = can('customers.update');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const counts = useMemo(() => new Map((individuals.data?.initials ?? []).map((i) => [i.initial, i.count])), [individuals.data?.initials]);
  const items = individuals.data?.items ?? [];

  // Rows of the same initial are one block: the letter cell spans them (the server sorts by initial, then pinyin).
  const spans = items.map((row, i) => {
    if (i > 0 && items[i - 1].initial === row.initial) return 0;
    let n = 1;
    while (i + n < items.length && items[i + n].initial === row.initial) n++;
    return n;
  });

  const columns: ListColumn<IndividualCustomer>[] = [
    {
      key: 'initial',
      title: t('individuals.initial'),
      dataIndex: 'initial',
      width: 72,
      align: 'center',
      onCell: (_, i) => ({ rowSpan: spans[i ?? 0] ?? 1 }),
      render: (v: string) => (
        <Typography.Text strong style={{ fontSize: 16 }}>
          {v}
        </Typography.Text>
      ),
    },
    { key: 'name', title: t('individuals.name'), dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={`/individuals/${r.id}`}><Typography.Text strong>{v}</Typography.Text></Link> },
    { key: 'gender', title: t('individuals.gender'), dataIndex: 'gender', width: 72, render: (v: string | null) => (v ? genderLabel(t, v) : none) },
    { key: 'birthday', title: t('individuals.birthday'), dataIndex: 'birthday', width: 100, render: (v: string | null) => v || none },
    { key: 'nationality', title: t('individuals.nationality'), dataIndex: 'nationality', width: 100, render: (v: string | null) => v || none },
    {
      key: 'mobile',
      title: t('individuals.mobile'),
      dataIndex: 'mobile',
      width: 150,
      render: (v: string | null, r) => <RevealIndividualValue individualId={r.id} field="mobile" masked={v} label={`${r.name} ${t('individuals.mobile')}`} />,
    },
    {
      key: 'idNumber',
      title: t('individuals.idNumber'),
      dataIndex: 'idNumber',
      width: 200,
      render: (v: string | null, r) => <RevealIndividualValue individualId={r.id} field="idNumber" masked={v} label={`${r.name} ${t('individuals.idNumber')}`} />,
    },
    { key: 'owner', title: t('individuals.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v || none },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 70,
            fixed: isMobile ? undefined : ('right' as const),
            render: (_: unknown, r: IndividualCustomer) => (
              <Button type="link" size="small" onClick={() => setEditing({ open: true, individual: r })} aria-label={`${t('common.edit')} ${r.name}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('individuals.title')}
      extra={
        can('customers.create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, individual: null })}>
            {t('individuals.create')}
          </Button>
        ) : undefined
      }
    >
      <ListPage<IndividualCustomer>
        list={list}
        formName="individualFilters"
        query={individuals}
        columns={columns}
        empty={t('individuals.empty')}
        emptyHint={{ description: t('individuals.emptyHint'), action: can('customers.create') ? { label: t('individuals.emptyAction'), onClick: () => setEditing({ open: true, individual: null }) } : null }}
        noMatch={t('individuals.noMatch')}
        beforeTable={<InitialBar counts={counts} value={state.filters.initial} onChange={(initial) => list.setFilters({ initial })} />}
        tableProps={{ bordered: true }}
      />
      <IndividualFormModal open={editing.open} individual={editing.individual} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </PageContainer>
  );
}
