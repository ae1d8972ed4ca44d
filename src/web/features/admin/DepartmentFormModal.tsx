import { App, Form, Input, Modal, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../app/api-types';
import { errorText } from './admin-hooks';

/** A department to edit, or `{ parentId }` to create one under that parent (null: a root). */
export type DepartmentEdit = Department | { readonly parentId: string | null };

type Props = {
  readonly value: DepartmentEdit | undefined;
  readonly departments: readonly Department[];
  readonly onClose: (changed: boolean) => void;
};

type Values = { code: string; name: string; nameEn?: string; parentId?: string | null; active?: boolean };
type TreeNode = { value: string; title: string; disabled?: boolean; children?: TreeNode[] };

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The department tree for the parent picker; a department cannot move under itself or its own subtree. */
const parentTree = (items: readonly Department[], exclude: string | undefined): TreeNode[] => {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const excluded = new Set<string>();
  for (const d of items) {
    const off = d.id === exclude || (d.parentId !== null && excluded.has(d.parentId));
    if (off) excluded.add(d.id);
    const node: TreeNode = { value: d.id, title: `${d.name} (${d.code})`, disabled: off };
    nodes.set(d.id, node);
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
};

/** Create or edit a department: code, name, English name, parent (moves the subtree), active. */
export const DepartmentFormModal = ({ value, departments, onClose }: Props) => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const editing = value && 'id' in value ? value : undefined;
  const tree = useMemo(() => parentTree(departments, editing?.id), [departments, editing?.id]);

  useEffect(() => {
    if (!value) return;
    form.resetFields();
    form.setFieldsValue(
      'id' in value
        ? {
            code: value.code,
            name: value.name,
            nameEn: value.nameEn ?? '',
            parentId: value.parentId,
            active: value.active,
          }
        : { parentId: value.parentId ?? undefined },
    );
  }, [value, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    try {
      const nameEn = v.nameEn?.trim() ? v.nameEn.trim() : null;
      if (editing) {
        const body: UpdateDepartmentBody = {
          version: editing.version,
          code: v.code,
          name: v.name,
          nameEn,
          parentId: v.parentId ?? null,
          active: v.active,
        };
        await api.patch(`/api/v1/departments/${editing.id}`, body);
      } else {
        const body: CreateDepartmentBody = {
          code: v.code,
          name: v.name,
          nameEn,
          parentId: v.parentId ?? null,
        };
        await api.post('/api/v1/departments', body);
      }
      void message.success(t('common:saved'));
      onClose(true);
    } catch (e) {
      void message.error(errorText(e), 6);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!value}
      title={editing ? t('departments.editTitle', { name: editing.name }) : t('departments.create')}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'department-form-submit' } as never}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      destroyOnClose
    >
      <Form form={form} layout="vertical" data-testid="department-form">
        <Form.Item
          name="code"
          label={t('departments.code')}
          extra={t('departments.codeHint')}
          rules={[
            { required: true, message: t('v.codeRequired') },
            { pattern: CODE, message: t('v.codePattern') },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[{ required: true, whitespace: true, message: t('v.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('departments.nameEn')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('departments.parent')}
          extra={editing ? t('departments.moveHint') : undefined}
        >
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={t('departments.noParent')}
            treeData={tree}
          />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('departments.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};
