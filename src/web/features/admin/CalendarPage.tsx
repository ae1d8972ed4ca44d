import { ImportOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CalendarView, CalendarYearView, HolidayYearRemoval } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { errorText, rowTestId } from './admin-hooks';
import { CalendarSettingsCard } from './CalendarSettingsCard';
import { HolidayImportModal } from './HolidayImportModal';
import { DAY_STYLE, YearView } from './YearView';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

type YearInfo = CalendarView['coveredYears'][number];

/** The business calendar (issue 4 Admin): a year at a glance, the years with official data, hours, imports. */
const CalendarPage = () => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState<number>();
  const [importing, setImporting] = useState(false);
  const cal = useQuery({ queryKey: ['calendar'], queryFn: () => api.get<CalendarView>('/api/v1/calendar') });
  const shown = year ?? cal.data?.currentYear;
  const days = useQuery({
    queryKey: ['calendar', 'year', shown],
    queryFn: () => api.get<CalendarYearView>(`/api/v1/calendar/years/${shown}`),
    enabled: shown !== undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });

  const remove = async (y: number) => {
    try {
      const r = await api.delete<HolidayYearRemoval>(`/api/v1/calendar/years/${y}`);
      void message.success(
        t('calendar.removed', { year: r.year, days: r.removedDays, changed: r.recomputed.changed }),
        6,
      );
      void refresh();
    } catch (e) {
      void message.error(errorText(e), 6);
    }
  };

  if (cal.error) return <Alert type="error" showIcon message={errorText(cal.error)} />;
  if (!cal.data || shown === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = cal.data;
  const years = [
    ...new Set([
      ...c.coveredYears.map((y) => y.year),
      ...c.provisionalYears,
      c.currentYear - 1,
      c.currentYear,
      c.currentYear + 1,
      shown,
    ]),
  ].sort((a, b) => a - b);
  const info = days.data?.info;

  const columns: TableColumnsType<YearInfo> = [
    {
      title: t('calendar.year'),
      key: 'year',
      render: (_, y) => (
        <Button type="link" size="small" onClick={() => setYear(y.year)}>
          {y.year}
        </Button>
      ),
    },
    { title: t('calendar.dayCount'), dataIndex: 'dayCount', key: 'dayCount' },
    { title: t('calendar.source'), key: 'source', render: (_, y) => <Tag>{y.source}</Tag> },
    {
      title: t('calendar.papers'),
      key: 'papers',
      render: (_, y) =>
        y.papers.length === 0
          ? '—'
          : y.papers.map((p, i) => (
              <div key={p}>
                <Typography.Link href={p} target="_blank" rel="noreferrer">
                  {t('calendar.paperN', { n: i + 1 })}
                </Typography.Link>
              </div>
            )),
    },
    { title: t('calendar.importedAt'), key: 'importedAt', render: (_, y) => formatDateTime(y.importedAt) },
    {
      title: t('common:actions'),
      key: 'actions',
      render: (_, y) => (
        <Popconfirm
          title={t('calendar.deleteConfirm', { year: y.year })}
          description={t('calendar.deleteHint')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void remove(y.year)}
        >
          <Button type="link" size="small" danger data-testid={`calendar-year-delete-${y.year}`}>
            {t('common:delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('calendar.title')}
        extra={
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="calendar-import"
          >
            {t('calendar.import')}
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.prevYear')}
              onClick={() => setYear(shown - 1)}
            />
            <Select
              style={{ width: 110 }}
              value={shown}
              aria-label={t('calendar.year')}
              data-testid="calendar-year-select"
              options={years.map((y) => ({ value: y, label: t('calendar.yearN', { year: y }) }))}
              onChange={(y: number) => setYear(y)}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.nextYear')}
              onClick={() => setYear(shown + 1)}
            />
            {days.data &&
              (days.data.covered ? (
                <Tag color="success" data-testid="calendar-year-covered">
                  {t('calendar.covered')}
                </Tag>
              ) : (
                <Tag color="warning" data-testid="calendar-year-provisional">
                  {t('calendar.provisional')}
                </Tag>
              ))}
          </Space>
          <Space size={12} wrap data-testid="calendar-legend">
            {(['holiday', 'makeup_workday', 'weekend', 'weekday'] as const).map((k) => (
              <Space key={k} size={4}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 14,
                    height: 14,
                    borderRadius: 3,
                    background: DAY_STYLE[k].background,
                    border: `1px solid ${DAY_STYLE[k].border}`,
                  }}
                />
                <span>{t(`calendar.kind.${k}`)}</span>
              </Space>
            ))}
          </Space>
        </Space>
        {days.data && !days.data.covered && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('calendar.provisionalHint', { year: shown })}
          />
        )}
        {info && info.papers.length > 0 && (
          <Typography.Paragraph type="secondary">
            {t('calendar.basedOn')}{' '}
            {info.papers.map((p, i) => (
              <Typography.Link
                key={p}
                href={p}
                target="_blank"
                rel="noreferrer"
                style={{ marginInlineEnd: 8 }}
              >
                {t('calendar.paperN', { n: i + 1 })}
              </Typography.Link>
            ))}
          </Typography.Paragraph>
        )}
        {days.error && <Alert type="error" showIcon message={errorText(days.error)} />}
        {days.isPending ? (
          <Spin style={{ display: 'block', margin: 48 }} />
        ) : (
          days.data && <YearView days={days.data.days} />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('calendar.coveredYears')} data-testid="calendar-covered-years">
            <Table<YearInfo>
              rowKey="year"
              size="small"
              dataSource={c.coveredYears}
              columns={columns}
              pagination={false}
              onRow={(y) => rowTestId(`calendar-covered-${y.year}`)}
            />
            {c.provisionalYears.length > 0 && (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                data-testid="calendar-provisional-years"
                message={t('calendar.provisionalYears', { years: c.provisionalYears.join(t('sep')) })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <CalendarSettingsCard calendar={c} />
        </Col>
      </Row>
      <HolidayImportModal
        open={importing}
        onClose={(imported) => {
          setImporting(false);
          if (imported) {
            setYear(imported.year);
            void refresh();
          }
        }}
      />
    </Space>
  );
};

export default CalendarPage;
