import { Badge, Button, Card, Empty, Flex, Pagination, Segmented, Skeleton, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { AppNotification } from '../../api/contract/workflow';
import { useNotifyError } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageContainer } from '../../components/PageContainer';
import { LoadError } from '../../components/status';
import { useMarkRead, useNotifications } from './hooks';

const PAGE_SIZE = 20;

/** The in-app inbox (issue 4 §4): newest first; opening one marks it read and goes to its record. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ unread, page, pageSize: PAGE_SIZE });
  const mark = useMarkRead();
  const { token } = theme.useToken();

  const open = (n: AppNotification) => {
    if (!n.readAt) mark.mutate([n.id], { onError: notifyError });
    if (n.link) navigate(n.link.path);
  };

  return (
    <PageContainer
      title={t('workflow.notifications.title')}
      extra={
        <Button onClick={() => mark.mutate('all', { onError: notifyError })} disabled={!list.data?.unread} loading={mark.isPending && mark.variables === 'all'}>
          {t('workflow.notifications.markAllRead')}
        </Button>
      }
    >
      <Card>
        <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text id="notification-filter">{t('workflow.notifications.filter')}</Typography.Text>
          <Segmented
            aria-labelledby="notification-filter"
            value={unread ? 'unread' : 'all'}
            onChange={(v) => {
              setUnread(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('workflow.notifications.all') },
              { value: 'unread', label: `${t('workflow.notifications.unread')} (${list.data?.unread ?? 0})` },
            ]}
          />
        </Flex>
        {list.isError ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isPending ? <Skeleton active /> : null}
        {list.data && list.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workflow.notifications.empty')} /> : null}
        <ul aria-label={t('workflow.notifications.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {(list.data?.items ?? []).map((n) => (
            <li key={n.id} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, paddingBlock: 10 }}>
              <Flex gap={12} align="flex-start" wrap>
                <Badge status={n.readAt ? 'default' : 'processing'} style={{ marginTop: 4 }} />
                <Flex vertical gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
                  <Typography.Text strong={!n.readAt}>
                    {n.title}
                    {n.doneAt ? <Tag style={{ marginInlineStart: 8 }}>{t('workflow.notifications.done')}</Tag> : null}
                  </Typography.Text>
                  {n.body ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Text> : null}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </Flex>
                <Flex gap={4}>
                  {n.link ? (
                    <Button type="link" size="small" onClick={() => open(n)} aria-label={`${t('workflow.notifications.open')} ${n.title}`}>
                      {t('workflow.notifications.open')}
                    </Button>
                  ) : null}
                  {!n.readAt ? (
                    <Button type="link" size="small" onClick={() => mark.mutate([n.id], { onError: notifyError })} aria-label={`${t('workflow.notifications.markRead')} ${n.title}`}>
                      {t('workflow.notifications.markRead')}
                    </Button>
                  ) : null}
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
        {(list.data?.total ?? 0) > PAGE_SIZE ? (
          <Flex justify="end" style={{ marginTop: 12 }}>
            <Pagination current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
          </Flex>
        ) : null}
      </Card>
    </PageContainer>
  );
}
