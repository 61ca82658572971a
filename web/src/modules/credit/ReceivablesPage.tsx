import { Card, Checkbox } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useReceivables } from './hooks';
import { ReceivablesTable } from './receivables';

/** /credit/receivables — 应收账款 within the caller's scope (finance: all), overdue first (docs/regulations.md §5). */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  const list = useReceivables({ overdue, page, pageSize: 20 });
  return (
    <PageContainer
      title={t('credit.receivable.title')}
      extra={
        <Checkbox
          checked={overdue}
          onChange={(e) => {
            setOverdue(e.target.checked);
            setPage(1);
          }}
        >
          {t('credit.receivable.onlyOverdue')}
        </Checkbox>
      }
    >
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <ReceivablesTable
            items={list.data?.items ?? []}
            loading={list.isFetching}
            withCustomer
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          />
        </Card>
      )}
    </PageContainer>
  );
}
