import { DatePicker, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Visit } from '../../api/contract/visits';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useDaily } from './hooks';

/** /visits/daily?date=&userId= — a person's daily visit report (docs/regulations.md §8): the day's records and counts by method. */
export default function DailyReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const userId = params.get('userId') ?? undefined;
  const daily = useDaily({ date, userId });
  const d = daily.data;
  return (
    <PageContainer title={t('visits.daily.title')}>
      <Flex vertical gap={16}>
        <label>
          {t('visits.daily.date')}{' '}
          <DatePicker
            aria-label={t('visits.daily.date')}
            value={dayjs(date)}
            allowClear={false}
            onChange={(v) => {
              const p = new URLSearchParams(params);
              p.set('date', (v ?? dayjs()).format('YYYY-MM-DD'));
              setParams(p, { replace: true });
            }}
          />
        </label>
        {daily.isError ? <LoadError error={daily.error} onRetry={() => void daily.refetch()} /> : null}
        {d ? (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 5 }} bordered>
              <Descriptions.Item label={t('visits.daily.person')}>{d.userName ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('visits.daily.total')}>{d.total}</Descriptions.Item>
              {(['on_site', 'phone', 'email'] as const).map((m) => (
                <Descriptions.Item key={m} label={t(`visits.methods.${m}`)}>
                  {d.byMethod[m]}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Table<Visit>
              rowKey="id"
              size="small"
              dataSource={d.items}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('visits.daily.empty') }}
              columns={[
                { title: t('visits.fields.visitedAt'), dataIndex: 'visitedAt', width: 150, render: (v: string, r) => <Link to={`/visits/${r.id}`}>{formatDateTime(v)}</Link> },
                { title: t('visits.fields.customer'), dataIndex: 'customerName', width: 220 },
                { title: t('visits.fields.kind'), dataIndex: 'kind', width: 100, render: (v: Visit['kind']) => <Tag>{t(`visits.kinds.${v}`)}</Tag> },
                { title: t('visits.fields.method'), dataIndex: 'method', width: 100, render: (v: Visit['method']) => t(`visits.methods.${v}`) },
                { title: t('visits.fields.points'), dataIndex: 'points', ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('visits.none')}</Typography.Text> },
              ]}
            />
          </>
        ) : null}
      </Flex>
    </PageContainer>
  );
}
