import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdverseEvent, AdverseEventDecision } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { rowTestId } from '../compensation/compensation-format';
import { useNow } from '../shared/useNow';
import { adverseEventMessages } from './adverse-event.i18n';
import { isDecided } from './adverse-event-format';
import { DecisionModal } from './DecisionModal';
import { DueCountdown } from './DueCountdown';
import { ExportPanel } from './ExportPanel';
import { ReportFactsForm } from './ReportFactsForm';

registerMessages('adverseEvent', adverseEventMessages);

const CONFIDENCE_COLOR: Record<string, string> = { A: 'green', B: 'gold', C: 'orange', UNCONFIRMED: 'red' };

/**
 * A complaint's adverse-event evaluation (R-AE-1…3): one row per (jurisdiction, report kind) with its due time and a
 * coloured countdown, the yes/no decision with its rationale and the submission; the regulator-form exports and the
 * report facts. Deciding every row lifts the closing block.
 */
export const AdverseEventPanel = ({ evaluation }: { evaluation: AdverseEvent }) => {
  const { t, i18n } = useTranslation('adverseEvent');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { access } = useSession();
  const { message } = App.useApp();
  const now = useNow();
  const [deciding, setDeciding] = useState<AdverseEventDecision>();
  const canWrite = access.canManageAdverseEvents;
  const e = evaluation;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="adverse-event">
      {e.closeBlocked ? (
        <Alert
          type="error"
          showIcon
          message={t('summary.closeBlocked')}
          data-testid="adverse-event-blocked"
        />
      ) : (
        <Alert
          type="success"
          showIcon
          message={t('summary.closeAllowed')}
          data-testid="adverse-event-clear"
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('summary.eventType')}>
          <Tag color="red">{t(`eventType.${e.eventType}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.status')}>
          <Tag
            color={e.status === 'decided' ? 'success' : 'processing'}
            data-testid="adverse-event-status"
            data-status={e.status}
          >
            {t(`status.${e.status}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.product')}>{e.productName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('summary.awareAt')}>{formatDateTime(e.awareAt)}</Descriptions.Item>
        <Descriptions.Item label={t('summary.openedAt')}>{formatDateTime(e.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('summary.nextDue')}>{formatDateTime(e.nextDueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('summary.triggers')} span={3}>
          <Space wrap size={4}>
            {e.triggers.map((tr) => (
              <Tag key={`${tr.at}:${tr.eventType}`}>
                {t(`via.${tr.via}`)} · {t(`eventType.${tr.eventType}`)} · {formatDateTime(tr.at)}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('decisions.title')}>
        <Table<AdverseEventDecision>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.decisions}
          scroll={{ x: 1100 }}
          onRow={(d) => rowTestId(`decision-${d.jurisdiction}-${d.reportKind}`)}
          columns={[
            { title: t('decisions.jurisdiction'), dataIndex: 'jurisdiction', width: 100 },
            {
              title: t('decisions.report'),
              key: 'report',
              width: 220,
              render: (_, d) => (
                <Space direction="vertical" size={0}>
                  <span>{d.label?.[lang] ?? d.reportKind}</span>
                  {d.source && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.source}
                      {d.confidence && (
                        <Tooltip title={t('decisions.confidence')}>
                          <Tag
                            color={CONFIDENCE_COLOR[d.confidence]}
                            style={{ marginInlineStart: 4 }}
                            bordered={false}
                          >
                            {d.confidence}
                          </Tag>
                        </Tooltip>
                      )}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('decisions.due'),
              key: 'due',
              width: 170,
              render: (_, d) => (
                <Space direction="vertical" size={2}>
                  <span>{formatDateTime(d.dueAt)}</span>
                  <Space size={4}>
                    <DueCountdown decision={d} now={now} />
                    {d.provisional && <Tag color="default">{t('decisions.provisional')}</Tag>}
                  </Space>
                </Space>
              ),
            },
            {
              title: t('decisions.reportable'),
              key: 'reportable',
              width: 100,
              render: (_, d) =>
                !isDecided(d) ? (
                  <Tag data-reportable="undecided">{t('decisions.undecided')}</Tag>
                ) : d.reportable ? (
                  <Tag color="red" data-reportable="yes">
                    {t('decisions.yes')}
                  </Tag>
                ) : (
                  <Tag color="green" data-reportable="no">
                    {t('decisions.no')}
                  </Tag>
                ),
            },
            {
              title: t('decisions.rationale'),
              key: 'rationale',
              render: (_, d) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: d.rationale }} style={{ margin: 0 }}>
                  {d.rationale ?? '—'}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('decisions.submission'),
              key: 'submission',
              width: 180,
              render: (_, d) =>
                d.submissionRef ? (
                  <Space direction="vertical" size={0}>
                    <Typography.Text copyable data-testid="submission-ref">
                      {d.submissionRef}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(d.submittedAt)}
                    </Typography.Text>
                  </Space>
                ) : d.reportable ? (
                  <Typography.Text type="warning">{t('decisions.notSubmitted')}</Typography.Text>
                ) : (
                  '—'
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'act',
                    width: 140,
                    render: (_: unknown, d: AdverseEventDecision) => (
                      <Button
                        size="small"
                        type={isDecided(d) ? 'default' : 'primary'}
                        data-testid="decision-open"
                        onClick={() => setDeciding(d)}
                      >
                        {isDecided(d) ? t('decisions.revise') : t('decisions.decide')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ExportPanel evaluation={e} />
      <ReportFactsForm evaluation={e} disabled={!canWrite} />
      <DecisionModal
        evaluation={e}
        decision={deciding}
        onClose={(done) => {
          setDeciding(undefined);
          if (done) void message.success(t('decide.done'));
        }}
      />
    </Space>
  );
};
