import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { ApiToken, ApiTokenList } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { errorText, rowTestId, useUserNames } from './admin-hooks';
import { CreateTokenModal } from './CreateTokenModal';
import { SecretOnceModal } from './SecretOnceModal';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

type TokenState = 'active' | 'revoked' | 'expired';

const stateOf = (tk: ApiToken): TokenState =>
  tk.revokedAt
    ? 'revoked'
    : tk.expiresAt && new Date(tk.expiresAt).getTime() <= Date.now()
      ? 'expired'
      : 'active';
const STATE_COLOR: Record<TokenState, string> = { active: 'success', revoked: 'default', expired: 'warning' };

/** API tokens (issue 4 Admin): issue with scopes and expiry (the secret is shown once), see last use, revoke. */
const TokensPage = () => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const client = useQueryClient();
  const nameOf = useUserNames();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const q = useQuery({
    queryKey: ['api-tokens'],
    queryFn: () => api.get<ApiTokenList>('/api/v1/api-tokens'),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['api-tokens'] });

  const revoke = async (tk: ApiToken) => {
    try {
      await api.post(`/api/v1/api-tokens/${tk.id}/revoke`);
      void message.success(t('tokens.revoked', { name: tk.name }));
      void refresh();
    } catch (e) {
      void message.error(errorText(e), 6);
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    { title: t('tokens.prefix'), key: 'prefix', render: (_, tk) => <code>{tk.prefix}…</code> },
    {
      title: t('tokens.scopes'),
      key: 'scopes',
      render: (_, tk) => (
        <Tooltip title={tk.scopes.map((s) => t(`perm.${s}`)).join(t('sep'))}>
          <Space size={[0, 4]} wrap style={{ maxWidth: 320 }}>
            {tk.scopes.slice(0, 4).map((s) => (
              <Tag key={s}>{t(`perm.${s}`)}</Tag>
            ))}
            {tk.scopes.length > 4 && <Tag>+{tk.scopes.length - 4}</Tag>}
          </Space>
        </Tooltip>
      ),
    },
    { title: t('tokens.owner'), key: 'owner', render: (_, tk) => nameOf(tk.ownerUserId) },
    { title: t('tokens.createdAt'), key: 'createdAt', render: (_, tk) => formatDateTime(tk.createdAt) },
    {
      title: t('tokens.expiresAt'),
      key: 'expiresAt',
      render: (_, tk) => (tk.expiresAt ? formatDateTime(tk.expiresAt) : t('tokens.never')),
    },
    {
      title: t('tokens.lastUsedAt'),
      key: 'lastUsedAt',
      render: (_, tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('tokens.neverUsed')),
    },
    {
      title: t('tokens.state'),
      key: 'state',
      render: (_, tk) => <Tag color={STATE_COLOR[stateOf(tk)]}>{t(`tokens.stateOf.${stateOf(tk)}`)}</Tag>,
    },
    {
      title: t('common:actions'),
      key: 'actions',
      render: (_, tk) =>
        stateOf(tk) === 'revoked' ? null : (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: tk.name })}
            description={t('tokens.revokeHint')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void revoke(tk)}
          >
            <Button type="link" danger size="small" data-testid={`token-revoke-${tk.prefix}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Space>
          <Tooltip title={t('refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={t('refresh')} onClick={() => void refresh()} />
          </Tooltip>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        </Space>
      }
    >
      {q.error && <Alert type="error" showIcon message={errorText(q.error)} style={{ marginBottom: 12 }} />}
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        data-testid="tokens-table"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        columns={columns}
        pagination={false}
        onRow={(tk) => rowTestId(`token-row-${tk.prefix}`)}
        scroll={{ x: 'max-content' }}
      />
      <CreateTokenModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) {
            setSecret(created.secret);
            void refresh();
          }
        }}
      />
      <SecretOnceModal
        title={t('tokens.secretTitle')}
        secret={secret}
        hint={t('tokens.secretHint')}
        onClose={() => setSecret(undefined)}
      />
    </Card>
  );
};

export default TokensPage;
