import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import type { Complaint, TransitionBody, TransitionType } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { AdverseEventPanel } from '../adverse-event/AdverseEventPanel';
import { useComplaintAdverseEvent } from '../adverse-event/adverse-event-queries';
import { CloseBlockedBanner } from '../adverse-event/CloseBlockedBanner';
import { CompensationTab } from '../compensation/CompensationTab';
import { InvestigationTab } from '../investigation/InvestigationTab';
import { ClockBadge } from '../shared/ClockBadge';
import { StatusTag } from '../shared/StatusTag';
import { useNow } from '../shared/useNow';
import { useSeverities } from '../shared/useSeverities';
import { ActionModal } from './ActionModal';
import { ClocksTab } from './ClocksTab';
import { CommunicationsTab } from './CommunicationsTab';
import { DetailsTab } from './DetailsTab';
import { EvidenceTab } from './EvidenceTab';
import { SolutionTab } from './SolutionTab';
import { TimelineTab } from './TimelineTab';
import { registerMessages } from '../../app/i18n';
import { complaintMessages } from './complaint.i18n';

registerMessages('complaint', complaintMessages);

const RUNNING = new Set(['open', 'warning', 'breached', 'paused']);

/** One complaint: header with every running clock, the actions the domain allows now, and the record in tabs. */
const ComplaintPage = () => {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t, i18n } = useTranslation('complaint');
  const { t: tv } = useTranslation('vocab');
  const { message } = App.useApp();
  const client = useQueryClient();
  const now = useNow();
  const severities = useSeverities();
  const [action, setAction] = useState<TransitionType>();
  const [busy, setBusy] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const q = useQuery({
    queryKey: ['complaint', id],
    queryFn: () => api.get<Complaint>(`/api/v1/complaints/${id}`),
  });
  const adverseEvent = useComplaintAdverseEvent(id);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <div data-testid={notFound ? 'complaint-not-found' : 'complaint-error'}>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? '404' : t('common:failed')}
          subTitle={notFound ? t('notFound') : q.error.message}
        />
      </div>
    );
  }
  const c = q.data;
  const run = async (body: TransitionBody) => {
    setBusy(true);
    try {
      await api.post(`/api/v1/complaints/${c.id}/transitions`, body);
      void message.success(t('action.done', { action: tv(`command.${body.type}`) }));
      setAction(undefined);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['complaint', id] }),
        client.invalidateQueries({ queryKey: ['timeline', id] }),
        client.invalidateQueries({ queryKey: ['queue'] }),
      ]);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setBusy(false);
    }
  };
  const actions = c.allowedActions.filter((a) => a !== 'register') as TransitionType[];
  const running = c.deadlines.filter((d) => RUNNING.has(d.state));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="complaint-number">
            {c.number}
          </Typography.Title>
          <span data-testid="complaint-status">
            <StatusTag status={c.status} />
          </span>
          {c.major && <Tag color="red">{t('header.major')}</Tag>}
          {c.escalationLevel > 0 && (
            <Tag color="volcano">{t('header.escalated', { n: c.escalationLevel })}</Tag>
          )}
          {c.waitingOnCustomer && <Tag color="gold">{t('header.waiting')}</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('header.severity')}>
            {c.severity ? severities.labelOf(c.severity) : t('header.unclassified')}
          </Descriptions.Item>
          <Descriptions.Item label={t('header.owner')}>
            {c.assigneeName ?? t('header.unassigned')}
          </Descriptions.Item>
          <Descriptions.Item label={t('header.department')}>{c.departmentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('header.received')}>
            {formatDateTime(c.receivedAt)} · {tv(`channel.${c.channel}`)}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 8 }} data-testid="complaint-clocks">
          {running.map((d) => (
            <ClockBadge key={d.kind} label={d.label[lang]} dueAt={d.dueAt} state={d.state} now={now} />
          ))}
        </div>
        <CloseBlockedBanner
          complaintId={c.id}
          onOpen={() => setSearch({ tab: 'adverse-event' }, { replace: true })}
        />
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {t('header.actions')}:
          </Typography.Text>
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('header.noActions')}</Typography.Text>
          ) : (
            <Space wrap>
              {actions.map((a, i) => (
                <Button
                  key={a}
                  type={i === 0 ? 'primary' : 'default'}
                  data-testid={`action-${a}`}
                  onClick={() => setAction(a)}
                >
                  {tv(`command.${a}`)}
                </Button>
              ))}
            </Space>
          )}
        </div>
      </Card>
      <Card>
        <Tabs
          activeKey={search.get('tab') ?? 'details'}
          onChange={(tab) => setSearch(tab === 'details' ? {} : { tab }, { replace: true })}
          items={[
            { key: 'details', label: t('tabs.details'), children: <DetailsTab complaint={c} /> },
            { key: 'clocks', label: t('tabs.clocks'), children: <ClocksTab complaint={c} /> },
            { key: 'timeline', label: t('tabs.timeline'), children: <TimelineTab complaintId={c.id} /> },
            { key: 'evidence', label: t('tabs.evidence'), children: <EvidenceTab complaintId={c.id} /> },
            {
              key: 'communications',
              label: t('tabs.communications'),
              children: <CommunicationsTab complaintId={c.id} />,
            },
            {
              key: 'investigation',
              label: t('investigation:tab'),
              children: <InvestigationTab complaint={c} />,
            },
            ...(adverseEvent.data
              ? [
                  {
                    key: 'adverse-event',
                    label: t('adverseEvent:tab'),
                    children: <AdverseEventPanel evaluation={adverseEvent.data} />,
                  },
                ]
              : []),
            { key: 'solution', label: t('tabs.solution'), children: <SolutionTab complaint={c} /> },
            {
              key: 'compensation',
              label: t('compensation:tab'),
              children: <CompensationTab complaint={c} />,
            },
          ]}
        />
      </Card>
      <ActionModal
        complaint={c}
        action={action}
        busy={busy}
        onSubmit={(b) => void run(b)}
        onCancel={() => setAction(undefined)}
      />
    </Space>
  );
};

export default ComplaintPage;
