import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/status';
import { useCustomerEvaluations } from './hooks';
import { RECOMMENDATION_COLOR, STATUS_COLOR, evaluationPath, formatTotal, recommendationLabel, statusLabel } from './labels';

/** The value panel's relationship evaluation: the latest one's total, recommendation and review state (docs/regulations.md §4). */
export function EvaluationValueSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const list = useCustomerEvaluations(customerId, 1);
  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const latest = list.data?.items[0];
  if (!latest) return <Typography.Text type="secondary">{t('evaluations.value.none')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'date', label: t('evaluations.fields.evaluatedOn'), children: <Link to={evaluationPath(latest.id)}>{latest.evaluatedOn}</Link> },
        { key: 'total', label: t('evaluations.value.total'), children: formatTotal(latest.total) },
        { key: 'recommendation', label: t('evaluations.fields.recommendation'), children: <Tag color={RECOMMENDATION_COLOR[latest.recommendation]}>{recommendationLabel(t, latest.recommendation)}</Tag> },
        { key: 'status', label: t('evaluations.value.status'), children: <Tag color={STATUS_COLOR[latest.status]}>{statusLabel(t, latest.status)}</Tag> },
      ]}
    />
  );
}
