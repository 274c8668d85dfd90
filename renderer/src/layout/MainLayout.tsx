import { LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { PublicUser } from '../../../electron/api';
import { call } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { moduleEntries } from '../modules';
import { SettingsPage } from '../pages/settings/SettingsPage';

/**
 * The start page: an unfinished inspection comes first (the laptop may have died mid-inspection), otherwise
 * the institution register.
 */
function StartRedirect() {
  const open = useQuery({
    queryKey: ['inspections', 'in-progress-at-start'],
    queryFn: () => call('inspections:list', { status: 'in_progress' }),
  });
  if (open.isPending) return <Spin />;
  return <Navigate to={open.data && open.data.length > 0 ? '/inspections' : '/institutions'} replace />;
}

/** The signed-in frame: module menu on the left, user and language at the top, module pages in the middle. */
export function MainLayout({ user }: { user: PublicUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => call('auth:sign-out', {}),
    // Reset every cached answer (active ones, like the sign-in status, refetch): the next person to sign in on
    // this laptop must not see the previous user's data (e.g. unmasked phone numbers) from the cache.
    onSuccess: () => queryClient.resetQueries(),
  });
  const current = location.pathname.split('/')[1] ?? 'institutions';
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider width={184} theme="dark">
        <div className="ci-brand">{t('app.shortTitle')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current]}
          onClick={(e) => navigate(`/${e.key}`)}
          items={[...moduleEntries, { key: 'settings', icon: <SettingOutlined /> }].map((m) => ({
            key: m.key,
            icon: m.icon,
            label: t(`nav.${m.key}`),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
        >
          <Typography.Text strong>{t('app.title')}</Typography.Text>
          <Space>
            <LanguageSwitch persist />
            <span aria-label="当前用户">
              {user.displayName} <Tag>{t(`auth.roles.${user.role}`)}</Tag>
            </span>
            <Button icon={<LogoutOutlined />} onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t('auth.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <Routes>
            <Route path="/" element={<StartRedirect />} />
            <Route path="/settings" element={<SettingsPage user={user} />} />
            {moduleEntries.map((m) => (
              <Route key={m.key} path={`/${m.key}/*`} element={m.element} />
            ))}
            <Route path="*" element={<Navigate to="/institutions" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
