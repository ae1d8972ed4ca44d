import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { CapaActions } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { CAPA_KINDS, CAPA_STATUSES, type CapaKind, type CapaStatus } from '../../../domain/capa/capa-action';
import { capaMessages } from './capa.i18n';
import { CAPA_ACTIONS_KEY } from './capa-queries';
import { CapaActionsTable } from './CapaActionsTable';
import { CreateCapaModal } from './CreateCapaModal';

registerMessages('capa', capaMessages);

/** Corrective and preventive actions (R-CAPA-1…4): filter by status and kind, overdue only; create one. */
const CapaActionsPage = () => {
  const { t } = useTranslation('capa');
  const { access } = useSession();
  const [status, setStatus] = useState<CapaStatus>();
  const [kind, setKind] = useState<CapaKind>();
  const [overdue, setOverdue] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = { status, kind, overdue: overdue ? 'true' : undefined, limit: 200 };
  const q = useQuery({
    queryKey: [...CAPA_ACTIONS_KEY, query],
    queryFn: () => api.get<CapaActions>(`/api/v1/capa-actions${toQuery(query)}`),
  });
  return (
    <Card
      title={t('list.title')}
      data-testid="capa-actions"
      extra={
        access.has('capa.manage') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="capa-create"
            onClick={() => setCreating(true)}
          >
            {t('list.create')}
          </Button>
        )
      }
    >
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Select<CapaStatus>
          allowClear
          style={{ width: 180 }}
          placeholder={t('list.allStatuses')}
          value={status}
          onChange={setStatus}
          options={CAPA_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select<CapaKind>
          allowClear
          style={{ width: 160 }}
          placeholder={t('list.allKinds')}
          value={kind}
          onChange={setKind}
          options={CAPA_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} />
          <Typography.Text>{t('list.onlyOverdue')}</Typography.Text>
        </Space>
      </Space>
      <CapaActionsTable actions={q.data?.items ?? []} loading={q.isPending} />
      <CreateCapaModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
};

export default CapaActionsPage;
