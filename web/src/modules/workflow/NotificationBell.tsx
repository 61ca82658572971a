import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useUnreadCount } from './hooks';

/** The header's bell with the unread count; opens the inbox (/notifications). */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = useUnreadCount().data?.count ?? 0;
  const label = count > 0 ? t('workflow.bellUnread', { count }) : t('workflow.bell');
  return (
    <Badge count={count} size="small" offset={[-4, 4]} overflowCount={99}>
      <Button type="text" icon={<BellOutlined />} aria-label={label} title={label} onClick={() => navigate('/notifications')} />
    </Badge>
  );
}
