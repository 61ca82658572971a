import { Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/status';
import { useCustomerPlans } from './hooks';
import { STATUS_COLOR, formatMoney, planPath, statusLabel } from './labels';
import { RecordsTable } from './RecordsTable';
import type { PlanStatus, PlanSummary } from '../../api/contract/maintenance';

/** 维护方案 tab of the customer's archive page: the plans for this customer and what was done for it (issue 4 §5). */
export function CustomerPlansTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const data = useCustomerPlans(customerId);
  if (data.isError) return <LoadError error={data.error} onRetry={() => void data.refetch()} />;
  const columns: TableColumnsType<PlanSummary> = [
    { title: t('maintenance.fields.title'), dataIndex: 'title', width: 240, render: (v: string, r) => <Link to={planPath(r.id)}>{v}</Link> },
    { title: t('maintenance.fields.status'), dataIndex: 'status', width: 90, render: (v: PlanStatus) => <Tag color={STATUS_COLOR[v]}>{statusLabel(t, v)}</Tag> },
    { title: t('maintenance.fields.period'), key: 'period', width: 200, render: (_, r) => t('maintenance.periodValue', { start: r.startDate, end: r.endDate }) },
    { title: t('maintenance.fields.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? t('common.none') },
    { title: t('maintenance.fields.budget'), dataIndex: 'budget', width: 120, align: 'right', render: (v: number) => formatMoney(v) },
  ];
  return (
    <Flex vertical gap={16}>
      <Table<PlanSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.data?.plans ?? []}
        loading={data.isFetching}
        pagination={false}
        scroll={{ x: 740 }}
        locale={{ emptyText: t('maintenance.customerTab.empty') }}
      />
      <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
        {t('maintenance.customerTab.records')}
      </Typography.Title>
      <RecordsTable records={data.data?.records ?? []} loading={data.isFetching} withPlan />
    </Flex>
  );
}
