import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type { Complaint, CostAllocationView, DepartmentList } from '../../app/api-types';
import { FULL_SHARE_BP, PARTY_KINDS, type CostCause } from '../../../domain/compensation/allocate-cost';
import { formatYuan, rowTestId, yuanToFen } from './compensation-format';
import {
  defaultParty,
  defaultTotalFen,
  findShareProblem,
  formatBp,
  newRowKey,
  previewAmounts,
  rowsFromAllocation,
  rowsFromSuggestion,
  sumBp,
  toPutBody,
  type ShareRow,
} from './cost-allocation-form';
import { costAllocationKey, costAllocationsKey, LEDGER_KEY } from './cost-allocation-queries';
import { CostSuggestion } from './CostSuggestion';

type Props = {
  complaint: Complaint;
  view: CostAllocationView;
  cause: CostCause | undefined;
  onCause: (cause: CostCause | undefined) => void;
  onSaved: () => void;
  onCancel?: () => void;
};

/**
 * The allocation as an editable table: one row per party (type, name, share in %), the amounts previewed with the
 * server's own largest-remainder split, the share total live; saved only when the shares add up to exactly 100 %.
 * Starts from the stored allocation, or from the suggested party at 100 %.
 */
export const CostAllocationEditor = ({ complaint, view, cause, onCause, onSaved, onCancel }: Props) => {
  const { t } = useTranslation('costAllocation');
  const { message } = App.useApp();
  const client = useQueryClient();
  const stored = view.allocations.length > 0;
  const [rows, setRows] = useState<ShareRow[]>(() =>
    stored ? rowsFromAllocation(view) : rowsFromSuggestion(view, complaint),
  );
  const [touched, setTouched] = useState(false);
  const [totalYuan, setTotalYuan] = useState<number | null>(defaultTotalFen(view) / 100);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const suggested = view.suggestion.partyKind;
  // A fresh allocation follows the suggestion (a cause chosen above changes it) until the person edits a row
  // (React's "adjust state when a prop changes" pattern: no effect, no extra paint).
  const [followed, setFollowed] = useState(suggested);
  if (followed !== suggested) {
    setFollowed(suggested);
    if (!stored && !touched) setRows(rowsFromSuggestion(view, complaint));
  }
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<DepartmentList>('/api/v1/departments'),
    enabled: rows.some((r) => r.partyKind === 'production_department'),
    staleTime: 300_000,
  });
  const deptOptions = (departments.data?.items ?? [])
    .filter((d) => d.active)
    .map((d) => ({ value: d.name, id: d.id }));

  const totalFen = totalYuan === null ? null : yuanToFen(totalYuan);
  const amounts = previewAmounts(totalFen ?? 0, rows);
  const sum = sumBp(rows);
  const problem = findShareProblem(rows, totalFen);

  const update = (key: string, patch: Partial<ShareRow>) => {
    setTouched(true);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const accept = () => {
    setTouched(false);
    setRows(rowsFromSuggestion(view, complaint));
  };
  const add = () => {
    setTouched(true);
    setRows((rs) => [
      ...rs,
      {
        key: newRowKey(),
        partyKind: 'supplier',
        partyName: '',
        departmentId: null,
        percent: Math.max(0, FULL_SHARE_BP - sumBp(rs)) / 100 || null,
        reason: '',
      },
    ]);
  };
  const save = async () => {
    if (problem || totalFen === null) return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.put<CostAllocationView>(
        `/api/v1/complaints/${complaint.id}/cost-allocation`,
        toPutBody(rows, totalFen, cause),
      );
      client.setQueryData(costAllocationKey(complaint.id, cause), saved);
      await Promise.all([
        client.invalidateQueries({ queryKey: costAllocationsKey(complaint.id) }),
        client.invalidateQueries({ queryKey: LEDGER_KEY }),
      ]);
      void message.success(t('saved'));
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="cost-editor">
      <CostSuggestion view={view} cause={cause} onCause={onCause} onAccept={accept} />
      <Table<ShareRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        onRow={(_, i) => rowTestId(`cost-row-${i ?? 0}`)}
        columns={[
          {
            title: t('column.kind'),
            key: 'kind',
            width: 190,
            render: (_, r) => (
              <Select
                style={{ width: '100%' }}
                value={r.partyKind}
                data-testid="cost-kind"
                onChange={(partyKind) => update(r.key, { partyKind, ...defaultParty(partyKind, complaint) })}
                options={PARTY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
            ),
          },
          {
            title: t('column.name'),
            key: 'name',
            width: 220,
            render: (_, r) =>
              r.partyKind === 'production_department' ? (
                <AutoComplete
                  style={{ width: '100%' }}
                  value={r.partyName}
                  options={deptOptions}
                  placeholder={t('namePlaceholder')}
                  data-testid="cost-name"
                  onChange={(name: string) =>
                    update(r.key, {
                      partyName: name,
                      departmentId: deptOptions.find((d) => d.value === name)?.id ?? null,
                    })
                  }
                />
              ) : (
                <Input
                  value={r.partyName}
                  maxLength={100}
                  placeholder={t('namePlaceholder')}
                  data-testid="cost-name"
                  onChange={(e) => update(r.key, { partyName: e.target.value })}
                />
              ),
          },
          {
            title: t('column.share'),
            key: 'share',
            width: 130,
            render: (_, r) => (
              <InputNumber<number>
                style={{ width: '100%' }}
                min={0.01}
                max={100}
                step={1}
                precision={2}
                value={r.percent}
                addonAfter="%"
                data-testid="cost-share"
                onChange={(percent) => update(r.key, { percent })}
              />
            ),
          },
          {
            title: t('column.amount'),
            key: 'amount',
            align: 'right',
            width: 120,
            render: (_, r, i) => (
              <Typography.Text type="secondary" data-testid="cost-amount">
                {formatYuan(amounts[i] ?? 0)}
              </Typography.Text>
            ),
          },
          {
            title: t('column.reason'),
            key: 'reason',
            render: (_, r) => (
              <Input
                value={r.reason}
                maxLength={300}
                placeholder={
                  r.partyKind === suggested
                    ? t('reasonAuto', { rules: view.suggestion.rules.map((x) => x.rule).join(', ') })
                    : t('reasonPlaceholder')
                }
                onChange={(e) => update(r.key, { reason: e.target.value })}
              />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 48,
            render: (_, r) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('remove')}
                disabled={rows.length === 1}
                onClick={() => {
                  setTouched(true);
                  setRows((rs) => rs.filter((x) => x.key !== r.key));
                }}
              />
            ),
          },
        ]}
      />
      <Space wrap size="large" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={add} disabled={rows.length >= 20} data-testid="cost-add">
            {t('addParty')}
          </Button>
          <Typography.Text
            strong
            type={sum === FULL_SHARE_BP ? 'success' : 'danger'}
            data-testid="cost-share-sum"
            data-sum-bp={sum}
          >
            {t('sum', { pct: formatBp(sum) })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Typography.Text>{t('total')}</Typography.Text>
          <InputNumber<number>
            min={0}
            step={0.01}
            precision={2}
            value={totalYuan}
            onChange={setTotalYuan}
            style={{ width: 160 }}
            prefix="¥"
            data-testid="cost-total"
          />
          {onCancel && <Button onClick={onCancel}>{t('cancel')}</Button>}
          <Button
            type="primary"
            loading={busy}
            disabled={problem !== null}
            onClick={() => void save()}
            data-testid="cost-save"
          >
            {t('save')}
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary">{t('totalHint')}</Typography.Text>
      {problem && (
        <Typography.Text type={problem === 'sum' ? 'danger' : 'warning'} data-testid="cost-problem">
          {t(`problem.${problem}`)}
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon message={error} data-testid="cost-error" />}
    </Space>
  );
};
