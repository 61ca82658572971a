import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Descriptions, Flex, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/status';
import { useCan } from '../auth/hooks';
import { RiskFormModal, SurveyFormModal } from './forms';
import { formatDateTime } from '../../components/format';
import { useCustomerCredit, useCustomerReceivables } from './hooks';
import { ReceivableFormModal, ReceivablesTable } from './receivables';
import { type CreditSurvey, LEVEL_COLOR, type Risk } from './types';

/** 信用与风险 on the customer's page (docs/regulations.md §5): rating (lowered while receivables are overdue), limit, terms, surveys, receivables, the rating history and open risks. */
export function CustomerCreditTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const credit = useCustomerCredit(customerId);
  const receivables = useCustomerReceivables(customerId);
  const [receivableOpen, setReceivableOpen] = useState(false);
  const overdue = (receivables.data?.items ?? []).filter((r) => r.state === 'overdue').length;
  const [surveyOpen, setSurveyOpen] = useState(false);
  const [riskOpen, setRiskOpen] = useState(false);
  if (credit.isError && !credit.data) return <LoadError error={credit.error} onRetry={() => void credit.refetch()} />;
  const c = credit.data;
  const none = <Typography.Text type="secondary">{t('credit.noSurvey')}</Typography.Text>;

  const surveyColumns: TableColumnsType<CreditSurvey> = [
    { title: t('credit.survey.surveyDate'), dataIndex: 'surveyDate', width: 120 },
    { title: t('credit.rating'), key: 'rating', width: 100, render: (_: unknown, s) => <Tag color="blue">{s.rating.label}</Tag> },
    { title: t('credit.score'), key: 'score', width: 90, render: (_: unknown, s) => t('credit.scoreValue', { score: s.rating.score }) },
    { title: t('credit.limit'), dataIndex: 'creditLimitWan', width: 120, render: (v: number) => t('credit.limitValue', { value: v }) },
    { title: t('credit.survey.surveyedBy'), dataIndex: 'surveyedByName', width: 100 },
    {
      title: t('credit.print'),
      key: 'print',
      width: 80,
      render: (_: unknown, s) => (
        <Link to={`/credit/surveys/${s.id}/print`} aria-label={`${t('credit.print')} ${s.surveyDate}`}>
          <PrinterOutlined aria-hidden /> {t('credit.print')}
        </Link>
      ),
    },
  ];
  const riskColumns: TableColumnsType<Risk> = [
    { title: t('credit.risk.name'), dataIndex: 'title', width: 220, render: (v: string, r) => <Link to={`/credit/risks/${r.id}`}>{v}</Link> },
    { title: t('credit.risk.category'), dataIndex: 'category', width: 100, render: (v: Risk['category']) => t(`credit.risk.categories.${v}`) },
    { title: `${t('credit.matrix.likelihood')} × ${t('credit.matrix.impact')}`, key: 'cell', width: 120, render: (_: unknown, r) => `${r.likelihood} × ${r.impact}` },
    { title: t('credit.risk.level'), dataIndex: 'level', width: 80, render: (v: Risk['level']) => <Tag color={LEVEL_COLOR[v]}>{t(`credit.risk.levels.${v}`)}</Tag> },
    { title: t('credit.risk.response'), dataIndex: 'response', width: 240, ellipsis: true },
    { title: t('credit.risk.reviewDue'), dataIndex: 'reviewDue', width: 120, render: (v: string | null) => v ?? '' },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('credit.rating')}
        extra={
          can('credit.manage') ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setSurveyOpen(true)}>
              {t('credit.newSurvey')}
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'rating',
              label: t('credit.rating'),
              children: c?.rating ? (
                <span data-testid="credit-rating">
                  <Tag color={c.adjustment ? 'red' : 'blue'}>{c.rating.label}</Tag>
                  {c.adjustment ? <Typography.Text type="danger">{t('credit.adjusted', { computed: c.adjustment.computedLabel, levels: c.adjustment.levelsDown })}</Typography.Text> : null}
                </span>
              ) : (
                none
              ),
            },
            { key: 'limit', label: t('credit.limit'), children: c?.creditLimitWan != null ? t('credit.limitValue', { value: c.creditLimitWan }) : none },
            {
              key: 'terms',
              label: t('credit.terms'),
              children: c?.paymentTermsDays != null ? (c.paymentTermsDays === 0 ? t('credit.cashOnDelivery') : t('credit.termsValue', { days: c.paymentTermsDays })) : none,
            },
          ]}
        />
        {c?.adjustment?.reason ? <Alert type="warning" showIcon style={{ marginTop: 12 }} message={c.adjustment.reason} /> : null}
        {(c?.surveys.length ?? 0) > 0 ? (
          <Table<CreditSurvey> rowKey="id" size="small" columns={surveyColumns} dataSource={c!.surveys} pagination={false} scroll={{ x: 640 }} style={{ marginTop: 12 }} />
        ) : null}
      </Card>
      <Card
        size="small"
        title={
          <Badge count={overdue} offset={[12, 0]} title={t('credit.receivable.overdueCount', { count: overdue })}>
            <span>{t('credit.receivable.title')}</span>
          </Badge>
        }
        extra={
          can('credit.receivables') ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setReceivableOpen(true)}>
              {t('credit.receivable.create')}
            </Button>
          ) : null
        }
      >
        {receivables.isError && !receivables.data ? (
          <LoadError error={receivables.error} onRetry={() => void receivables.refetch()} />
        ) : (
          <ReceivablesTable items={receivables.data?.items ?? []} loading={receivables.isFetching} withCustomer={false} />
        )}
      </Card>
      {(c?.ratingHistory.length ?? 0) > 0 ? (
        <Card size="small" title={t('credit.history.title')}>
          <Timeline
            items={c!.ratingHistory.map((h, i) => ({
              key: i,
              color: h.levelsDown > 0 ? 'red' : 'blue',
              children: (
                <>
                  <Typography.Text type="secondary">{formatDateTime(h.at)}</Typography.Text> {h.reason}
                </>
              ),
            }))}
          />
        </Card>
      ) : null}
      <Card
        size="small"
        title={t('credit.risks')}
        extra={
          can('credit.manage') ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRiskOpen(true)}>
              {t('credit.newRisk')}
            </Button>
          ) : null
        }
      >
        <Table<Risk> rowKey="id" size="small" columns={riskColumns} dataSource={c?.risks ?? []} loading={credit.isFetching} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: t('credit.noRisks') }} />
      </Card>
      <SurveyFormModal customerId={customerId} open={surveyOpen} onClose={() => setSurveyOpen(false)} />
      <ReceivableFormModal customerId={customerId} open={receivableOpen} onClose={() => setReceivableOpen(false)} />
      <RiskFormModal customerId={customerId} open={riskOpen} onClose={() => setRiskOpen(false)} />
    </Flex>
  );
}
