import { useQuery } from '@tanstack/react-query';
import { Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { TimelineView } from '../../app/api-types';
import { formatDateTime } from '../../app/time';

const COLOR = { audit: 'blue', communication: 'green', event: 'gray' } as const;

/** One timeline: changes (audit trail), contacts with the customer, and events with their notification delivery. */
export const TimelineTab = ({ complaintId }: { complaintId: string }) => {
  const { t } = useTranslation('complaint');
  const { t: tv } = useTranslation('vocab');
  // complaint.triage → the command's label; complaint.closed → the event's; unknown codes show as they are.
  const kindLabel = (source: string, kind: string): string => {
    if (source === 'communication') return kind;
    const code = kind.replace(/^complaint\./, '');
    return tv(`command.${code}`, {
      defaultValue: tv(`event.${code}`, { defaultValue: tv(`action.${code}`, { defaultValue: kind }) }),
    });
  };
  const q = useQuery({
    queryKey: ['timeline', complaintId],
    queryFn: () => api.get<TimelineView>(`/api/v1/complaints/${complaintId}/timeline`),
  });
  if (q.isPending) return <Spin />;
  if (!q.data || q.data.items.length === 0) return <Empty description={t('timeline.empty')} />;
  return (
    <Timeline
      data-testid="timeline"
      items={q.data.items.map((e) => {
        const fields = Array.isArray(e.detail.fields) ? (e.detail.fields as string[]) : [];
        return {
          key: e.id,
          color: COLOR[e.source],
          children: (
            <div>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
              <Tag color={COLOR[e.source]}>{t(`timeline.${e.source}`)}</Tag>
              <Typography.Text strong style={{ marginRight: 8 }}>
                {kindLabel(e.source, e.kind)}
              </Typography.Text>
              {e.actor && (
                <Typography.Text type="secondary">
                  {' '}
                  · {t(`timeline.actor.${e.actor}`, { defaultValue: e.actor })}
                </Typography.Text>
              )}
              {e.source === 'communication' && (
                <Tag style={{ marginLeft: 8 }}>
                  {e.detail.direction === 'inbound' ? t('timeline.inbound') : t('timeline.outbound')}
                </Tag>
              )}
              {e.summary && <div style={{ whiteSpace: 'pre-wrap' }}>{e.summary}</div>}
              {fields.length > 0 && (
                <div>
                  <Typography.Text type="secondary">
                    {t('timeline.fields', { fields: fields.join(', ') })}
                  </Typography.Text>
                </div>
              )}
              {e.source === 'event' && (
                <Typography.Text type="secondary">
                  {t('timeline.delivery', {
                    state: t(`timeline.deliveryState.${String(e.detail.delivery)}`, {
                      defaultValue: String(e.detail.delivery),
                    }),
                  })}
                </Typography.Text>
              )}
            </div>
          ),
        };
      })}
    />
  );
};
