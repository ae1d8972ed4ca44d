import {
  AlertOutlined,
  BarChartOutlined,
  FileTextOutlined,
  MedicineBoxOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  AccountBookOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  RollbackOutlined,
  ToolOutlined,
  FileDoneOutlined,
  ExceptionOutlined,
  DashboardOutlined,
  DownOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  PhoneOutlined,
  QrcodeOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TranslationOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Access } from './access';
import { changeLanguage } from './i18n';
import { useSession } from './session';

type Entry = { key: string; icon: ReactNode; label: string; show: boolean; children?: Entry[] };

const menuOf = (a: Access, t: (k: string) => string): Entry[] => [
  { key: '/dashboard', icon: <DashboardOutlined />, label: t('menu.dashboard'), show: a.canSeeQueue },
  { key: '/queue', icon: <UnorderedListOutlined />, label: t('menu.queue'), show: a.canSeeQueue },
  { key: '/hotline', icon: <PhoneOutlined />, label: t('menu.hotline'), show: a.canRegister },
  { key: '/follow-ups', icon: <SolutionOutlined />, label: t('menu.followUps'), show: a.canFollowUp },
  { key: '/approvals', icon: <AuditOutlined />, label: t('menu.approvals'), show: a.canSign },
  {
    key: '/execution-tasks',
    icon: <CarryOutOutlined />,
    label: t('menu.executionTasks'),
    show: a.canExecute,
  },
  { key: '/ledger', icon: <AccountBookOutlined />, label: t('menu.ledger'), show: a.canSeeLedger },
  {
    key: 'quality',
    icon: <ExperimentOutlined />,
    label: t('menu.quality'),
    show: a.canSeeBatchCases || a.canSeeCapa || a.canManageAdverseEvents,
    children: [
      {
        key: '/batch-board',
        icon: <BarChartOutlined />,
        label: t('menu.batchBoard'),
        show: a.canSeeBatchCases,
      },
      {
        key: '/quality-reports',
        icon: <FileTextOutlined />,
        label: t('menu.qualityReports'),
        show: a.canSeeBatchCases,
      },
      {
        key: '/batch-cases',
        icon: <ContainerOutlined />,
        label: t('menu.batchCases'),
        show: a.canSeeBatchCases,
      },
      { key: '/recalls', icon: <RollbackOutlined />, label: t('menu.recalls'), show: a.canSeeBatchCases },
      {
        key: '/regulator-samplings',
        icon: <FileSearchOutlined />,
        label: t('menu.samplings'),
        show: a.canSeeBatchCases,
      },
      { key: '/capa-actions', icon: <ToolOutlined />, label: t('menu.capa'), show: a.canSeeCapa },
      { key: '/eight-d-reports', icon: <FileDoneOutlined />, label: t('menu.eightD'), show: a.canSeeCapa },
      { key: '/disposals', icon: <ExceptionOutlined />, label: t('menu.disposals'), show: a.canSeeCapa },
      {
        key: '/adverse-events',
        icon: <MedicineBoxOutlined />,
        label: t('menu.adverseEvents'),
        show: a.canManageAdverseEvents,
      },
    ],
  },
  {
    key: 'admin',
    icon: <SettingOutlined />,
    label: t('menu.admin'),
    show: a.isAdminArea,
    children: [
      { key: '/admin/users', icon: <UserOutlined />, label: t('menu.users'), show: a.canManageUsers },
      {
        key: '/admin/departments',
        icon: <TeamOutlined />,
        label: t('menu.departments'),
        show: a.canManageDepartments,
      },
      {
        key: '/admin/policies',
        icon: <AlertOutlined />,
        label: t('menu.policies'),
        show: a.canManagePolicies,
      },
      {
        key: '/admin/calendar',
        icon: <CalendarOutlined />,
        label: t('menu.calendar'),
        show: a.canManageCalendar,
      },
      {
        key: '/admin/presets',
        icon: <AppstoreOutlined />,
        label: t('menu.presets'),
        show: a.canManagePolicies,
      },
      { key: '/admin/qr', icon: <QrcodeOutlined />, label: t('menu.qr'), show: a.canManageReference },
      { key: '/admin/tokens', icon: <KeyOutlined />, label: t('menu.tokens'), show: a.canManageTokens },
      { key: '/admin/outbox', icon: <InboxOutlined />, label: t('menu.outbox'), show: a.canManageOutbox },
    ],
  },
];

const toItems = (entries: Entry[]): MenuProps['items'] =>
  entries
    .filter((e) => e.show)
    .map((e) =>
      e.children
        ? { key: e.key, icon: e.icon, label: e.label, children: toItems(e.children) }
        : { key: e.key, icon: e.icon, label: e.label },
    );

/** The console frame (ant-design-pro side menu): entries appear only for what the user may do. */
export const ConsoleLayout = ({ children }: { children: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const { session, access, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = '/' + (location.pathname.split('/')[1] ?? '');
  const adminSelected = location.pathname.startsWith('/admin/') ? location.pathname : selected;
  const entries = menuOf(access, t);
  // Keep the group of the page on screen open (admin pages match by full path, the others by first segment).
  const openGroup = entries.find((e) =>
    e.children?.some((c) => c.key === selected || c.key === location.pathname),
  )?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={56} width={208} theme="dark">
        <div
          style={{
            color: '#fff',
            padding: '16px 16px 12px',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          <ApiOutlined /> {t('appName')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[adminSelected === '/complaints' ? '/queue' : adminSelected]}
          defaultOpenKeys={openGroup ? [openGroup] : []}
          items={toItems(entries)}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 12,
          }}
        >
          <Button
            type="text"
            icon={<TranslationOutlined />}
            data-testid="lang-switch"
            onClick={() => void changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
          >
            {t('switchTo')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: t('changePassword') },
                { key: 'logout', icon: <LogoutOutlined />, label: t('logout') },
              ],
              onClick: async (e) => {
                if (e.key === 'password') navigate('/password');
                else {
                  await logout();
                  navigate('/login');
                }
              },
            }}
          >
            <Button type="text" data-testid="user-menu">
              <Space>
                <UserOutlined />
                <Typography.Text>{session?.user.displayName}</Typography.Text>
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
};
