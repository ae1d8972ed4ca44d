import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Input, Modal, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { HolidayYearImport } from '../../app/api-types';
import { parseJson } from './JsonEditor';
import { ProblemList } from './ProblemList';

type Props = { readonly open: boolean; readonly onClose: (imported: HolidayYearImport | undefined) => void };

type Summary = { year: unknown; days: number; offDays: number; workDays: number; papers: number };

const summarise = (v: unknown): Summary | undefined => {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as { year?: unknown; days?: unknown; papers?: unknown };
  const days = Array.isArray(o.days) ? (o.days as { isOffDay?: unknown }[]) : [];
  return {
    year: o.year,
    days: days.length,
    offDays: days.filter((d) => d?.isOffDay === true).length,
    workDays: days.filter((d) => d?.isOffDay === false).length,
    papers: Array.isArray(o.papers) ? o.papers.length : 0,
  };
};

/**
 * Imports one year of official holidays: a holiday-cn year file (github.com/NateScarlet/holiday-cn), uploaded or
 * pasted. The server checks it and lists every problem (422); on success open deadlines are recomputed.
 */
export const HolidayImportModal = ({ open, onClose }: Props) => {
  const { t } = useTranslation('admin');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<HolidayYearImport>();
  const parsed = useMemo(() => (text.trim() ? parseJson(text) : undefined), [text]);
  const summary = parsed?.ok ? summarise(parsed.value) : undefined;

  const close = () => {
    const r = result;
    setText('');
    setError(undefined);
    setResult(undefined);
    onClose(r);
  };

  const submit = async () => {
    if (!parsed?.ok) return;
    setBusy(true);
    try {
      setResult(await api.post<HolidayYearImport>('/api/v1/calendar/years', parsed.value));
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('calendar.importTitle')}
      onCancel={close}
      maskClosable={false}
      footer={
        result ? (
          <Button type="primary" onClick={close} data-testid="calendar-import-done">
            {t('common:confirm')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common:cancel')}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!parsed?.ok}
              onClick={() => void submit()}
              data-testid="calendar-import-submit"
            >
              {t('calendar.importSubmit')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-import-result">
          <Alert
            type="success"
            showIcon
            message={t(result.replaced ? 'calendar.importReplaced' : 'calendar.importCreated', {
              year: result.year,
            })}
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('calendar.dayCount')}>
              {result.dayCount}
              {result.previousDayCount !== null &&
                ` (${t('calendar.previously', { n: result.previousDayCount })})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('calendar.recomputed')}>
              <span data-testid="calendar-import-recomputed">
                {t('calendar.recomputedText', {
                  changed: result.recomputed.changed,
                  examined: result.recomputed.examined,
                })}
              </span>
            </Descriptions.Item>
            {result.takenOver.length > 0 && (
              <Descriptions.Item label={t('calendar.takenOver')}>
                {result.takenOver.join(t('sep'))}
              </Descriptions.Item>
            )}
            {result.keptByLater.length > 0 && (
              <Descriptions.Item label={t('calendar.keptByLater')}>
                {result.keptByLater.join(t('sep'))}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('calendar.importHint')}
          </Typography.Paragraph>
          <Upload
            accept=".json,application/json"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setText);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="calendar-import-file">
              {t('calendar.chooseFile')}
            </Button>
          </Upload>
          <Input.TextArea
            rows={12}
            value={text}
            spellCheck={false}
            placeholder={t('calendar.pastePlaceholder')}
            aria-label={t('calendar.pastePlaceholder')}
            data-testid="calendar-import-text"
            style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}
            onChange={(e) => setText(e.target.value)}
          />
          {parsed && !parsed.ok && (
            <Alert type="error" showIcon message={t('policies.jsonInvalid', { error: parsed.error })} />
          )}
          {summary && (
            <Alert
              type="info"
              showIcon
              data-testid="calendar-import-summary"
              message={t('calendar.importSummary', {
                year: String(summary.year ?? '?'),
                off: summary.offDays,
                work: summary.workDays,
                papers: summary.papers,
              })}
            />
          )}
          <ProblemList error={error} testId="calendar-import-problems" />
        </Space>
      )}
    </Modal>
  );
};
