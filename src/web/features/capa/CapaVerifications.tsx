import { Descriptions, Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CapaAction } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { formatUnits } from '../batch-case/batch-case-format';
import { useUserNames } from '../compensation/compensation-queries';

type Verification = CapaAction['verifications'][number];
type Evidence = Verification['evidence'];
type BatchChecked = Evidence['batchesChecked'][number];

const OUTCOME_COLOR: Record<Verification['outcome'] | 'pending', string> = {
  verified: 'green',
  reopened: 'red',
  review: 'magenta',
  pending: 'blue',
};

/** The evidence of one effectiveness decision (R-CAPA-3): batches produced since the effective date and recurrences. */
export const CapaEvidence = ({ evidence }: { evidence: Evidence }) => {
  const { t } = useTranslation('capa');
  return (
    <div>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('verification.unitsProduced')}>
          {formatUnits(evidence.unitsProduced)}
        </Descriptions.Item>
        <Descriptions.Item label={t('verification.complaintsCounted')}>
          {evidence.complaintsCounted}
        </Descriptions.Item>
        <Descriptions.Item label={t('verification.recurrences')}>
          {evidence.recurrences.length === 0
            ? 0
            : evidence.recurrences.map((r) => (
                <Link key={r.complaintId} to={`/complaints/${r.complaintId}`} style={{ marginRight: 8 }}>
                  {r.complaintNumber ?? r.complaintId}（{r.batchNo}）
                </Link>
              ))}
        </Descriptions.Item>
        {evidence.note && (
          <Descriptions.Item label={t('verification.note')} span={3}>
            {evidence.note}
          </Descriptions.Item>
        )}
      </Descriptions>
      {evidence.batchesChecked.length > 0 && (
        <Table<BatchChecked>
          size="small"
          rowKey="batchNo"
          pagination={false}
          title={() => t('verification.batches')}
          dataSource={evidence.batchesChecked}
          columns={[
            { title: t('verification.batchNo'), dataIndex: 'batchNo' },
            { title: t('verification.productionDate'), dataIndex: 'productionDate' },
            {
              title: t('verification.quantity'),
              key: 'quantity',
              align: 'right',
              render: (_, b) => formatUnits(b.quantity),
            },
          ]}
        />
      )}
    </div>
  );
};

/** Every verification of an action, newest last: verified, reopened or sent to review, with its evidence. */
export const CapaVerifications = ({ action }: { action: CapaAction }) => {
  const { t } = useTranslation('capa');
  const userName = useUserNames();
  if (action.verifications.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('verification.none')} />;
  return (
    <Timeline
      items={action.verifications.map((v) => ({
        color: OUTCOME_COLOR[v.outcome],
        children: (
          <div data-testid="capa-verification" data-outcome={v.outcome}>
            <Typography.Text strong>
              <Tag color={OUTCOME_COLOR[v.outcome]}>{t(`outcome.${v.outcome}`)}</Tag>
              {formatDateTime(v.at)} · {v.by ? userName(v.by) : t('verification.system')}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t('verification.window', { from: v.evidence.producedFrom, to: v.windowEndsOn })}
              </Typography.Text>
              {v.rules.map((r) => (
                <Tag key={`${r.rule}-${r.detail ?? ''}`} style={{ marginLeft: 8 }}>
                  {r.rule}
                  {r.detail ? ` · ${r.detail}` : ''}
                </Tag>
              ))}
            </div>
            <CapaEvidence evidence={v.evidence} />
          </div>
        ),
      }))}
    />
  );
};
