import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { CalendarSettingsBody, CalendarSettingsResult, CalendarView } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { ProblemList } from './ProblemList';

type Interval = { start: string; end: string };
type Values = { timeZone: string; weeklyHours: Record<string, Interval[]>; makeUpDayHours: Interval[] };

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Urumqi', 'UTC'];

const hoursText = (list: readonly Interval[], rest: string, sep: string) =>
  list.length === 0 ? rest : list.map((h) => `${h.start}–${h.end}`).join(sep);

/** Working hours per weekday and on make-up days, and the calendar's time zone (PUT with If-Match). */
export const CalendarSettingsCard = ({ calendar }: { readonly calendar: CalendarView }) => {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = calendar.settings;

  const intervals = (name: (string | number)[], label: string, testId: string) => (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space wrap data-testid={testId}>
          <span style={{ display: 'inline-block', width: 72 }}>{label}</span>
          {fields.length === 0 && <Typography.Text type="secondary">{t('calendar.restDay')}</Typography.Text>}
          {fields.map((f) => (
            <Space.Compact key={f.key}>
              {(['start', 'end'] as const).map((k) => (
                <Form.Item
                  key={k}
                  name={[f.name, k]}
                  noStyle
                  rules={[{ required: true, pattern: HHMM, message: t('v.hhmm') }]}
                >
                  <Input style={{ width: 70 }} placeholder="HH:MM" aria-label={t(`calendar.${k}`)} />
                </Form.Item>
              ))}
              <Button
                icon={<MinusCircleOutlined />}
                onClick={() => remove(f.name)}
                aria-label={t('common:delete')}
              />
            </Space.Compact>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ start: '13:00', end: '17:30' })}
            aria-label={t('calendar.addInterval')}
          />
        </Space>
      )}
    </Form.List>
  );

  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return void message.error(t('v.hoursInvalid'));
    setBusy(true);
    try {
      const body: CalendarSettingsBody = {
        timeZone: v.timeZone,
        weeklyHours: Object.fromEntries(
          WEEKDAYS.map((d) => [d, v.weeklyHours[d] ?? []]),
        ) as CalendarSettingsBody['weeklyHours'],
        makeUpDayHours: v.makeUpDayHours ?? [],
      };
      const r = await api.put<CalendarSettingsResult>('/api/v1/calendar/settings', body, {
        headers: { 'if-match': `"${calendar.version}"` },
      });
      void message.success(
        t('calendar.settingsSaved', { changed: r.recomputed.changed, examined: r.recomputed.examined }),
      );
      setError(undefined);
      setEditing(false);
      void client.invalidateQueries({ queryKey: ['calendar'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('calendar.settings')}
      data-testid="calendar-settings"
      extra={
        editing ? (
          <Space>
            <Button onClick={() => setEditing(false)}>{t('common:cancel')}</Button>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void save()}
              data-testid="calendar-settings-save"
            >
              {t('common:save')}
            </Button>
          </Space>
        ) : (
          <Button
            onClick={() => {
              form.setFieldsValue({
                timeZone: s.timeZone,
                weeklyHours: Object.fromEntries(
                  WEEKDAYS.map((d) => [d, s.weeklyHours[d].map((h) => ({ ...h }))]),
                ),
                makeUpDayHours: s.makeUpDayHours.map((h) => ({ ...h })),
              });
              setError(undefined);
              setEditing(true);
            }}
            data-testid="calendar-settings-edit"
          >
            {t('common:edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <Form form={form} layout="vertical">
          <Form.Item
            name="timeZone"
            label={t('calendar.timeZone')}
            rules={[{ required: true, message: t('v.timeZone') }]}
          >
            <Select style={{ width: 220 }} showSearch options={ZONES.map((z) => ({ value: z, label: z }))} />
          </Form.Item>
          <Space direction="vertical" style={{ width: '100%' }}>
            {WEEKDAYS.map((d) => (
              <div key={d}>
                {intervals(['weeklyHours', d], t(`calendar.weekday.${d}`), `calendar-hours-${d}`)}
              </div>
            ))}
            {intervals(['makeUpDayHours'], t('calendar.makeUpHours'), 'calendar-hours-makeup')}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('calendar.settingsHint')}
          </Typography.Paragraph>
        </Form>
      ) : (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('calendar.timeZone')}>{s.timeZone}</Descriptions.Item>
          {WEEKDAYS.map((d) => (
            <Descriptions.Item key={d} label={t(`calendar.weekday.${d}`)}>
              {hoursText(s.weeklyHours[d], t('calendar.restDay'), t('sep'))}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('calendar.makeUpHours')}>
            {hoursText(s.makeUpDayHours, t('calendar.restDay'), t('sep'))}
          </Descriptions.Item>
          <Descriptions.Item label={t('updatedAt')}>{formatDateTime(s.updatedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      <div style={{ marginTop: error ? 12 : 0 }}>
        <ProblemList error={error} testId="calendar-settings-problems" />
      </div>
    </Card>
  );
};
