import {
  ApartmentOutlined,
  CalendarOutlined,
  BookOutlined,
  CloudSyncOutlined,
  ControlOutlined,
  FileDoneOutlined,
  FundOutlined,
  HistoryOutlined,
  HomeOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { App as AntApp, Avatar, Button, Flex, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { BrandMark } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useAuth } from './auth';
import { ErrorBoundary } from './ErrorBoundary';
import { documentsMessages } from '../features/documents/messages';
import { calendarMessages } from '../features/calendar/messages';
import { jobsMessages } from '../features/jobs/messages';
import { auditMessages } from '../features/audit/messages';
import { usersMessages } from '../features/users/messages';
import type { Lang, Messages, Role } from './i18n';
import { useLanguage } from './language';

interface MenuEntry {
  path: string;
  icon: ReactNode;
  /** the entry's name; a feature's own dictionary is read by language */
  label: (t: Messages, lang: Lang) => string;
  /** Who sees the entry; everyone signed in when absent. */
  roles?: Role[];
}

/** The side menu. Entries for later features (movements, proposals, council, administration) go here. */
const MENU: MenuEntry[] = [
  { path: '/', icon: <HomeOutlined />, label: (t) => t.menu.overview },
  { path: '/org-units', icon: <ApartmentOutlined />, label: (t) => t.menu.orgUnits },
  { path: '/people', icon: <TeamOutlined />, label: (t) => t.menu.people },
  { path: '/eligible-now', icon: <SafetyCertificateOutlined />, label: (t) => t.menu.eligibleNow },
  { path: '/awards', icon: <BookOutlined />, label: (t) => t.menu.catalogue },
  { path: '/quotas', icon: <FundOutlined />, label: (t) => t.menu.quotas },
  { path: '/documents', icon: <FileDoneOutlined />, label: (_t, lang) => documentsMessages[lang].menu },
  { path: '/rule-settings', icon: <ControlOutlined />, label: (t) => t.menu.settings, roles: ['admin'] },
  {
    path: '/calendar',
    icon: <CalendarOutlined />,
    label: (_, lang) => calendarMessages[lang].menu,
    roles: ['admin', 'board'],
  },
  { path: '/jobs', icon: <CloudSyncOutlined />, label: (_t, lang) => jobsMessages[lang].menu },
  { path: '/audit', icon: <HistoryOutlined />, label: (_t, lang) => auditMessages[lang].menu },
  {
    path: '/users',
    icon: <UserSwitchOutlined />,
    label: (_t, lang) => usersMessages[lang].menu,
    roles: ['admin'],
  },
];

/** Where a user whose password an administrator set must go first (and the only screen they may use). */
const ACCOUNT_PATH = '/account';

function initials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  return last.slice(0, 1).toUpperCase() || '?';
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { me, logout } = useAuth();
  const { t, lang } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  if (!me) return null;
  if (me.mustChangePassword && location.pathname !== ACCOUNT_PATH)
    return <Navigate to={ACCOUNT_PATH} replace />;

  const entries = MENU.filter((e) => !e.roles || e.roles.some((r) => me.roles.includes(r)));
  const selected =
    entries
      .filter((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)))
      .map((e) => e.path)[0] ?? '';

  return (
    // App: the message, notification and modal hooks of the signed-in screens (text styles: providers.tsx)
    <AntApp component={false}>
      <Layout className="vd-shell">
        <Layout.Header className="vd-header">
          <Link to="/" className="vd-brand" aria-label={t.app.name}>
            <BrandMark size={38} />
            <span className="vd-brand-text">
              <span className="vd-brand-name">{t.app.name}</span>
              <span className="vd-brand-sub">{t.app.subtitle}</span>
            </span>
          </Link>
          <Flex align="center" gap={16} className="vd-header-right">
            <LanguageSwitch tone="dark" />
            <Link
              to={ACCOUNT_PATH}
              className="vd-user-link"
              title={usersMessages[lang].account.menu}
              aria-label={`${usersMessages[lang].account.menu}: ${me.fullName}`}
              style={{ color: 'inherit', minWidth: 0, display: 'flex' }}
            >
              <Flex align="center" gap={10} className="vd-user">
                <Avatar className="vd-avatar">{initials(me.fullName)}</Avatar>
                <div className="vd-user-text">
                  <div className="vd-user-name" title={me.fullName}>
                    {me.fullName}
                  </div>
                  <div className="vd-user-unit" title={me.orgUnitName}>
                    {me.orgUnitName}
                  </div>
                </div>
                <Flex gap={4} wrap className="vd-user-roles">
                  {me.roles.map((role) => (
                    <Tag key={role} className="vd-role-tag" variant="filled">
                      {t.roles[role]}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            </Link>
            <Tooltip title={t.auth.logout}>
              <Button
                className="vd-logout"
                type="text"
                icon={<LogoutOutlined />}
                onClick={() => {
                  void logout().then(() => navigate('/login', { replace: true }));
                }}
              >
                <span className="vd-logout-label">{t.auth.logout}</span>
              </Button>
            </Tooltip>
          </Flex>
        </Layout.Header>
        <Layout>
          <Layout.Sider
            width={236}
            breakpoint="lg"
            collapsedWidth={64}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="vd-sider"
            theme="light"
          >
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              onClick={({ key }) => navigate(key)}
              items={entries.map((e) => ({ key: e.path, icon: e.icon, label: e.label(t, lang) }))}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Content className="vd-content">
              <ErrorBoundary key={location.pathname}>{children}</ErrorBoundary>
            </Layout.Content>
            <Layout.Footer className="vd-footer">
              <Typography.Text type="secondary">
                {t.app.footer} · {t.app.owner}
              </Typography.Text>
            </Layout.Footer>
          </Layout>
        </Layout>
      </Layout>
    </AntApp>
  );
}
