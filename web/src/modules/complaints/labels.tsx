import { Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { ComplaintStatus, Deadline, Severity } from '../../api/contract/complaints';

export const STATUSES: ComplaintStatus[] = ['received', 'processing', 'opinion_pending', 'opinion_approved', 'told', 'closed'];
export const SEVERITIES: Severity[] = ['general', 'major', 'serious'];

export const STATUS_COLOR: Record<ComplaintStatus, string> = {
  received: 'blue',
  processing: 'processing',
  opinion_pending: 'gold',
  opinion_approved: 'cyan',
  told: 'purple',
  closed: 'success',
};
export const SEVERITY_COLOR: Record<Severity, string> = { general: 'default', major: 'orange', serious: 'red' };

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`complaints.status.${status}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`complaints.severity.${severity}`)}</Tag>;
}

const HOUR = 3600_000;

/** "2 天 5 小时" from milliseconds (calendar time; the due date itself is in working days). */
export function durationText(t: TFunction, ms: number): string {
  const hours = Math.max(0, Math.floor(Math.abs(ms) / HOUR));
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days > 0) return t('complaints.deadline.daysHours', { days, hours: rest });
  if (hours > 0) return t('complaints.deadline.hours', { hours });
  return t('complaints.deadline.lessThanHour');
}

/** A deadline as its date and the time left (or how late it is, or when it was met). */
export function DeadlineText({ deadline, compact }: { deadline: Deadline; compact?: boolean }) {
  const { t } = useTranslation();
  let state: { text: string; type?: 'danger' | 'warning' | 'success' | 'secondary' };
  if (deadline.met) {
    state = deadline.overdue
      ? { text: t('complaints.deadline.metLate', { at: formatDateTime(deadline.metAt) }), type: 'warning' }
      : { text: t('complaints.deadline.met', { at: formatDateTime(deadline.metAt) }), type: 'success' };
  } else if (deadline.overdue) {
    state = { text: t('complaints.deadline.overdueBy', { time: durationText(t, deadline.msLeft ?? 0) }), type: 'danger' };
  } else {
    const soon = (deadline.msLeft ?? 0) < 24 * HOUR;
    state = { text: t('complaints.deadline.left', { time: durationText(t, deadline.msLeft ?? 0) }), type: soon ? 'warning' : 'secondary' };
  }
  return (
    <span>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{deadline.dueDate}</span>
      {deadline.provisional ? (
        <Tooltip title={t('complaints.deadline.provisionalHint')}>
          <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="deadline-provisional">
            {t('complaints.deadline.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
      {compact ? ' ' : <br />}
      <Typography.Text type={state.type} style={{ fontSize: compact ? undefined : 12 }}>
        {state.text}
      </Typography.Text>
    </span>
  );
}

/** An event of the history as one line. */
export function eventText(t: TFunction, kind: string): string {
  return t(`complaints.events.${kind.replace(/\./g, '_')}`, { defaultValue: kind });
}
