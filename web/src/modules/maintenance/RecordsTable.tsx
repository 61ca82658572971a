import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import type { PlanRecord } from '../../api/contract/maintenance';

const pre = (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;

/** The 客服工作记录表 (also on the customer's 维护方案 tab, with the plan's title). */
export function RecordsTable({ records, loading, withPlan }: { records: PlanRecord[]; loading?: boolean; withPlan?: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PlanRecord> = [
    { title: t('maintenance.record.at'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    ...(withPlan
      ? [{ title: t('maintenance.record.plan'), dataIndex: 'planTitle', width: 200, render: (v: string, r: PlanRecord) => <Link to={`/maintenance-plans/${r.planId}`}>{v}</Link> }]
      : [{ title: t('maintenance.record.customer'), dataIndex: 'customerName', width: 160, render: (v: string | null) => v ?? t('common.none') }]),
    { title: t('maintenance.record.task'), dataIndex: 'taskTitle', width: 160, render: (v: string | null) => v ?? t('common.none') },
    { title: t('maintenance.record.content'), dataIndex: 'content', width: 260, render: (v: string) => pre(v) },
    { title: t('maintenance.record.feedback'), dataIndex: 'feedback', width: 260, render: (v: string) => pre(v) },
    { title: t('maintenance.record.author'), dataIndex: 'authorName', width: 90 },
  ];
  return (
    <Table<PlanRecord>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={records}
      loading={loading}
      pagination={records.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 1070 }}
      locale={{ emptyText: t('maintenance.record.empty') }}
    />
  );
}
