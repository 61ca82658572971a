import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { IndividualCustomer } from '../../api/contract/customers';
import { useIsMobile } from '../../app/useIsMobile';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { type IndividualFilters, useIndividuals } from './hooks';
import { IndividualFormModal } from './IndividualFormModal';
import { INITIALS, genderLabel } from './labels';
import { RevealIndividualValue } from './RevealIndividualValue';

const SEARCH_DELAY_MS = 300;

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The list's state lives in the address (?q=&initial=Z&page=2), like the customer list. */
function filtersFromParams(p: URLSearchParams): IndividualFilters {
  const initial = p.get('initial')?.toUpperCase();
  return {
    q: p.get('q') || undefined,
    initial: initial && INITIALS.includes(initial) ? initial : undefined,
    page: int(p.get('page')) ?? 1,
    pageSize: int(p.get('pageSize')) ?? 20,
  };
}

function paramsFromFilters(f: IndividualFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.initial) p.set('initial', f.initial);
  if (f.page !== 1) p.set('page', String(f.page));
  if (f.pageSize !== 20) p.set('pageSize', String(f.pageSize));
  return p;
}

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
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const list = useIndividuals(filters);
  const [form] = Form.useForm<{ q?: string }>();
  const [editing, setEditing] = useState<{ open: boolean; individual: IndividualCustomer | null }>({ open: false, individual: null });
  const canEdit = can('customers.update');
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  // The search applies after a pause in typing (and at once on Enter); an IME composition is not a search yet.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const composing = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The address can change without the box (back / forward): show what is searched.
  useEffect(() => {
    if ((form.getFieldValue('q') ?? '').trim() !== (filters.q ?? '')) form.setFieldsValue({ q: filters.q });
  }, [filters.q, form]);

  const update = (patch: Partial<IndividualFilters>, replace = true) => {
    const next = paramsFromFilters({ ...filters, page: 1, ...patch });
    if (next.toString() !== params.toString()) setParams(next, { replace });
  };

  const applySearch = () => {
    clearTimeout(timer.current);
    update({ q: (form.getFieldValue('q') as string | undefined)?.trim() || undefined });
  };

  const applySoon = () => {
    clearTimeout(timer.current);
    if (composing.current) return;
    timer.current = setTimeout(applySearch, SEARCH_DELAY_MS);
  };

  const counts = useMemo(() => new Map((list.data?.initials ?? []).map((i) => [i.initial, i.count])), [list.data?.initials]);
  const items = list.data?.items ?? [];

  // Rows of the same initial are one block: the letter cell spans them (the server sorts by initial, then pinyin).
  const spans = items.map((row, i) => {
    if (i > 0 && items[i - 1].initial === row.initial) return 0;
    let n = 1;
    while (i + n < items.length && items[i + n].initial === row.initial) n++;
    return n;
  });

  const columns: TableColumnsType<IndividualCustomer> = [
    {
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
    { title: t('individuals.name'), dataIndex: 'name', width: 100, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('individuals.gender'), dataIndex: 'gender', width: 72, render: (v: string | null) => (v ? genderLabel(t, v) : none) },
    { title: t('individuals.birthday'), dataIndex: 'birthday', width: 100, render: (v: string | null) => v || none },
    { title: t('individuals.nationality'), dataIndex: 'nationality', width: 100, render: (v: string | null) => v || none },
    {
      title: t('individuals.mobile'),
      dataIndex: 'mobile',
      width: 150,
      render: (v: string | null, r) => <RevealIndividualValue individualId={r.id} field="mobile" masked={v} label={`${r.name} ${t('individuals.mobile')}`} />,
    },
    {
      title: t('individuals.idNumber'),
      dataIndex: 'idNumber',
      width: 200,
      render: (v: string | null, r) => <RevealIndividualValue individualId={r.id} field="idNumber" masked={v} label={`${r.name} ${t('individuals.idNumber')}`} />,
    },
    { title: t('individuals.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v || none },
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
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 100), 0);

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
      <Card size={isMobile ? 'small' : 'default'}>
        <Form form={form} name="individualFilters" layout={isMobile ? 'vertical' : 'inline'} initialValues={{ q: filters.q }} style={{ marginBottom: 12 }} onValuesChange={applySoon}>
          <Form.Item label={t('individuals.searchLabel')} name="q">
            <Input.Search
              placeholder={t('individuals.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
              onSearch={applySearch}
              style={{ width: isMobile ? '100%' : 420 }}
              onCompositionStart={() => {
                composing.current = true;
              }}
              onCompositionEnd={() => {
                composing.current = false;
                applySoon();
              }}
            />
          </Form.Item>
        </Form>
        <InitialBar counts={counts} value={filters.initial} onChange={(initial) => update({ initial })} />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            {list.isError ? <Alert type="error" showIcon title={t('errors.loadFailed')} style={{ marginBottom: 12 }} /> : null}
            <Table<IndividualCustomer>
              rowKey="id"
              size="middle"
              bordered
              columns={columns}
              dataSource={items}
              loading={list.isFetching}
              scroll={{ x: scrollX }}
              locale={{ emptyText: filters.q || filters.initial ? t('individuals.noMatch') : t('individuals.empty') }}
              onChange={(pagination, _f, _s, extra) => {
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
          </>
        )}
      </Card>
      <IndividualFormModal open={editing.open} individual={editing.individual} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </PageContainer>
  );
}
