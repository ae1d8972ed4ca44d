import { LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { TemporaryPassword, User, UserPage } from '../../app/api-types';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { errorText, rowTestId, useDepartments, useRoles } from './admin-hooks';
import { RolesMatrix } from './RolesMatrix';
import { SecretOnceModal } from './SecretOnceModal';
import { UserFormModal } from './UserFormModal';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

type Filters = { q?: string; role?: string; status?: string; departmentId?: string };

const isLocked = (u: User) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

/** Users (issue 4 Admin): search, create, edit roles and departments, reset passwords, unlock; roles matrix tab. */
const UsersPage = () => {
  const { t } = useTranslation('admin');
  const { message, modal } = App.useApp();
  const { access } = useSession();
  const client = useQueryClient();
  const roles = useRoles();
  const departments = useDepartments();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<User | 'new'>();
  const [secret, setSecret] = useState<{ title: string; value: string }>();

  const query = useInfiniteQuery({
    queryKey: ['users', 'admin', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<UserPage>(`/api/v1/users${toQuery({ ...filters, cursor: pageParam, limit: 50 })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });

  const resetPassword = (u: User) => {
    let reason = '';
    modal.confirm({
      title: t('users.resetTitle', { name: u.displayName }),
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('users.resetHint')}</Typography.Text>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('reasonOptional')}
            aria-label={t('reason')}
            onChange={(e) => (reason = e.target.value)}
          />
        </Space>
      ),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const r = await api.post<TemporaryPassword>(
            `/api/v1/users/${u.id}/reset-password`,
            reason.trim() ? { reason: reason.trim() } : null,
          );
          setSecret({
            title: t('users.tempPasswordOf', { name: u.displayName }),
            value: r.temporaryPassword,
          });
          void refresh();
        } catch (e) {
          void message.error(errorText(e), 6);
        }
      },
    });
  };

  const unlock = async (u: User) => {
    try {
      await api.post(`/api/v1/users/${u.id}/unlock`);
      void message.success(t('users.unlocked', { name: u.displayName }));
      void refresh();
    } catch (e) {
      void message.error(errorText(e), 6);
    }
  };

  const columns: TableColumnsType<User> = [
    {
      title: t('users.col.username'),
      key: 'username',
      render: (_, u) => <Typography.Text strong>{u.username}</Typography.Text>,
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.col.roles'),
      key: 'roles',
      render: (_, u) => (
        <Space size={[0, 4]} wrap>
          {u.roles.map((r) => (
            <Tag key={r} color={r === 'admin' ? 'red' : 'blue'}>
              {roles.labelOf(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.col.departments'),
      key: 'departments',
      render: (_, u) => (
        <Space size={[0, 4]} wrap>
          {u.departments.map((d) => (
            <Tooltip key={d.id} title={d.isPrimary ? t('users.primary') : undefined}>
              <Tag bordered={d.isPrimary}>{d.name}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.col.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          <Tag color={u.status === 'active' ? 'success' : 'default'}>{t(`users.status.${u.status}`)}</Tag>
          {isLocked(u) && (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
              <Tag color="error" icon={<LockOutlined />}>
                {t('users.locked')}
              </Tag>
            </Tooltip>
          )}
          {u.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.col.lastLogin'), key: 'lastLogin', render: (_, u) => formatDateTime(u.lastLoginAt) },
    {
      title: t('common:actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing(u)}
            data-testid={`user-edit-${u.username}`}
          >
            {t('common:edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => resetPassword(u)}
            data-testid={`user-reset-${u.username}`}
          >
            {t('users.resetPassword')}
          </Button>
          {isLocked(u) && (
            <Button
              type="link"
              size="small"
              onClick={() => void unlock(u)}
              data-testid={`user-unlock-${u.username}`}
            >
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const usersTab = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('common:search')}
          data-testid="users-search"
          onSearch={(v) => setFilters({ ...filters, q: v.trim() || undefined })}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('users.col.roles')}
          aria-label={t('users.col.roles')}
          options={roles.options}
          value={filters.role}
          onChange={(v?: string) => setFilters({ ...filters, role: v })}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          placeholder={t('users.col.departments')}
          aria-label={t('users.col.departments')}
          options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          value={filters.departmentId}
          onChange={(v?: string) => setFilters({ ...filters, departmentId: v })}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('users.col.status')}
          aria-label={t('users.col.status')}
          options={(['active', 'disabled'] as const).map((s) => ({
            value: s,
            label: t(`users.status.${s}`),
          }))}
          value={filters.status}
          onChange={(v?: string) => setFilters({ ...filters, status: v })}
        />
      </Space>
      <Table<User>
        rowKey="id"
        size="middle"
        data-testid="users-table"
        loading={query.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        onRow={(u) => rowTestId(`user-row-${u.username}`)}
        scroll={{ x: 'max-content' }}
      />
      {query.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('loadMore')}
          </Button>
        </div>
      )}
    </>
  );

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <Tooltip title={t('refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={t('refresh')} onClick={() => void refresh()} />
          </Tooltip>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'users', label: t('users.tabUsers'), children: usersTab },
          ...(access.canSeeRoles
            ? [{ key: 'roles', label: t('users.tabRoles'), children: <RolesMatrix /> }]
            : []),
        ]}
      />
      <UserFormModal
        user={editing}
        onClose={(changed, created) => {
          setEditing(undefined);
          if (created?.initialPassword)
            setSecret({
              title: t('users.initialPasswordOf', { name: created.user.displayName }),
              value: created.initialPassword,
            });
          if (changed) void refresh();
        }}
      />
      <SecretOnceModal
        title={secret?.title ?? ''}
        secret={secret?.value}
        hint={t('users.passwordOnceHint')}
        onClose={() => setSecret(undefined)}
      />
    </Card>
  );
};

export default UsersPage;
