import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type { Policy } from '../../app/api-types';
import type { DurationSpec } from '../../../domain/sla/compute-due-at';
import { DeadlineRulesTable } from './DeadlineRulesTable';
import { isDeadlinePolicy, localProblems, pretty, problemsByRow } from './deadline-rules';
import { JsonEditor, parseJson } from './JsonEditor';
import { problemsOf, useLang } from './admin-hooks';
import { ProblemList } from './ProblemList';

type Props = {
  readonly policy: Policy;
  readonly onPreview: (duration: DurationSpec) => void;
};

/**
 * Edits one policy: the deadline policy as a table of clocks (and JSON), every other policy as JSON. Saved with the
 * version read (409 when someone saved in between) and a reason for the audit trail; a 422 lists every problem.
 */
export const PolicyEditor = ({ policy, onPreview }: Props) => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<unknown>(policy.value);
  const [text, setText] = useState(() => pretty(policy.value));
  const [jsonError, setJsonError] = useState<string>();
  const [tab, setTab] = useState<'table' | 'json'>('table');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const isDeadline = policy.key === 'deadline_policy';
  const lang = useLang();

  useEffect(() => {
    setDraft(policy.value);
    setText(pretty(policy.value));
    setJsonError(undefined);
    setSaveError(undefined);
    setReason('');
  }, [policy.key, policy.version, policy.value]);

  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(policy.value), [draft, policy.value]);
  const local = useMemo(() => (isDeadline ? localProblems(draft) : []), [isDeadline, draft]);
  const rows = useMemo(() => problemsByRow([...local, ...problemsOf(saveError)]), [local, saveError]);

  const fromTable = (next: unknown) => {
    setDraft(next);
    setText(pretty(next));
    setJsonError(undefined);
  };
  const fromText = (next: string) => {
    setText(next);
    const parsed = parseJson(next);
    if (parsed.ok) {
      setDraft(parsed.value);
      setJsonError(undefined);
    } else setJsonError(parsed.error);
  };
  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['policies'] });
    setSaveError(undefined);
  };

  const save = async () => {
    if (jsonError) return void message.error(t('policies.fixJson'));
    if (!reason.trim()) return void setReasonMissing(true);
    setSaving(true);
    try {
      await api.put<Policy>(`/api/v1/policies/${policy.key}`, {
        value: draft,
        version: policy.version,
        reason: reason.trim(),
      });
      void message.success(t('policies.savedMsg', { label: policy.label[lang] }));
      setSaveError(undefined);
      await client.invalidateQueries({ queryKey: ['policies'] });
      void client.invalidateQueries({ queryKey: ['policy'] });
      void client.invalidateQueries({ queryKey: ['presets'] });
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const conflict = saveError instanceof ApiError && saveError.code === 'VERSION_CONFLICT';
  const json = <JsonEditor text={text} error={jsonError} onChange={fromText} testId="policy-json" />;
  const table = isDeadlinePolicy(draft) ? (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('deadline.policyName')}</span>
        <Input
          style={{ width: 160 }}
          value={draft.name}
          aria-label={t('deadline.policyName')}
          onChange={(e) => fromTable({ ...draft, name: e.target.value })}
        />
        <span>{t('deadline.policyVersion')}</span>
        <InputNumber
          min={1}
          precision={0}
          value={draft.version}
          aria-label={t('deadline.policyVersion')}
          onChange={(n) => n !== null && fromTable({ ...draft, version: Number(n) })}
        />
        <Typography.Text type="secondary">{t('deadline.hint')}</Typography.Text>
      </Space>
      <DeadlineRulesTable policy={draft} onChange={fromTable} rowProblems={rows} onPreview={onPreview} />
    </Space>
  ) : (
    <Alert type="warning" showIcon message={t('deadline.notTable')} />
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="policy-editor">
      {isDeadline ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'table' | 'json')}
          items={[
            { key: 'table', label: t('policies.tabTable'), children: table },
            { key: 'json', label: t('policies.tabJson'), children: json },
          ]}
        />
      ) : (
        json
      )}
      {local.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="policy-local-problems"
          message={t('policies.localProblems', { n: local.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 160, overflow: 'auto' }}>
              {local.map((p, i) => (
                <li key={i}>
                  <Typography.Text code>{p.path}</Typography.Text> {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <ProblemList error={saveError} testId="policy-problems" />
      {conflict && (
        <Button onClick={() => void reload()} data-testid="policy-reload">
          {t('policies.reload')}
        </Button>
      )}
      <Space wrap align="start">
        <Space direction="vertical" size={2}>
          <Input
            style={{ width: 420 }}
            maxLength={500}
            value={reason}
            status={reasonMissing ? 'error' : undefined}
            placeholder={t('policies.reasonPlaceholder')}
            aria-label={t('reason')}
            data-testid="policy-reason"
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
            }}
          />
          {reasonMissing && <Typography.Text type="danger">{t('v.reasonRequired')}</Typography.Text>}
        </Space>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={saving}
          disabled={!dirty}
          onClick={() => void save()}
          data-testid="policy-save"
        >
          {t('policies.save')}
        </Button>
        <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => fromTable(policy.value)}>
          {t('policies.discard')}
        </Button>
        <Typography.Text type="secondary">
          {t('policies.versionInfo', { version: policy.version })}
        </Typography.Text>
      </Space>
    </Space>
  );
};
