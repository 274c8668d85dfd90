import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useQuery } from '@tanstack/react-query';
import { HashRouter } from 'react-router-dom';
import { call } from './api';
import { LanguageProvider } from './language';
import { MainLayout } from './layout/MainLayout';
import { SetupAdminPage } from './pages/SetupAdminPage';
import { SignInPage } from './pages/SignInPage';

function AuthGate() {
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  if (status.isPending) return <Spin fullscreen />;
  if (status.isError) return <div role="alert">{status.error.message}</div>;
  if (status.data.needsSetup) return <SetupAdminPage />;
  if (!status.data.user) return <SignInPage />;
  return <MainLayout user={status.data.user} />;
}

/** Root component: language, antd locale and theme, router and the sign-in gate. */
export function App() {
  return (
    <LanguageProvider>
      {(language) => (
        <ConfigProvider
          locale={language === 'zh-CN' ? zhCNLocale : enUSLocale}
          // motion off: antd's loading-icon animation can stick when a local call answers within a frame (the
          // button then looks busy forever), and an inspector's laptop is better served without animations anyway.
          theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4, motion: false } }}
          button={{ autoInsertSpace: false }}
        >
          <AntApp>
            <HashRouter>
              <AuthGate />
            </HashRouter>
          </AntApp>
        </ConfigProvider>
      )}
    </LanguageProvider>
  );
}
