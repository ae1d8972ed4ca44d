import { DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { AdverseEvent, AdverseEventReport } from '../../app/api-types';
import { REPORT_FORMS, type ReportForm } from '../../../domain/adverse-event/adverse-event-policy';
import { rowTestId } from '../compensation/compensation-format';
import { exportUrl } from './adverse-event-format';

type Field = AdverseEventReport['fields'][number];

const shown = (v: Field['value'], yes: string, no: string): string =>
  v === null ? '' : typeof v === 'boolean' ? (v ? yes : no) : String(v);

const ReportModal = ({
  evaluationId,
  form,
  onClose,
}: {
  evaluationId: string;
  form: ReportForm | undefined;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation('adverseEvent');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const q = useQuery({
    queryKey: ['adverse-event-export', evaluationId, form],
    enabled: form !== undefined,
    queryFn: () => api.get<AdverseEventReport>(exportUrl(evaluationId, form ?? 'nmpa', 'json')),
  });
  const report = q.data;
  const missing = new Set(report?.missing ?? []);
  return (
    <Modal
      open={form !== undefined}
      width={900}
      title={report ? report.title[lang] : form ? t(`export.form.${form}`) : ''}
      onCancel={onClose}
      footer={
        <Button onClick={onClose} data-testid="export-close">
          {t('export.close')}
        </Button>
      }
      destroyOnHidden
    >
      <div data-testid="export-view" data-form={form}>
        {report && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={report.notice[lang]} />
            {report.missing.length > 0 && (
              <Tag color="warning" data-testid="export-missing">
                {t('export.missingCount', { n: report.missing.length })}
              </Tag>
            )}
            <Table<Field>
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ y: 480 }}
              dataSource={report.fields}
              onRow={(f) => rowTestId(`export-field-${f.key}`)}
              columns={[
                { title: t('export.section'), dataIndex: 'section', width: 140 },
                { title: t('export.field'), key: 'label', width: 260, render: (_, f) => f.label[lang] },
                {
                  title: t('export.value'),
                  key: 'value',
                  render: (_, f) =>
                    missing.has(f.key) || f.value === null ? (
                      <Typography.Text type="warning">{t('export.missing')}</Typography.Text>
                    ) : (
                      <span style={{ whiteSpace: 'pre-wrap' }}>{shown(f.value, '✓', '✗')}</span>
                    ),
                },
              ]}
            />
          </Space>
        )}
        {q.isPending && form !== undefined && <Spin style={{ display: 'block', margin: 24 }} />}
        {q.error && <Alert type="error" showIcon message={q.error.message} />}
      </div>
    </Modal>
  );
};

/**
 * The regulator forms' key fields (R-AE-3): each form viewed as fields in the console, or downloaded as CSV. The
 * forms of the evaluation's jurisdictions come first; the others are marked as having no report row.
 */
export const ExportPanel = ({ evaluation }: { evaluation: AdverseEvent }) => {
  const { t } = useTranslation('adverseEvent');
  const [viewing, setViewing] = useState<ReportForm>();
  const applicable = new Set(evaluation.decisions.map((d) => d.form).filter((f) => f !== null));
  const forms = [...REPORT_FORMS].sort((a, b) => Number(applicable.has(b)) - Number(applicable.has(a)));
  return (
    <Card size="small" title={t('export.title')} data-testid="adverse-event-export">
      <Space direction="vertical" style={{ width: '100%' }}>
        {forms.map((f) => (
          <Space key={f} wrap data-testid={`export-${f}`} style={{ width: '100%' }}>
            <Typography.Text strong={applicable.has(f)} style={{ display: 'inline-block', minWidth: 260 }}>
              {t(`export.form.${f}`)}
            </Typography.Text>
            <Button
              size="small"
              icon={<FileSearchOutlined />}
              onClick={() => setViewing(f)}
              data-testid={`export-view-${f}`}
            >
              {t('export.view')}
            </Button>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={exportUrl(evaluation.id, f, 'csv')}
              download={`adverse-event-${f}.csv`}
              data-testid={`export-csv-${f}`}
            >
              {t('export.csv')}
            </Button>
            {!applicable.has(f) && (
              <Typography.Text type="secondary">{t('export.notApplicable')}</Typography.Text>
            )}
          </Space>
        ))}
      </Space>
      <ReportModal evaluationId={evaluation.id} form={viewing} onClose={() => setViewing(undefined)} />
    </Card>
  );
};
