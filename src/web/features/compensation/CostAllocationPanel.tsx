import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint, CostAllocationView } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import type { CostCause } from '../../../domain/compensation/allocate-cost';
import { formatYuan } from './compensation-format';
import { costAllocationMessages } from './cost-allocation.i18n';
import { useCostAllocation } from './cost-allocation-queries';
import { CostAllocationEditor } from './CostAllocationEditor';
import { CostAllocationTable } from './CostAllocationTable';
import { CostSuggestion } from './CostSuggestion';

registerMessages('costAllocation', costAllocationMessages);

const LedgerFigures = ({ ledger }: { ledger: CostAllocationView['ledger'] }) => {
  const { t } = useTranslation('costAllocation');
  return (
    <Descriptions
      size="small"
      column={{ xs: 2, sm: 2, md: 4, lg: 4, xl: 4, xxl: 4 }}
      data-testid="cost-ledger"
    >
      <Descriptions.Item label={t('ledger.proposed')}>{formatYuan(ledger.proposedFen)}</Descriptions.Item>
      <Descriptions.Item label={t('ledger.approved')}>{formatYuan(ledger.approvedFen)}</Descriptions.Item>
      <Descriptions.Item label={t('ledger.agreed')}>{formatYuan(ledger.agreedFen)}</Descriptions.Item>
      <Descriptions.Item label={t('ledger.paid')}>{formatYuan(ledger.paidFen)}</Descriptions.Item>
    </Descriptions>
  );
};

/**
 * 费用分摊 (R-RES-8) on the compensation tab, for holders of compensation.allocate: the complaint's ledger amounts,
 * the suggested party with its rules, and the allocation — an editor until one is saved, then the parties with their
 * amounts and printable forms, changeable again.
 */
export const CostAllocationPanel = ({ complaint }: { complaint: Complaint }) => {
  const { t } = useTranslation('costAllocation');
  const [cause, setCause] = useState<CostCause>();
  const [editing, setEditing] = useState(false);
  const q = useCostAllocation(complaint.id, cause);
  if (q.error)
    return (
      <Alert
        type="error"
        showIcon
        message={t('loadFailed')}
        description={q.error.message}
        action={<Button onClick={() => void q.refetch()}>{t('reload')}</Button>}
      />
    );
  const view = q.data;
  const stored = (view?.allocations.length ?? 0) > 0;
  const showEditor = editing || !stored;
  return (
    <Card
      size="small"
      title={t('title')}
      loading={!view}
      data-testid="cost-allocation"
      extra={
        view &&
        !showEditor && (
          <Space>
            <Typography.Text type="secondary">
              {t('allocated', { amount: formatYuan(view.totalFen) })}
            </Typography.Text>
            <Button size="small" onClick={() => setEditing(true)} data-testid="cost-edit">
              {t('edit')}
            </Button>
          </Space>
        )
      }
    >
      {view && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
          <LedgerFigures ledger={view.ledger} />
          {!stored && view.ledger.agreedFen <= 0 && view.ledger.paidFen <= 0 && (
            <Alert type="info" showIcon message={t('nothingPaid')} />
          )}
          {showEditor ? (
            <CostAllocationEditor
              key={view.allocations.map((a) => a.id).join() || 'new'}
              complaint={complaint}
              view={view}
              cause={cause}
              onCause={setCause}
              onSaved={() => setEditing(false)}
              onCancel={stored ? () => setEditing(false) : undefined}
            />
          ) : (
            <>
              <CostSuggestion view={view} cause={cause} onCause={setCause} />
              <CostAllocationTable view={view} />
            </>
          )}
        </Space>
      )}
    </Card>
  );
};
