import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
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
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { Department } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { errorText, rowTestId, useDepartments } from './admin-hooks';
import { DepartmentFormModal, type DepartmentEdit } from './DepartmentFormModal';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

export type DepartmentNode = Department & { children?: DepartmentNode[] };

/** The flat list (parents first) as a tree for the table. */
export const toTree = (items: readonly Department[]): DepartmentNode[] => {
  const byId = new Map<string, DepartmentNode>(items.map((d) => [d.id, { ...d }]));
  const roots: DepartmentNode[] = [];
  for (const d of items) {
    const node = byId.get(d.id)!;
    const parent = d.parentId ? byId.get(d.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
};

/** The department tree (issue 4 Admin): create, edit, move, deactivate and delete empty departments. */
const DepartmentsPage = () => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useDepartments();
  const [editing, setEditing] = useState<DepartmentEdit>();
  const tree = useMemo(() => toTree(q.data?.items ?? []), [q.data]);
  const refresh = () => client.invalidateQueries({ queryKey: ['departments'] });

  const remove = async (d: Department) => {
    try {
      await api.delete(`/api/v1/departments/${d.id}`);
      void message.success(t('departments.deleted', { name: d.name }));
      void refresh();
    } catch (e) {
      void message.error(errorText(e), 6);
    }
  };

  const columns: TableColumnsType<DepartmentNode> = [
    { title: t('departments.name'), dataIndex: 'name', key: 'name' },
    { title: t('departments.code'), dataIndex: 'code', key: 'code', render: (c: string) => <Tag>{c}</Tag> },
    {
      title: t('departments.nameEn'),
      dataIndex: 'nameEn',
      key: 'nameEn',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('departments.active'),
      key: 'active',
      render: (_, d) =>
        d.active ? (
          <Tag color="success">{t('departments.enabled')}</Tag>
        ) : (
          <Tag>{t('departments.disabled')}</Tag>
        ),
    },
    { title: t('updatedAt'), key: 'updatedAt', render: (_, d) => formatDateTime(d.updatedAt) },
    {
      title: t('common:actions'),
      key: 'actions',
      render: (_, d) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing(d)}
            data-testid={`department-edit-${d.code}`}
          >
            {t('common:edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ parentId: d.id })}
            data-testid={`department-add-child-${d.code}`}
          >
            {t('departments.addChild')}
          </Button>
          <Popconfirm
            title={t('departments.deleteConfirm', { name: d.name })}
            description={t('departments.deleteHint')}
            onConfirm={() => void remove(d)}
            okButtonProps={{ danger: true }}
          >
            <Button type="link" size="small" danger disabled={!!d.children?.length}>
              {t('common:delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('departments.title')}
      extra={
        <Space>
          <Tooltip title={t('refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={t('refresh')} onClick={() => void refresh()} />
          </Tooltip>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ parentId: null })}
            data-testid="department-create"
          >
            {t('departments.create')}
          </Button>
        </Space>
      }
    >
      {q.error && <Alert type="error" showIcon message={errorText(q.error)} style={{ marginBottom: 12 }} />}
      {q.data && (
        <Table<DepartmentNode>
          rowKey="id"
          size="middle"
          data-testid="departments-tree"
          dataSource={tree}
          columns={columns}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          onRow={(d) => rowTestId(`department-row-${d.code}`)}
          scroll={{ x: 'max-content' }}
        />
      )}
      <DepartmentFormModal
        value={editing}
        departments={q.data?.items ?? []}
        onClose={(changed) => {
          setEditing(undefined);
          if (changed) void refresh();
        }}
      />
    </Card>
  );
};

export default DepartmentsPage;
