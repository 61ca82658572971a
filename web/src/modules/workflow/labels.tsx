import { Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { TaskStatus } from '../../api/contract/workflow';

const STATUS_COLOR: Record<TaskStatus, string> = { open: 'processing', done: 'success', cancelled: 'default' };

export function TaskStatusTag({ t, status, overdue }: { t: TFunction; status: TaskStatus; overdue?: boolean }) {
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{t(`workflow.tasks.status.${status}`)}</Tag>
      {overdue ? <Tag color="error">{t('workflow.tasks.overdue')}</Tag> : null}
    </>
  );
}

/** A due date, red when overdue, with 暂定 when it was counted over provisional holidays. */
export function TaskDue({ t, date, overdue, provisional }: { t: TFunction; date: string; overdue: boolean; provisional: boolean }) {
  return (
    <>
      <Typography.Text type={overdue ? 'danger' : undefined}>{date}</Typography.Text>
      {provisional ? (
        <Tooltip title={t('workflow.tasks.provisionalHint')}>
          <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="due-provisional">
            {t('workflow.tasks.provisional')}
          </Tag>
        </Tooltip>
      ) : null}
    </>
  );
}

/** The module a task came from; codes other modules use are shown as they are until they add a label. */
export function sourceLabel(t: TFunction, source: string | null): string {
  if (!source) return '';
  return t(`workflow.tasks.sources.${source}`, { defaultValue: source });
}
