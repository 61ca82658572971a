import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import type { Lang } from './api/contract/platform';
import { AppLayout } from './app/AppLayout';
import { moduleRoutes, type ModuleRoute } from './app/module';
import { createQueryClient } from './app/queryClient';
import { RequireAuth, RequireCapability } from './app/RequireAuth';
import { SessionEffects } from './app/SessionEffects';
import { useMediaQuery } from './app/useIsMobile';
import { WebModulesProvider } from './app/WebModulesContext';
import { FullPageSpin, NotFound } from './components/status';
import { currentLang } from './i18n';
import { WEB_MODULES } from './modules';

/** The page, behind its capability when it has one (without it: the 403 page). */
function guarded({ page: Page, capability }: ModuleRoute) {
  return capability ? (
    <RequireCapability capability={capability}>
      <Page />
    </RequireCapability>
  ) : (
    <Page />
  );
}

const suspended = (r: ModuleRoute) => <Suspense fallback={<FullPageSpin />}>{guarded(r)}</Suspense>;

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
          <WebModulesProvider modules={WEB_MODULES}>
          <BrowserRouter>
            <SessionEffects />
            <Routes>
              {moduleRoutes(WEB_MODULES, 'public').map((r) => (
                <Route key={r.path} path={r.path} element={suspended(r)} />
              ))}
              {/* Signed in, outside the frame: A4 print views, where only the document prints. */}
              {moduleRoutes(WEB_MODULES, 'bare').map((r) => (
                <Route key={r.path} path={r.path} element={<RequireAuth>{suspended(r)}</RequireAuth>} />
              ))}
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                {/* The frame's Outlet has its own Suspense. */}
                {moduleRoutes(WEB_MODULES, 'app').map((r) =>
                  r.path === '/' ? <Route key={r.path} index element={guarded(r)} /> : <Route key={r.path} path={r.path.slice(1)} element={guarded(r)} />,
                )}
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
          </WebModulesProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
