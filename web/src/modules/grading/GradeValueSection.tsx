import { Descriptions, Timeline, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/status';
import { useCustomerOptions } from '../customers/hooks';
import { gradeLabel } from '../customers/labels';
import { useCustomerGrade } from './hooks';
import { amountLabel, cooperationLabel, industryLabel } from './labels';

/** The value panel's grade: the current grade, the proposal and why, and every confirmed change (docs/regulations.md §3). */
export function GradeValueSection({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const options = useCustomerOptions();
  const grade = useCustomerGrade(customerId);
  if (grade.isError && !grade.data) return <LoadError error={grade.error} onRetry={() => void grade.refetch()} />;
  const g = grade.data;
  const label = (code: string | null) => (code ? gradeLabel(t, code, options.data) : t('grading.noGrade'));
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'current', label: t('grading.current'), children: g?.current ? <Tag color="gold">{label(g.current)}</Tag> : <Typography.Text type="secondary">{t('grading.noGrade')}</Typography.Text> },
          ...(g?.proposal
            ? [
                {
                  key: 'classes',
                  label: t('grading.classes'),
                  children: [amountLabel(t, g.proposal.amountClass), industryLabel(t, g.proposal.industryClass), cooperationLabel(t, g.proposal.cooperationClass)].join(' / '),
                },
              ]
            : []),
          {
            key: 'proposed',
            label: t('grading.proposed'),
            children: g?.proposal ? (
              <>
                <Tag>{label(g.proposal.grade)}</Tag> <Typography.Text type="secondary">{g.proposal.reason}</Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('grading.noProposal')}</Typography.Text>
            ),
          },
        ]}
      />
      {g?.history.length ? (
        <>
          <Typography.Text strong>{t('grading.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            items={g.history.map((h, i) => ({
              key: i,
              children: (
                <span>
                  {t('grading.change', { from: label(h.oldGrade), to: label(h.newGrade), who: h.actorName ?? t('common.none'), at: formatDateTime(h.at) })}
                  {h.overridden ? <Tag style={{ marginInlineStart: 8 }}>{t('grading.overridden')}</Tag> : null}
                  <br />
                  <Typography.Text type="secondary">{h.reason}</Typography.Text>
                </span>
              ),
            }))}
          />
        </>
      ) : null}
    </>
  );
}
