import { CheckOutlined } from '@ant-design/icons';
import { Alert, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '../../../domain/identity/permissions';
import { errorText, useLang, useRoles } from './admin-hooks';

type Row = { readonly permission: Permission };

/** Role → permission matrix from GET /api/v1/roles (read-only: roles are built in, DOMAIN §1). */
export const RolesMatrix = () => {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const roles = useRoles();
  if (roles.query.error) return <Alert type="error" showIcon message={errorText(roles.query.error)} />;
  const columns: TableColumnsType<Row> = [
    {
      title: t('roles.permission'),
      key: 'permission',
      fixed: 'left',
      width: 200,
      render: (_, r) => (
        <Tooltip title={r.permission}>
          <span>{t(`perm.${r.permission}`)}</span>
        </Tooltip>
      ),
    },
    ...roles.items.map((role) => ({
      title: (
        <div style={{ textAlign: 'center', whiteSpace: 'nowrap' }}>
          <div>{role.label[lang]}</div>
          <Tag style={{ marginInlineEnd: 0 }} color={role.scope === 'all' ? 'blue' : 'default'}>
            {t(`roles.scope.${role.scope}`)}
          </Tag>
        </div>
      ),
      key: role.role,
      align: 'center' as const,
      render: (_: unknown, r: Row) =>
        role.permissions.includes(r.permission) ? (
          <CheckOutlined
            style={{ color: '#52c41a' }}
            aria-label={t('roles.granted')}
            data-testid={`role-${role.role}-${r.permission}`}
          />
        ) : (
          <Typography.Text type="secondary">·</Typography.Text>
        ),
    })),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('roles.hint')}</Typography.Paragraph>
      <Table<Row>
        rowKey="permission"
        size="small"
        bordered
        data-testid="roles-matrix"
        loading={roles.query.isPending}
        dataSource={PERMISSIONS.map((permission) => ({ permission }))}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
};
