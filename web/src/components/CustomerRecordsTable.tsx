import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { LoadError } from './status';

/**
 * A short list of one customer's records for a tab of the customer's page: the module's own columns (the first one
 * links to the record), the module's empty text, the first 20 rows with paging by the caller.
 */
export function CustomerRecordsTable<T extends { id: number }>(props: {
  query: { data?: { items: T[]; total?: number }; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  columns: TableColumnsType<T>;
  empty: ReactNode;
  page?: number;
  onPage?: (page: number) => void;
  label: string;
}) {
  const { query } = props;
  if (query.isError && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      aria-label={props.label}
      columns={props.columns}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      scroll={{ x: 700 }}
      locale={{ emptyText: props.empty }}
      pagination={props.onPage ? { current: props.page ?? 1, pageSize: 20, total: query.data?.total ?? 0, hideOnSinglePage: true, onChange: props.onPage } : false}
    />
  );
}
