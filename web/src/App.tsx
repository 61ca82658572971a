import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useParams } from 'react-router-dom';
import type { Lang } from './api/types';
import { AppLayout } from './app/AppLayout';
import { createQueryClient } from './app/queryClient';
import { RequireAuth, RequireCapability } from './app/RequireAuth';
import { SessionEffects } from './app/SessionEffects';
import { useMediaQuery } from './app/useIsMobile';
import { NotFound } from './components/status';
import { currentLang } from './i18n';
import { ChangePasswordPage } from './modules/auth/ChangePasswordPage';
import { LoginPage } from './modules/auth/LoginPage';
import { HomePage } from './modules/home/HomePage';

// Administration pages load on demand: most users never open them.
const UsersPage = lazy(() => import('./modules/admin/users/UsersPage'));
const OrgPage = lazy(() => import('./modules/admin/org/OrgPage'));
const SettingsPage = lazy(() => import('./modules/admin/settings/SettingsPage'));
const AuditPage = lazy(() => import('./modules/admin/audit/AuditPage'));
const CalendarPage = lazy(() => import('./modules/calendar/CalendarPage'));
const CustomersPage = lazy(() => import('./modules/customers/CustomersPage'));
const CustomerDetailPage = lazy(() => import('./modules/customers/CustomerDetailPage'));
const CustomerFormPage = lazy(() => import('./modules/customers/CustomerFormPage'));
const CustomerImportPage = lazy(() => import('./modules/customers/CustomerImportPage'));
const IndividualsPage = lazy(() => import('./modules/individuals/IndividualsPage'));

function CustomerFormPageForId() {
  const { id } = useParams();
  return <CustomerFormPage key={id} />;
}

const ANTD_LOCALES: Record<Lang, Locale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

export function App() {
  const [queryClient] = useState(createQueryClient);
  // Re-renders on every language change, so antd's own texts switch together with ours.
  useTranslation();
  const lang = currentLang();
  // Honour the system setting "reduce motion": antd then skips its open/close animations.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');

  return (
    <ConfigProvider
      locale={ANTD_LOCALES[lang]}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !reducedMotion } }}
      // antd would render 登录 as "登 录": keep button texts exactly as written (and findable by their name)
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionEffects />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<HomePage />} />
                <Route path="account/password" element={<ChangePasswordPage />} />
                <Route
                  path="customers"
                  element={
                    <RequireCapability capability="customers.read">
                      <CustomersPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/new"
                  element={
                    <RequireCapability capability="customers.create">
                      <CustomerFormPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/import"
                  element={
                    <RequireCapability capability="customers.import">
                      <CustomerImportPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/:id"
                  element={
                    <RequireCapability capability="customers.read">
                      <CustomerDetailPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="customers/:id/edit"
                  element={
                    <RequireCapability capability="customers.update">
                      {/* keyed by id: moving from one customer's form to another's starts a fresh form */}
                      <CustomerFormPageForId />
                    </RequireCapability>
                  }
                />
                <Route
                  path="individuals"
                  element={
                    <RequireCapability capability="customers.read">
                      <IndividualsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/users"
                  element={
                    <RequireCapability capability="users.manage">
                      <UsersPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/org"
                  element={
                    <RequireCapability capability="org.manage">
                      <OrgPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/settings"
                  element={
                    <RequireCapability capability="settings.read">
                      <SettingsPage />
                    </RequireCapability>
                  }
                />
                <Route
                  path="admin/audit"
                  element={
                    <RequireCapability capability="audit.read">
                      <AuditPage />
                    </RequireCapability>
                  }
                />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
