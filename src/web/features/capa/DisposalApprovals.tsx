import { Card, Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disposal } from '../../app/api-types';
import { formatDateTime } from '../../app/time';

const pre = { whiteSpace: 'pre-wrap' } as const;

/** One signed step of a disposal's history: who did it and when (bold), what they wrote, and a footnote. */
export const DisposalHistoryEntry = (props: {
  readonly testId: string;
  readonly title: string;
  readonly text: string;
  readonly footnote?: ReactNode;
  readonly children?: ReactNode;
}) => (
  <div data-testid={props.testId}>
    <Typography.Text strong>{props.title}</Typography.Text>
    <div style={pre}>{props.text}</div>
    {props.footnote && <Typography.Text type="secondary">{props.footnote}</Typography.Text>}
    {props.children}
  </div>
);

/**
 * The chief engineer's approvals and returns of a disposal, oldest first (R-ESC-3): each round's decision is published
 * only once he approved it.
 */
export const DisposalApprovals = ({ d }: { readonly d: Disposal }) => {
  const { t } = useTranslation('disposal');
  const entries = [
    ...d.approvals.map((a) => ({
      at: a.at,
      color: 'green',
      children: (
        <DisposalHistoryEntry
          testId="disposal-approval"
          title={t('detail.approvedBy', {
            name: a.byName ?? a.by ?? '—',
            time: formatDateTime(a.at),
            round: a.round,
          })}
          text={a.decision}
          footnote={a.note && `${t('detail.approvalNote')}: ${a.note}`}
        />
      ),
    })),
    ...d.returns.map((r) => ({
      at: r.at,
      color: 'red',
      children: (
        <DisposalHistoryEntry
          testId="disposal-returned"
          title={t('detail.returnedBy', {
            name: r.byName ?? r.by ?? '—',
            time: formatDateTime(r.at),
            round: r.round,
          })}
          text={r.reason}
          footnote={`${t('detail.returnedDecision')}: ${r.decisionReturned}`}
        />
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card title={t('detail.approvals')} data-testid="disposal-approvals">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noApprovals')} />
      ) : (
        <Timeline items={entries.map(({ color, children }) => ({ color, children }))} />
      )}
    </Card>
  );
};
