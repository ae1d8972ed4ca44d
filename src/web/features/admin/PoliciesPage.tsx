import { ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../app/api-client';
import type { Policy, PolicyList } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import type { DurationSpec } from '../../../domain/sla/compute-due-at';
import { errorText, useLang, useUserNames } from './admin-hooks';
import { DuePreviewCard } from './DuePreviewCard';
import { PolicyEditor } from './PolicyEditor';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

/** Policies as data (DOMAIN intro): every key with its state; the deadline policy in a structured editor. */
const PoliciesPage = () => {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const client = useQueryClient();
  const nameOf = useUserNames();
  const [params, setParams] = useSearchParams();
  const selected = params.get('key') ?? 'deadline_policy';
  const [seed, setSeed] = useState<{ duration: DurationSpec; at: number }>();
  const q = useQuery({ queryKey: ['policies'], queryFn: () => api.get<PolicyList>('/api/v1/policies') });
  const current = q.data?.items.find((p) => p.key === selected);
  const who = (by: string | null) =>
    by === null ? '—' : by.startsWith('system:') ? t('policies.system', { name: by.slice(7) }) : nameOf(by);

  const columns: TableColumnsType<Policy> = [
    {
      title: t('policies.col.label'),
      key: 'label',
      render: (_, p) => (
        <Space size={6} wrap={false}>
          <Typography.Text strong>{p.label[lang]}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.key}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('policies.col.version'), key: 'version', render: (_, p) => `v${p.version}` },
    {
      title: t('policies.col.state'),
      key: 'state',
      render: (_, p) =>
        p.isDefault ? <Tag>{t('policies.default')}</Tag> : <Tag color="blue">{t('policies.changed')}</Tag>,
    },
    { title: t('policies.col.updatedBy'), key: 'updatedBy', render: (_, p) => who(p.updatedBy) },
    { title: t('policies.col.updated'), key: 'updated', render: (_, p) => formatDateTime(p.updatedAt) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            title={t('policies.title')}
            extra={
              <Tooltip title={t('refresh')}>
                <Button
                  icon={<ReloadOutlined />}
                  aria-label={t('refresh')}
                  onClick={() => void client.invalidateQueries({ queryKey: ['policies'] })}
                />
              </Tooltip>
            }
          >
            {q.error && <Alert type="error" showIcon message={errorText(q.error)} />}
            <Table<Policy>
              rowKey="key"
              size="small"
              data-testid="policies-table"
              loading={q.isPending}
              dataSource={q.data?.items ?? []}
              columns={columns}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(p) => ({
                'data-testid': `policy-row-${p.key}`,
                onClick: () => setParams({ key: p.key }, { replace: true }),
                style: { cursor: 'pointer', background: p.key === selected ? '#e6f4ff' : undefined },
              })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <DuePreviewCard seed={seed} />
        </Col>
      </Row>
      {current && (
        <Card
          title={
            <Space>
              {current.label[lang]}
              <Typography.Text type="secondary" code>
                {current.key}
              </Typography.Text>
              {current.isDefault ? (
                <Tag>{t('policies.default')}</Tag>
              ) : (
                <Tag color="blue">{t('policies.changed')}</Tag>
              )}
            </Space>
          }
        >
          <PolicyEditor policy={current} onPreview={(duration) => setSeed({ duration, at: Date.now() })} />
        </Card>
      )}
    </Space>
  );
};

export default PoliciesPage;
