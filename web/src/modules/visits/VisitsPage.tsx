import { FileTextOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Visit } from '../../api/contract/visits';
import { formatDateTime } from '../../components/format';
import { type ListColumn, ListPage, useListState } from '../../components/ListPage';
import { PageContainer } from '../../components/PageContainer';
import { useCan } from '../auth/hooks';
import { useVisits } from './hooks';

const KINDS = ['record', 'call'] as const;
const METHODS = ['on_site', 'phone', 'email'] as const;
const SATISFACTION = ['good', 'fairly_good', 'average', 'poor', 'very_poor'] as const;

/** /visits — visit records and phone calls within scope, newest first, with filters kept in the address. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState([
    { name: 'q', kind: 'text', ariaLabel: t('visits.list.search'), placeholder: t('visits.list.search'), width: 240, search: true },
    { name: 'kind', kind: 'select', allowed: KINDS, label: t('visits.list.kind'), width: 120, options: KINDS.map((k) => ({ value: k, label: t(`visits.kinds.${k}`) })) },
    { name: 'method', kind: 'select', allowed: METHODS, label: t('visits.list.method'), width: 120, options: METHODS.map((m) => ({ value: m, label: t(`visits.methods.${m}`) })) },
    { name: 'satisfaction', kind: 'select', allowed: SATISFACTION, label: t('visits.list.satisfaction'), width: 110, options: SATISFACTION.map((s) => ({ value: s, label: t(`visits.satisfaction.${s}`) })) },
    { name: 'date', kind: 'dateRange', range: ['from', 'to'], label: t('visits.list.dateRange') },
  ]);
  const f = list.state.filters;
  const visits = useVisits({ q: f.q, kind: f.kind, method: f.method, satisfaction: f.satisfaction, from: f.from, to: f.to, page: list.state.page, pageSize: list.state.pageSize });
  const none = <Typography.Text type="secondary">{t('visits.none')}</Typography.Text>;
  const columns: ListColumn<Visit>[] = [
    { key: 'visitedAt', title: t('visits.fields.visitedAt'), dataIndex: 'visitedAt', width: 150, render: (v: string, r) => <Link to={`/visits/${r.id}`}>{formatDateTime(v)}</Link> },
    { key: 'customer', title: t('visits.fields.customer'), dataIndex: 'customerName', width: 220, render: (v: string, r) => <Link to={`/customers/${r.customerId}?tab=visits`}>{v}</Link> },
    { key: 'kind', title: t('visits.fields.kind'), dataIndex: 'kind', width: 100, render: (v: Visit['kind']) => <Tag color={v === 'call' ? 'purple' : 'blue'}>{t(`visits.kinds.${v}`)}</Tag> },
    { key: 'method', title: t('visits.fields.method'), dataIndex: 'method', width: 100, render: (v: Visit['method']) => t(`visits.methods.${v}`) },
    { key: 'satisfaction', title: t('visits.fields.satisfaction'), dataIndex: 'satisfaction', width: 100, render: (v: Visit['satisfaction']) => (v ? t(`visits.satisfaction.${v}`) : none) },
    { key: 'points', title: t('visits.fields.points'), dataIndex: 'points', width: 260, ellipsis: true, render: (v: string | null) => v || none },
    { key: 'nextDate', title: t('visits.fields.nextDate'), dataIndex: 'nextDate', width: 110, render: (v: string | null) => v ?? none },
    { key: 'visitor', title: t('visits.fields.visitor'), dataIndex: 'visitorName', width: 100, render: (v: string | null) => v ?? none },
  ];
  return (
    <PageContainer
      title={t('visits.list.title')}
      extra={
        <Space wrap>
          <Link to="/visits/daily">
            <Button icon={<FileTextOutlined aria-hidden />}>{t('visits.list.daily')}</Button>
          </Link>
          {can('visits.record') ? (
            <>
              <Link to="/visits/new?kind=call">
                <Button icon={<PhoneOutlined aria-hidden />}>{t('visits.list.newCall')}</Button>
              </Link>
              <Link to="/visits/new">
                <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                  {t('visits.list.newRecord')}
                </Button>
              </Link>
            </>
          ) : null}
        </Space>
      }
    >
      <ListPage<Visit> list={list} formName="visitFilters" query={visits} columns={columns} empty={t('visits.list.empty')} emptyHint={{ description: t('visits.list.emptyHint'), action: can('visits.record') ? { label: t('visits.list.emptyAction'), onClick: () => navigate('/visits/new') } : null }} noMatch={t('visits.list.noMatch')} reset tableProps={{ scroll: { x: 1200 } }} />
    </PageContainer>
  );
}
