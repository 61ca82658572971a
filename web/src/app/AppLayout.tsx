import { MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Flex, Layout, Menu, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/status';
import { useCan } from '../modules/auth/hooks';
import { NotificationBell } from '../modules/workflow/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { WEB_MODULES } from '../modules';
import { menuFor, selectedNavKey } from './nav';
import { UserMenu } from './UserMenu';
import { useIsMobile } from './useIsMobile';

const { Header, Sider, Content } = Layout;

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const items: MenuProps['items'] = [];
  for (const group of menuFor(WEB_MODULES, can)) {
    const entries = group.items.map((i) => ({
      key: i.path,
      icon: i.icon,
      label: (
        <Link to={i.path} onClick={onNavigate}>
          {t(i.labelKey)}
        </Link>
      ),
    }));
    if (group.labelKey) items.push({ type: 'group', key: group.key, label: t(group.labelKey), children: entries });
    else items.push(...entries);
  }
  const selected = selectedNavKey(WEB_MODULES, location.pathname);
  return (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );
}

/** The frame of every signed-in page: side menu (a drawer on phones), header with language and user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: isMobile ? 8 : 24,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isMobile ? (
          <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.openMenu')} onClick={() => setDrawerOpen(true)} />
        ) : null}
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <Flex align="center" gap={4} style={{ marginInlineStart: 'auto' }}>
          <NotificationBell />
          <LanguageSwitch compact={isMobile} />
          <UserMenu compact={isMobile} />
        </Flex>
      </Header>
      <Layout>
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Sider
            width={220}
            breakpoint="md"
            collapsedWidth={0}
            theme="light"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <NavMenu />
          </Sider>
        )}
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          {/* Phones: tighter cards, so tables and forms keep their width. */}
          <ConfigProvider theme={isMobile ? { components: { Card: { bodyPadding: 12, headerPadding: 12 } } } : undefined}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ConfigProvider>
        </Content>
      </Layout>
    </Layout>
  );
}
