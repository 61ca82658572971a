import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { useCustomerEvaluations } from './hooks';
import { RECOMMENDATION_COLOR, STATUS_COLOR, evaluationPath, formatTotal, recommendationLabel, statusLabel } from './labels';
import type { Evaluation } from './types';

/** 评估 on the customer's archive page: its relationship evaluations with total, band and recommendation (docs/regulations.md §4). */
export function CustomerEvaluationsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useCustomerEvaluations(customerId, page);

  const columns: TableColumnsType<Evaluation> = [
    { title: t('evaluations.fields.evaluatedOn'), dataIndex: 'evaluatedOn', width: 120, render: (v: string, e) => <Link to={evaluationPath(e.id)}>{v}</Link> },
    { title: t('evaluations.fields.total'), dataIndex: 'total', width: 90, align: 'right', render: (v: number) => formatTotal(v) },
    { title: t('evaluations.fields.recommendation'), dataIndex: 'recommendation', width: 120, render: (r: Evaluation['recommendation']) => <Tag color={RECOMMENDATION_COLOR[r]}>{recommendationLabel(t, r)}</Tag> },
    { title: t('evaluations.fields.status'), dataIndex: 'status', width: 120, render: (s: Evaluation['status']) => <Tag color={STATUS_COLOR[s]}>{statusLabel(t, s)}</Tag> },
    { title: t('evaluations.fields.template'), key: 'template', width: 180, render: (_: unknown, e) => `${e.templateName} ${t('evaluations.templates.versionValue', { n: e.templateVersionNo })}` },
    { title: t('evaluations.fields.reviewedBy'), dataIndex: 'reviewedByName', width: 100, render: (v: string | null) => v ?? t('common.none') },
  ];

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {can('evaluations.write') ? (
        <Flex justify="end">
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => navigate(`/evaluations/new?customerId=${customerId}`)}>
            {t('evaluations.create')}
          </Button>
        </Flex>
      ) : null}
      <Table<Evaluation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('evaluations.emptyForCustomer') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
      />
    </Flex>
  );
}
