import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Spin, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api-client';
import type { Dashboard } from '../../app/api-types';
import { EChart } from '../shared/EChart';
import { useSeverities } from '../shared/useSeverities';
import { registerMessages } from '../../app/i18n';
import { dashboardMessages } from './dashboard.i18n';

registerMessages('dashboard', dashboardMessages);

const DAYS = 30;

/** The dashboard: open work by status and severity, breaches today, the intake trend and my own items. */
const DashboardPage = () => {
  const { t } = useTranslation('dashboard');
  const { t: tv } = useTranslation('vocab');
  const severities = useSeverities();
  const q = useQuery({
    queryKey: ['dashboard', DAYS],
    queryFn: () => api.get<Dashboard>(`/api/v1/dashboard?days=${DAYS}`),
    refetchInterval: 60_000,
  });
  const d = q.data;
  const charts = useMemo(() => {
    if (!d) return undefined;
    const statuses = Object.entries(d.openByStatus).sort((a, b) => b[1] - a[1]);
    const sev = Object.entries(d.openBySeverity).sort(
      (a, b) => severities.rankOf(b[0]) - severities.rankOf(a[0]),
    );
    return {
      status: {
        tooltip: { trigger: 'axis' },
        grid: { left: 110, right: 24, top: 8, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: statuses.map(([s]) => tv(`status.${s}`)) },
        series: [{ type: 'bar', data: statuses.map(([, n]) => n), itemStyle: { color: '#1677ff' } }],
      },
      severity: {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '68%'],
            data: sev.map(([code, n]) => ({
              name: code === 'unclassified' ? t('unclassified') : severities.labelOf(code),
              value: n,
            })),
          },
        ],
      },
      trend: {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('received'), t('closed')] },
        grid: { left: 40, right: 24, top: 32, bottom: 24 },
        xAxis: { type: 'category', data: d.trend.map((x) => x.day.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('received'), type: 'line', smooth: true, data: d.trend.map((x) => x.received) },
          {
            name: t('closed'),
            type: 'bar',
            data: d.trend.map((x) => x.closed),
            itemStyle: { color: '#52c41a' },
          },
        ],
      },
    };
  }, [d, t, tv, severities]);
  if (q.isPending || !d || !charts) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <div>
      <Typography.Paragraph type="secondary">
        {t('asOf', { today: d.today, tz: d.timeZone })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title={t('open')} value={d.openTotal} />
            <Link to="/queue">{t('goQueue')}</Link>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={t('breachedOpen')}
              value={d.breachedOpen}
              valueStyle={{ color: d.breachedOpen ? '#cf1322' : undefined }}
            />
            <Link to="/queue?breached=1">{t('goQueue')}</Link>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={t('breachesToday')}
              value={d.breachesToday}
              valueStyle={{ color: d.breachesToday ? '#cf1322' : undefined }}
              data-testid="breaches-today"
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title={t('mine')}
              value={d.mine?.open ?? 0}
              suffix={d.mine?.breached ? ` · ${t('mineBreached', { n: d.mine.breached })}` : ''}
            />
            <Link to="/queue?mine=1">{t('goQueue')}</Link>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('byStatus')}>
            <EChart option={charts.status} testId="chart-status" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('bySeverity')}>
            <EChart option={charts.severity} testId="chart-severity" />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('trend', { days: DAYS })}>
            <EChart option={charts.trend} height={300} testId="chart-trend" />
          </Card>
        </Col>
      </Row>
    </div>
  );
};

export default DashboardPage;
