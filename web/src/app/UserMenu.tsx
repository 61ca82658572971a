import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useNotifyError } from '../components/errors';
import { useCurrentUser, useLogout } from '../modules/auth/hooks';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const notifyError = useNotifyError();

  const items: MenuProps['items'] = [
    // On phones the button shows only the avatar: name the signed-in user at the top of the menu.
    ...(compact ? [{ key: 'who', label: user.displayName, disabled: true }, { type: 'divider' as const }] : []),
    { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('account.signOut'), danger: true },
  ];

  const [open, setOpen] = useState(false);

  const onClick: MenuProps['onClick'] = ({ key }) => {
    setOpen(false);
    if (key === 'password') navigate('/account/password');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onError: notifyError,
        onSettled: () => navigate('/login', { replace: true }),
      });
    }
  };

  return (
    <Dropdown trigger={['click']} open={open} onOpenChange={setOpen} menu={{ items, onClick }}>
      <Button type="text" aria-label={`${t('account.menu')}: ${user.displayName}`} style={{ paddingInline: 8 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
        {compact ? null : <span>{user.displayName}</span>}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
