import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CapaAction } from '../../app/api-types';
import { rowTestId } from '../compensation/compensation-format';
import { CAPA_STATUS_COLOR, formatDueDay } from './capa-format';

/** CAPA actions with owner, due date (red once overdue), status and times reopened. */
export const CapaActionsTable = ({
  actions,
  loading,
}: {
  actions: readonly CapaAction[];
  loading?: boolean;
}) => {
  const { t } = useTranslation('capa');
  return (
    <Table<CapaAction>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...actions]}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('list.none') }}
      onRow={(a) => rowTestId(`capa-${a.number}`)}
      columns={[
        {
          title: t('list.number'),
          key: 'number',
          render: (_, a) => <Link to={`/capa-actions/${a.id}`}>{a.number}</Link>,
        },
        { title: t('list.kind'), key: 'kind', render: (_, a) => t(`kind.${a.kind}`) },
        { title: t('list.title_'), dataIndex: 'title' },
        { title: t('list.owner'), key: 'owner', render: (_, a) => a.ownerName ?? a.ownerId },
        {
          title: t('list.due'),
          key: 'due',
          render: (_, a) => (
            <Space size={4} wrap>
              <span>{formatDueDay(a.dueAt)}</span>
              {a.overdue && <Tag color="red">{t('list.overdue')}</Tag>}
              {a.escalatedAt && <Tag color="volcano">{t('list.escalated')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, a) => (
            <Tag color={CAPA_STATUS_COLOR[a.status]} data-status={a.status}>
              {t(`status.${a.status}`)}
            </Tag>
          ),
        },
        {
          title: t('list.reopened'),
          key: 'reopened',
          align: 'right',
          render: (_, a) => (a.reopenCount > 0 ? <Tag color="volcano">{a.reopenCount}</Tag> : 0),
        },
      ]}
    />
  );
};
