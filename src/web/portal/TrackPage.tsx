import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError, toQuery } from '../app/api-client';
import type { PortalView } from '../app/api-types';
import { ComplaintView } from './ComplaintView';
import { keyFields, trackQueryKey, type PortalKey } from './portal-key';
import { TrackLookupForm } from './TrackLookupForm';

/** `/portal/track?token=…` (the link from the receipt), or a look-up by number and the last 4 phone digits. */
export const TrackPage = () => {
  const { t } = useTranslation('portal');
  const [params, setParams] = useSearchParams();
  const token = params.get('token');
  const [byNumber, setByNumber] = useState<PortalKey | undefined>(undefined);
  const key: PortalKey | undefined = token ? { token } : byNumber;

  const q = useQuery({
    queryKey: key ? trackQueryKey(key) : ['portal-track', 'none'],
    queryFn: ({ signal }) =>
      api.get<PortalView>(`/api/v1/portal/complaints/track${toQuery(keyFields(key!))}`, { signal }),
    enabled: key !== undefined,
    staleTime: 30_000,
  });

  const reset = () => {
    setByNumber(undefined);
    if (token) setParams({}, { replace: true });
  };
  const error = q.error && (
    <Alert
      type="error"
      showIcon
      message={q.error instanceof ApiError ? q.error.message : String(q.error)}
      data-testid="portal-track-error"
    />
  );

  if (!key || (q.isError && !token))
    return (
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {error}
        <TrackLookupForm
          initial={byNumber && 'number' in byNumber ? byNumber : undefined}
          loading={q.isFetching}
          onLookup={(v) => {
            // The same number again after an error: ask again (the key, and so the query, is unchanged).
            if (JSON.stringify(v) === JSON.stringify(byNumber)) void q.refetch();
            else setByNumber(v);
          }}
        />
      </Space>
    );
  if (q.isPending)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  if (q.isError)
    return (
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {error}
        <Button block size="large" icon={<SearchOutlined />} onClick={reset}>
          {t('track.again')}
        </Button>
      </Space>
    );
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <ComplaintView view={q.data} portalKey={key} />
      <Button
        block
        size="large"
        icon={<ReloadOutlined />}
        loading={q.isFetching}
        onClick={() => void q.refetch()}
      >
        {t('track.refresh')}
      </Button>
      <Button block size="large" icon={<SearchOutlined />} onClick={reset}>
        {t('track.again')}
      </Button>
    </Space>
  );
};
