import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { CapaActions } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { capaMessages } from './capa.i18n';
import { CAPA_ACTIONS_KEY } from './capa-queries';
import { CapaActionsTable } from './CapaActionsTable';
import { CreateCapaModal, type CapaPreset } from './CreateCapaModal';

registerMessages('capa', capaMessages);

/** The CAPA actions raised from one source (a batch case, a complaint…), and a new one prefilled from it. */
export const SourceCapaCard = ({ preset }: { preset: CapaPreset }) => {
  const { t } = useTranslation('capa');
  const { access } = useSession();
  const [creating, setCreating] = useState(false);
  const query = { sourceType: preset.sourceType, sourceId: preset.sourceId, sort: 'createdAt', limit: 200 };
  const q = useQuery({
    queryKey: [...CAPA_ACTIONS_KEY, query],
    queryFn: () => api.get<CapaActions>(`/api/v1/capa-actions${toQuery(query)}`),
    enabled: access.has('capa.read'),
  });
  if (!access.has('capa.read')) return null;
  return (
    <Card
      title={t('list.title')}
      data-testid="source-capa"
      extra={
        access.has('capa.manage') && (
          <Button icon={<PlusOutlined />} data-testid="capa-create" onClick={() => setCreating(true)}>
            {t('list.create')}
          </Button>
        )
      }
    >
      <CapaActionsTable actions={q.data?.items ?? []} loading={q.isPending} />
      <CreateCapaModal open={creating} preset={preset} stay onClose={() => setCreating(false)} />
    </Card>
  );
};
