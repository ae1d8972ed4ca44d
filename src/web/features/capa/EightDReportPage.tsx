import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Result,
  Row,
  Space,
  Spin,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../app/api-client';
import type { EightDReport } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import {
  EIGHT_D_REQUIRED_SECTIONS,
  EIGHT_D_SECTION_LABELS,
  EIGHT_D_SECTIONS,
  findMissingEightDFields,
  type EightDContents,
  type EightDSection,
} from '../../../domain/capa/eight-d';
import { useWrite } from '../batch-case/quality-queries';
import { capaMessages } from './capa.i18n';
import { sourcePath } from './capa-format';
import { useEightD, useRefreshCapa } from './capa-queries';
import { cleanSectionContent, describeMissingField } from './eight-d-form';
import { eightDMessages } from './eight-d.i18n';
import { EightDSectionFields } from './EightDSectionFields';

registerMessages('eightD', eightDMessages);
registerMessages('capa', capaMessages);

/** The section on screen: its saved content in the form, its live completeness, save. */
const SectionEditor = ({
  report,
  section,
  onDirty,
}: {
  report: EightDReport;
  section: EightDSection;
  onDirty: (dirty: boolean) => void;
}) => {
  const { t, i18n } = useTranslation('eightD');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { access } = useSession();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [form] = Form.useForm();
  const values: unknown = Form.useWatch([], form);
  const editable = report.status === 'open' && access.has('capa.manage');
  // Checked as the user types; an empty form lists its fields rather than "not filled in".
  const live = cleanSectionContent(values ?? report.sections[section] ?? {}) ?? {};
  const missing = findMissingEightDFields(section, live as EightDContents[typeof section]);
  const save = async () => {
    const content = (cleanSectionContent(form.getFieldsValue(true)) ?? {}) as Record<string, unknown>;
    const saved = await run(
      () =>
        api.put<EightDReport>(`/api/v1/eight-d-reports/${report.id}/sections/${section}`, {
          version: report.version,
          content,
        }),
      t('detail.saved', { section }),
    );
    if (!saved) return;
    onDirty(false);
    await refresh.eightD(saved);
  };
  return (
    <Card
      title={EIGHT_D_SECTION_LABELS[section][lang]}
      data-testid={`8d-section-${section}`}
      extra={
        editable && (
          <Button type="primary" loading={busy} data-testid="8d-save" onClick={() => void save()}>
            {t('detail.save')}
          </Button>
        )
      }
    >
      {section === 'D0' && (
        <Typography.Paragraph type="secondary">{t('detail.optional')}</Typography.Paragraph>
      )}
      <Form
        form={form}
        name={`eight-d-${section}`}
        layout="vertical"
        disabled={!editable}
        initialValues={report.sections[section] ?? {}}
        onValuesChange={() => onDirty(true)}
      >
        <EightDSectionFields section={section} />
      </Form>
      {missing.length === 0 ? (
        <Alert type="success" showIcon message={t('detail.complete')} data-testid="8d-section-complete" />
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="8d-section-missing"
          message={t('detail.missing')}
          description={missing.map((m) => describeMissingField(m, t)).join('；')}
        />
      )}
    </Card>
  );
};

/** The 8D report editor (R-CAPA-2): D0–D8 with what each still needs, and closing once D1–D8 are complete. */
const EightDReportPage = () => {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('eightD');
  const { t: tc } = useTranslation('capa');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { access } = useSession();
  const { modal } = App.useApp();
  const refresh = useRefreshCapa();
  const { busy, run } = useWrite();
  const [section, setSection] = useState<EightDSection>('D1');
  const dirty = useRef(false);
  const choose = (next: EightDSection) => {
    if (next === section) return;
    if (!dirty.current) return setSection(next);
    modal.confirm({
      title: t('detail.unsaved'),
      onOk: () => {
        dirty.current = false;
        setSection(next);
      },
    });
  };
  const q = useEightD(id);
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
  const incomplete = EIGHT_D_REQUIRED_SECTIONS.filter((s) => r.completeness[s].length > 0);
  const source = sourcePath(r.sourceType, r.sourceId);
  const close = () =>
    modal.confirm({
      title: t('detail.closeConfirm'),
      okButtonProps: { 'data-testid': '8d-close-confirm' } as never,
      onOk: async () => {
        const closed = await run(
          () => api.post<EightDReport>(`/api/v1/eight-d-reports/${r.id}/close`, {}),
          t('detail.closed'),
        );
        if (closed) await refresh.eightD(closed);
      },
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="eight-d">
      <Link to="/eight-d-reports">← {t('detail.back')}</Link>
      <Card>
        <Space align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="8d-number">
            {r.number}
          </Typography.Title>
          <Tag
            color={r.status === 'closed' ? 'success' : 'processing'}
            data-testid="8d-status"
            data-status={r.status}
          >
            {t(`status.${r.status}`)}
          </Tag>
          {r.customerRequested && <Tag color="gold">{t('detail.customerRequested')}</Tag>}
          <Tag color={incomplete.length === 0 ? 'green' : 'orange'} data-testid="8d-completeness">
            {t('detail.completeness', {
              done: EIGHT_D_REQUIRED_SECTIONS.length - incomplete.length,
              total: EIGHT_D_REQUIRED_SECTIONS.length,
            })}
          </Tag>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('list.title_')}>{r.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('detail.source')}>
            {tc(`source.${r.sourceType}`)}
            {source && (
              <Link to={source} style={{ marginLeft: 8 }}>
                →
              </Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('list.updatedAt')}>{formatDateTime(r.updatedAt)}</Descriptions.Item>
          {r.closedAt && (
            <Descriptions.Item label={t('detail.closedAt')}>{formatDateTime(r.closedAt)}</Descriptions.Item>
          )}
        </Descriptions>
        {r.status === 'open' && access.has('capa.manage') && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
            {incomplete.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('detail.incomplete')}
                description={incomplete.map((s) => EIGHT_D_SECTION_LABELS[s][lang]).join('、')}
              />
            )}
            <Button
              type="primary"
              loading={busy}
              disabled={incomplete.length > 0}
              data-testid="8d-close"
              onClick={close}
            >
              {t('detail.close')}
            </Button>
          </Space>
        )}
        {r.status === 'closed' && <Typography.Text type="secondary">{t('detail.readOnly')}</Typography.Text>}
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Card size="small">
            <Steps
              direction="vertical"
              size="small"
              current={EIGHT_D_SECTIONS.indexOf(section)}
              onChange={(i) => choose(EIGHT_D_SECTIONS[i] ?? 'D1')}
              items={EIGHT_D_SECTIONS.map((s) => {
                const done = r.completeness[s].length === 0;
                return {
                  title: EIGHT_D_SECTION_LABELS[s][lang],
                  status: s === section ? 'process' : done ? 'finish' : 'wait',
                  icon:
                    s === section ? undefined : done ? <CheckCircleFilled /> : <ExclamationCircleOutlined />,
                  description: done ? undefined : describeMissingField(r.completeness[s][0] ?? '', t),
                  'data-testid': `8d-step-${s}`,
                  'data-complete': done,
                };
              })}
            />
          </Card>
        </Col>
        <Col xs={24} md={17}>
          <SectionEditor
            key={`${section}-${r.version}`}
            report={r}
            section={section}
            onDirty={(d) => {
              dirty.current = d;
            }}
          />
        </Col>
      </Row>
    </Space>
  );
};

export default EightDReportPage;
