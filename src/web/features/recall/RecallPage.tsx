import { Button, Card, Descriptions, Progress, Result, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api-client';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { RECALL_CLASS_RULES } from '../../../domain/batch/plan-recall';
import { formatUnits } from '../batch-case/batch-case-format';
import { useRecall } from '../batch-case/quality-queries';
import { ClockBadge } from '../shared/ClockBadge';
import { useNow } from '../shared/useNow';
import { CompleteRecallModal } from './CompleteRecallModal';
import { RecallTargetsTable } from './RecallTargetsTable';
import { recallMessages } from './recall.i18n';

registerMessages('recall', recallMessages);

/**
 * One recall (R-BAT-5): class and notice time, scope, progress (units recovered ÷ units in scope), the targets with
 * their notice and recovery, and the completion report.
 */
const RecallPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('recall');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { access } = useSession();
  const now = useNow();
  const [completing, setCompleting] = useState(false);
  const q = useRecall(id);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.error) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '404' : t('common:failed')}
        subTitle={notFound ? t('detail.notFound') : q.error.message}
      />
    );
  }
  const r = q.data;
  const running = r.status === 'in_progress';
  const editable = running && access.has('recall.manage');
  const allTold = r.progress.targetsNotified === r.progress.targetsTotal;
  const report = r.completionReport;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="recall">
      <Link to="/recalls">← {t('detail.back')}</Link>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="recall-number">
            {r.number}
          </Typography.Title>
          <Tag color={running ? 'processing' : 'success'} data-testid="recall-status" data-status={r.status}>
            {t(`status.${r.status}`)}
          </Tag>
          <Tag color={r.recallClass === 'I' ? 'red' : r.recallClass === 'II' ? 'orange' : 'gold'}>
            {RECALL_CLASS_RULES[r.recallClass].label[lang]}
          </Tag>
          {running && !allTold && (
            <ClockBadge
              label={t('detail.notifyClock')}
              dueAt={r.notificationDueAt}
              state={new Date(r.notificationDueAt).getTime() < now ? 'breached' : 'open'}
              now={now}
            />
          )}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('detail.product')}>{r.productName ?? r.productId}</Descriptions.Item>
          <Descriptions.Item label={t('detail.case')}>
            {r.caseId ? <Link to={`/batch-cases/${r.caseId}`}>{r.caseNumber ?? r.caseId}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.startedAt')}>{formatDateTime(r.startedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.batches')}>{r.scope.batches.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('detail.regions')}>{r.scope.regions.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('detail.notificationDue')}>
            {formatDateTime(r.notificationDueAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.reason')} span={3}>
            {r.reason}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">
          {RECALL_CLASS_RULES[r.recallClass].harm[lang]} ·{' '}
          {r.medicalDevice ? t('detail.medicalDevice') : t('detail.notMedicalDevice')}
        </Typography.Text>
      </Card>
      <Card
        title={t('progress.title')}
        data-testid="recall-progress"
        extra={
          editable && (
            <Button type="primary" data-testid="recall-complete" onClick={() => setCompleting(true)}>
              {t('complete.button')}
            </Button>
          )
        }
      >
        <Progress
          percent={r.progress.percent}
          format={(p) => `${p ?? 0}%`}
          status={running ? 'active' : 'success'}
          data-testid="recall-percent"
          data-percent={r.progress.percent}
        />
        <Space size="large" style={{ marginTop: 8 }}>
          <Typography.Text data-testid="recall-units">
            {t('progress.units', {
              recovered: formatUnits(r.progress.unitsRecovered),
              total: formatUnits(r.progress.unitsInScope),
            })}
          </Typography.Text>
          <Typography.Text>
            {t('progress.targets', { notified: r.progress.targetsNotified, total: r.progress.targetsTotal })}
          </Typography.Text>
        </Space>
      </Card>
      <Card title={t('targets.title')} data-testid="recall-targets">
        <RecallTargetsTable recall={r} editable={editable} />
      </Card>
      {report && (
        <Card title={t('report.title')} data-testid="recall-report">
          <Space size="large" wrap style={{ marginBottom: 16 }}>
            <Statistic title={t('report.unitsInScope')} value={formatUnits(report.unitsInScope)} />
            <Statistic title={t('report.unitsRecovered')} value={formatUnits(report.unitsRecovered)} />
            <Statistic title={t('report.percent')} value={report.percent} suffix="%" />
            <Statistic title={t('report.targetsTotal')} value={report.targetsTotal} />
            <Statistic
              title={t('report.targetsLate')}
              value={report.targetsNotifiedLate}
              valueStyle={report.targetsNotifiedLate > 0 ? { color: '#cf1322' } : undefined}
            />
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('complete.disposal')}>
              {t(`disposal.${report.disposal}`)}
              {report.disposalNote ? ` — ${report.disposalNote}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('complete.effectiveness')}>
              {t(`effectiveness.${report.effectiveness}`)} — {report.effectivenessNote}
            </Descriptions.Item>
            <Descriptions.Item label={t('complete.remainingRisk')}>{report.remainingRisk}</Descriptions.Item>
            <Descriptions.Item label={t('report.completedAt')}>
              {formatDateTime(report.completedAt)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <CompleteRecallModal recall={r} open={completing} onClose={() => setCompleting(false)} />
    </Space>
  );
};

export default RecallPage;
