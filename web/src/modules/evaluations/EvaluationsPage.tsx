import { Flex, Form, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useIsMobile } from '../../app/useIsMobile';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useEvaluations } from './hooks';
import { RECOMMENDATION_COLOR, STATUS_COLOR, evaluationPath, formatTotal, recommendationLabel, statusLabel } from './labels';
import { EVALUATION_STATUSES, type Evaluation, type EvaluationStatus, RECOMMENDATIONS, type Recommendation } from './types';

/** /evaluations (?status=&recommendation=&page=) — evaluations in the user's scope; a supervisor filters 待主管确认. */
export default function EvaluationsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as EvaluationStatus | null) ?? undefined;
  const recommendation = (params.get('recommendation') as Recommendation | null) ?? undefined;
  const page = Number(params.get('page')) || 1;
  const list = useEvaluations({ status, recommendation, page, pageSize: 20 });

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<Evaluation> = [
    { title: t('evaluations.fields.customer'), dataIndex: 'customerName', width: 220, render: (v: string, e) => <Link to={evaluationPath(e.id)}>{v}</Link> },
    { title: t('evaluations.fields.evaluatedOn'), dataIndex: 'evaluatedOn', width: 120 },
    { title: t('evaluations.fields.total'), dataIndex: 'total', width: 90, align: 'right', render: (v: number) => formatTotal(v) },
    { title: t('evaluations.fields.recommendation'), dataIndex: 'recommendation', width: 120, render: (r: Recommendation) => <Tag color={RECOMMENDATION_COLOR[r]}>{recommendationLabel(t, r)}</Tag> },
    { title: t('evaluations.fields.status'), dataIndex: 'status', width: 120, render: (s: EvaluationStatus) => <Tag color={STATUS_COLOR[s]}>{statusLabel(t, s)}</Tag> },
    { title: t('evaluations.fields.submittedBy'), dataIndex: 'submittedByName', width: 100, render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <PageContainer title={t('evaluations.title')}>
      <Flex vertical gap={12}>
        <Form name="evaluationFilters" layout={isMobile ? 'vertical' : 'inline'}>
          <Form.Item label={t('evaluations.filters.status')}>
            <Select allowClear style={{ minWidth: 160 }} value={status} onChange={(v) => set('status', v)} options={EVALUATION_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
          </Form.Item>
          <Form.Item label={t('evaluations.filters.recommendation')}>
            <Select allowClear style={{ minWidth: 160 }} value={recommendation} onChange={(v) => set('recommendation', v)} options={RECOMMENDATIONS.map((r) => ({ value: r, label: recommendationLabel(t, r) }))} />
          </Form.Item>
        </Form>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Evaluation>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 800 }}
            locale={{ emptyText: t('evaluations.empty') }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: (p) => set('page', String(p)) }}
          />
        )}
      </Flex>
    </PageContainer>
  );
}
