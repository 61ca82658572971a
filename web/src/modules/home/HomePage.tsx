import { Alert, Badge, Card, Col, Empty, Flex, Row, Skeleton, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TodoItem } from '../../api/contract/workflow';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useCan, useCurrentUser } from '../auth/hooks';
import { useCalendarStatus } from '../calendar/hooks';
import { useTodo } from '../workflow/hooks';

/** Reminds calendar managers that next year's State Council schedule is missing (issue 2 §8). */
function HolidayScheduleWarning() {
  const { t } = useTranslation();
  const { data } = useCalendarStatus();
  if (!data?.warn) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('home.holidayWarning', { nextYear: data.nextYear })}
      action={<Link to="/calendar">{t('home.goCalendar')}</Link>}
    />
  );
}

type Group = 'overdue' | 'approval' | 'task' | 'other';
const GROUPS: Group[] = ['overdue', 'approval', 'task', 'other'];

/** 逾期 first whatever its kind; then 审批待办, 任务, and what later modules add (visits, complaints, birthdays …). */
function groupOf(item: TodoItem): Group {
  if (item.overdue) return 'overdue';
  if (item.kind === 'approval') return 'approval';
  if (item.kind === 'task' || item.kind === 'task_overdue') return 'task';
  return 'other';
}

function TodoGroup({ group, items }: { group: Group; items: TodoItem[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const headingId = `todo-${group}`;
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 12 }}>
      <Flex align="center" gap={8} style={{ marginBottom: 4 }}>
        <Typography.Title level={4} id={headingId} style={{ margin: 0, fontSize: 14 }} type={group === 'overdue' ? 'danger' : undefined}>
          {t(`workflow.home.${group}`)}
        </Typography.Title>
        <Badge count={items.length} color={group === 'overdue' ? token.colorError : token.colorPrimary} />
      </Flex>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={`${item.kind}-${item.link.type}-${item.link.id}`} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, paddingBlock: 6 }}>
            <Flex justify="space-between" gap={8} wrap>
              <Flex vertical style={{ minWidth: 0, flex: '1 1 200px' }}>
                <Link to={item.link.path}>{item.title}</Link>
                {item.detail ? <Typography.Text type="secondary">{item.detail}</Typography.Text> : null}
              </Flex>
              {item.dueDate ? (
                <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
                  {item.overdue ? t('workflow.home.overdueSince', { date: item.dueDate }) : t('workflow.home.due', { date: item.dueDate })}
                </Typography.Text>
              ) : null}
            </Flex>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The to-do home page (issue 4 §3): everything waiting for the person, each linking to its record. */
function TodoCard() {
  const { t } = useTranslation();
  const todo = useTodo();
  const can = useCan();
  const items = todo.data ?? [];
  const byGroup = new Map<Group, TodoItem[]>();
  for (const item of items) byGroup.set(groupOf(item), [...(byGroup.get(groupOf(item)) ?? []), item]);
  return (
    <Card
      title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>{t('home.todo')}</Typography.Title>}
      extra={can('tasks.use') ? <Link to="/tasks">{t('workflow.home.allTasks')}</Link> : null}
    >
      {todo.isPending ? <Skeleton active /> : null}
      {todo.isError ? <LoadError error={todo.error} onRetry={() => void todo.refetch()} /> : null}
      {todo.data && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.home.empty')} /> : null}
      {GROUPS.filter((g) => byGroup.has(g)).map((g) => (
        <TodoGroup key={g} group={g} items={byGroup.get(g)!} />
      ))}
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();

  return (
    <PageContainer
      title={t('home.greeting', { name: user.displayName })}
      documentTitle={t('nav.home')}
      // The director's and the manager's way in to the analyses (docs/regulations.md §16).
      extra={can('dashboards.run') ? <Link to="/dashboards">{t('dashboards.nav')}</Link> : undefined}
    >
      {can('calendar.manage') ? <HolidayScheduleWarning /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <TodoCard />
        </Col>
      </Row>
    </PageContainer>
  );
}
