import { Card, Descriptions, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortalView } from '../app/api-types';
import { formatDateTime } from '../app/time';
import { isTerminal } from '../../domain/complaint/complaint-status';
import { AddPhotos } from './AddPhotos';
import type { PortalKey } from './portal-key';
import { ProposalCard } from './ProposalCard';
import { RatingForm } from './RatingForm';

const STATUS_COLOR: Partial<Record<PortalView['status'], string>> = {
  awaiting_customer: 'gold',
  agreed: 'lime',
  executing: 'orange',
  resolved: 'green',
  follow_up: 'green',
  closed: 'success',
  reopened: 'magenta',
};

const cardProps = { variant: 'borderless', styles: { body: { padding: 16 } } } as const;

/** What the customer sees of the complaint: status, progress, the proposal to answer, the outcome to rate. */
export const ComplaintView = ({ view, portalKey }: { view: PortalView; portalKey: PortalKey }) => {
  const { t } = useTranslation('portal');
  const { t: tv } = useTranslation('vocab');
  // A terminal status names its closure even when the server has no closure record (e.g. closed after a rating).
  const closureKind = view.closure?.kind ?? (isTerminal(view.status) ? view.status : undefined);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card {...cardProps}>
        <Typography.Text type="secondary">{t('receipt.number')}</Typography.Text>
        <Typography.Title level={3} style={{ margin: '2px 0 8px' }} data-testid="portal-track-number-value">
          {view.number}
        </Typography.Title>
        <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 96 } }}>
          <Descriptions.Item label={t('track.status')}>
            <Tag
              color={STATUS_COLOR[view.status] ?? 'blue'}
              style={{ fontSize: 14, padding: '2px 10px' }}
              data-testid="portal-status"
              data-status={view.status}
            >
              {tv(`status.${view.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('track.receivedAt')}>
            {formatDateTime(view.receivedAt)}
          </Descriptions.Item>
          {view.productName && (
            <Descriptions.Item label={t('track.product')}>{view.productName}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('track.handler')}>
            <span data-testid="portal-handler">{view.handler ?? t('track.notAssigned')}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {view.canAnswer && view.proposal && <ProposalCard proposal={view.proposal} portalKey={portalKey} />}

      {view.agreement && (
        <Card {...cardProps} title={t('agreement.title')} data-testid="portal-agreement">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {view.agreement.terms}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('agreement.due')}：{formatDateTime(view.agreement.executionDueAt)}
          </Typography.Text>
        </Card>
      )}

      {view.resolution && (
        <Card {...cardProps} title={t('resolution')} data-testid="portal-resolution">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {view.resolution}
          </Typography.Paragraph>
        </Card>
      )}

      {view.canRate && <RatingForm portalKey={portalKey} />}

      {closureKind && (
        <Card {...cardProps} title={t('closure.title')} data-testid="portal-closure">
          <Typography.Paragraph strong style={{ marginBottom: 0 }}>
            {t(`closure.kind.${closureKind}`, { defaultValue: closureKind })}
          </Typography.Paragraph>
          {view.closure?.reason && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {t('closure.reason')}：{view.closure.reason}
            </Typography.Paragraph>
          )}
          {view.closure?.reopenedAs && (
            <Typography.Paragraph copyable={{ text: view.closure.reopenedAs }} style={{ margin: '8px 0 0' }}>
              {t('closure.reopenedAs', { number: view.closure.reopenedAs })}
            </Typography.Paragraph>
          )}
        </Card>
      )}

      <Card {...cardProps} title={t('track.milestones')}>
        <Timeline
          data-testid="portal-milestones"
          style={{ marginBottom: -24 }}
          items={[...view.milestones].reverse().map((m, i) => ({
            color: i === 0 ? 'blue' : 'gray',
            children: (
              <>
                <div>{t(`track.milestone.${m.event}`, { defaultValue: m.event })}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(m.at)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>

      {!closureKind && <AddPhotos portalKey={portalKey} />}
    </div>
  );
};
