import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Radio, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ArchiveLoan } from '../../api/contract/archives';
import { useDescribeError } from '../../components/errors';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { LoanFormModal } from './forms';
import { useLoans, useReturnLoan } from './hooks';

/** 档案借阅登记簿 (docs/regulations.md §1): who borrowed what, when, due back, returned; overdue loans first to see. */
export default function LoansPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [state, setState] = useState<'all' | 'open' | 'overdue'>('open');
  const loans = useLoans({ state });
  const giveBack = useReturnLoan();
  const [lending, setLending] = useState(false);

  const columns: TableColumnsType<ArchiveLoan> = [
    { title: t('archives.loans.customer'), dataIndex: 'customerName', width: 200, render: (v: string, l) => <Link to={`/customers/${l.customerId}?tab=archives`}>{v}</Link> },
    { title: t('archives.loans.material'), dataIndex: 'material', width: 220 },
    { title: t('archives.loans.borrower'), dataIndex: 'borrowerName', width: 100 },
    { title: t('archives.loans.lentOn'), dataIndex: 'lentOn', width: 110 },
    { title: t('archives.loans.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('archives.loans.state'),
      key: 'state',
      width: 110,
      render: (_: unknown, l) =>
        l.returnedOn ? <Tag>{t('archives.loans.returnedOn', { date: l.returnedOn })}</Tag> : l.overdue ? <Tag color="red">{t('archives.loans.overdue')}</Tag> : <Tag color="blue">{t('archives.loans.out')}</Tag>,
    },
    { title: t('archives.loans.lentBy'), dataIndex: 'lentByName', width: 100 },
    {
      title: t('archives.loans.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, l) =>
        !l.returnedOn && can('archives.keep') ? (
          <Popconfirm title={t('archives.loans.returnConfirm', { material: l.material })} onConfirm={() => giveBack.mutate(l.id, { onError: (e) => void message.error(describe(e)) })}>
            <Button size="small">{t('archives.loans.return')}</Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <PageContainer
      title={t('archives.loans.title')}
      extra={
        can('archives.keep') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setLending(true)}>
            {t('archives.loans.create')}
          </Button>
        ) : null
      }
    >
      <Radio.Group
        value={state}
        onChange={(e) => setState(e.target.value)}
        optionType="button"
        style={{ marginBottom: 12 }}
        options={(['open', 'overdue', 'all'] as const).map((s) => ({ value: s, label: t(`archives.loans.states.${s}`) }))}
      />
      {loans.isError && !loans.data ? (
        <LoadError error={loans.error} onRetry={() => void loans.refetch()} />
      ) : (
        <Table rowKey="id" size="small" columns={columns} dataSource={loans.data?.items ?? []} loading={loans.isLoading} pagination={false} locale={{ emptyText: t('archives.loans.none') }} />
      )}
      <LoanFormModal open={lending} onClose={() => setLending(false)} />
    </PageContainer>
  );
}
