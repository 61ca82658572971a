import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { NotFound, RecordGate } from '../../components/status';
import { useCan } from '../auth/hooks';
import { EndCooperationPanel } from '../evaluations/EndCooperationPanel';
import { CloseRiskModal, RiskFormModal } from './forms';
import { useRisk } from './hooks';
import { LEVEL_COLOR, type Risk } from './types';

/** /credit/risks/:id — one risk: assessment, required response, review date; re-assess or close it with what happened. */
export default function RiskDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const risk = useRisk(id);
  return (
    <RecordGate id={id} query={risk} notFound={<NotFound message={t('credit.notFound')} back={{ to: '/credit/risks', label: t('credit.risk.back') }} />}>
      {(r) => <RiskDetail risk={r} />}
    </RecordGate>
  );
}

function RiskDetail({ risk: r }: { risk: Risk }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const open = r.status === 'open';
  return (
    <PageContainer
      title={r.title}
      extra={
        <>
          <Link to="/credit/risks">
            <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('credit.risk.back')}</Button>
          </Link>
          {open && can('credit.manage') ? <Button onClick={() => setEditing(true)}>{t('credit.risk.reassess')}</Button> : null}
          {open && can('credit.manage') ? (
            <Button danger onClick={() => setClosing(true)}>
              {t('credit.risk.close')}
            </Button>
          ) : null}
        </>
      }
    >
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'customer', label: t('credit.risk.customer'), children: <Link to={`/customers/${r.customerId}?tab=credit`}>{r.customerName}</Link> },
            { key: 'owner', label: t('credit.risk.owner'), children: r.ownerName ?? '' },
            { key: 'category', label: t('credit.risk.category'), children: t(`credit.risk.categories.${r.category}`) },
            { key: 'status', label: t('credit.risk.status'), children: t(`credit.risk.statuses.${r.status}`) },
            { key: 'cell', label: `${t('credit.matrix.likelihood')} × ${t('credit.matrix.impact')}`, children: `${r.likelihood} × ${r.impact}` },
            { key: 'level', label: t('credit.risk.level'), children: <Tag color={LEVEL_COLOR[r.level]}>{t(`credit.risk.levels.${r.level}`)}</Tag> },
            { key: 'assessed', label: t('credit.risk.assessedOn'), children: r.assessedOn },
            { key: 'review', label: t('credit.risk.reviewDue'), children: r.reviewDue ?? '' },
            { key: 'description', label: t('credit.risk.description'), span: 2, children: r.description ?? '' },
            { key: 'response', label: t('credit.risk.response'), span: 2, children: r.response ?? t(`credit.risk.responseHint.${r.level}`) },
            ...(r.outcome
              ? [
                  { key: 'outcome', label: t('credit.risk.outcome'), children: t(`credit.risk.outcomes.${r.outcome}`) },
                  { key: 'closed', label: t('credit.risk.statuses.closed'), children: `${formatDateTime(r.closedAt)} ${r.closedByName ?? ''}` },
                  { key: 'note', label: t('credit.risk.outcomeNote'), span: 2, children: r.outcomeNote ?? '' },
                ]
              : []),
          ]}
        />
      </Card>
      <EndCooperationPanel source="credit-risks" id={r.id} eligible={open && r.level === 'high'} />
      {editing ? <RiskFormModal risk={r} open onClose={() => setEditing(false)} /> : null}
      {closing ? <CloseRiskModal risk={r} open onClose={() => setClosing(false)} /> : null}
    </PageContainer>
  );
}
