import { Button, InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { Recall, RecallTarget, RecordRecallTargetBody } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { formatUnits } from '../batch-case/batch-case-format';
import { useRefreshQuality, useWrite } from '../batch-case/quality-queries';
import { rowTestId } from '../compensation/compensation-format';

const customerName = (target: RecallTarget, unknown: string): string =>
  target.customer ? [target.customer.code, target.customer.name].filter(Boolean).join(' ') : unknown;

/** The running total recovered from one target: absolute, at most what it received, only once it was told. */
const RecoveredCell = ({
  recall,
  target,
  editable,
}: {
  recall: Recall;
  target: RecallTarget;
  editable: boolean;
}) => {
  const { t } = useTranslation('recall');
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const [value, setValue] = useState<number | null>(target.recoveredQuantity);
  if (!editable || !target.notifiedAt)
    return <span data-testid="target-recovered">{formatUnits(target.recoveredQuantity)}</span>;
  const save = async () => {
    if (value == null) return;
    const body: RecordRecallTargetBody = { recoveredQuantity: value };
    const view = await run(
      () => api.post<Recall>(`/api/v1/recalls/${recall.id}/targets/${target.id}`, body),
      t('targets.recoveredDone'),
    );
    if (view) await refresh.recall(view);
  };
  return (
    <Tooltip title={t('targets.recoveredHint')}>
      <Space.Compact>
        <InputNumber
          min={0}
          max={target.quantity}
          precision={0}
          value={value}
          onChange={setValue}
          style={{ width: 120 }}
          data-testid="target-recovered-input"
        />
        <Button
          loading={busy}
          disabled={value == null || value === target.recoveredQuantity}
          data-testid="target-recovered-save"
          onClick={() => void save()}
        >
          {t('targets.saveRecovered')}
        </Button>
      </Space.Compact>
    </Tooltip>
  );
};

/** The recall's targets (customer × region × batch from the shipments): notice and recovery per target. */
export const RecallTargetsTable = ({ recall, editable }: { recall: Recall; editable: boolean }) => {
  const { t } = useTranslation('recall');
  const refresh = useRefreshQuality();
  const { busy, run } = useWrite();
  const notify = async (target: RecallTarget) => {
    const body: RecordRecallTargetBody = { notified: true };
    const view = await run(
      () => api.post<Recall>(`/api/v1/recalls/${recall.id}/targets/${target.id}`, body),
      t('targets.notifyDone', { name: customerName(target, t('targets.unknownCustomer')) }),
    );
    if (view) await refresh.recall(view);
  };
  return (
    <Table<RecallTarget>
      size="small"
      rowKey="id"
      dataSource={recall.targets}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={(target) => rowTestId(`target-${target.customer?.code ?? target.id}`)}
      columns={[
        {
          title: t('targets.customer'),
          key: 'customer',
          render: (_, target) => customerName(target, t('targets.unknownCustomer')),
        },
        { title: t('targets.region'), dataIndex: 'region' },
        { title: t('targets.batchNo'), dataIndex: 'batchNo' },
        {
          title: t('targets.quantity'),
          key: 'quantity',
          align: 'right',
          render: (_, target) => formatUnits(target.quantity),
        },
        {
          title: t('targets.notifiedAt'),
          key: 'notifiedAt',
          render: (_, target) => (
            <Space size={4}>
              {target.notifiedAt ? (
                <span data-testid="target-notified">{formatDateTime(target.notifiedAt)}</span>
              ) : editable ? (
                <Button
                  size="small"
                  type="primary"
                  loading={busy}
                  data-testid="target-notify"
                  onClick={() => void notify(target)}
                >
                  {t('targets.notify')}
                </Button>
              ) : (
                '—'
              )}
              {target.notificationLate && (
                <Tag color="red" data-testid="target-late">
                  {t('targets.late')}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          title: t('targets.recovered'),
          key: 'recovered',
          render: (_, target) => (
            <RecoveredCell
              key={`${target.id}-${target.recoveredQuantity}`}
              recall={recall}
              target={target}
              editable={editable}
            />
          ),
        },
      ]}
    />
  );
};
