import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { ApplyPresetResult, PolicyList, PresetList, Preset } from '../../app/api-types';
import { errorText, useLang } from './admin-hooks';
import { registerMessages } from '../../app/i18n';
import { adminMessages } from './admin.i18n';

registerMessages('admin', adminMessages);

/** Industry presets (DOMAIN §18): what each sets, which is in force, and switching after a confirmation. */
const PresetsPage = () => {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [applying, setApplying] = useState<Preset>();
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: ['presets'], queryFn: () => api.get<PresetList>('/api/v1/presets') });
  const policies = useQuery({
    queryKey: ['policies'],
    queryFn: () => api.get<PolicyList>('/api/v1/policies'),
  });
  const labelOf = (key: string) => policies.data?.items.find((p) => p.key === key)?.label[lang] ?? key;

  const apply = async () => {
    if (!applying) return;
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    try {
      const r = await api.post<ApplyPresetResult>(`/api/v1/presets/${applying.name}/apply`, {
        reason: v.reason.trim(),
      });
      void message.success(
        r.changed.length > 0
          ? t('presets.applied', { label: applying.label[lang], keys: r.changed.map(labelOf).join(t('sep')) })
          : t('presets.nothingChanged', { label: applying.label[lang] }),
        6,
      );
      setApplying(undefined);
      form.resetFields();
      await Promise.all(
        ['presets', 'policies', 'policy'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
    } catch (e) {
      void message.error(errorText(e), 8);
    } finally {
      setBusy(false);
    }
  };

  if (q.error) return <Alert type="error" showIcon message={errorText(q.error)} />;
  if (!q.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <Card title={t('presets.title')}>
      <Typography.Paragraph type="secondary">{t('presets.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="presets">
        {q.data.items.map((p) => {
          const card = (
            <Card
              data-testid={`preset-${p.name}`}
              data-in-force={p.inForce ? 'true' : undefined}
              style={{ height: '100%', borderColor: p.inForce ? '#1677ff' : undefined }}
              title={
                <Space>
                  {p.inForce && <CheckCircleFilled style={{ color: '#1677ff' }} />}
                  {p.label[lang]}
                  <Typography.Text type="secondary" code>
                    {p.name}
                  </Typography.Text>
                </Space>
              }
              actions={[
                <Button
                  key="apply"
                  type={p.inForce ? 'default' : 'primary'}
                  disabled={p.inForce && p.changes.length === 0}
                  onClick={() => setApplying(p)}
                  data-testid={`preset-apply-${p.name}`}
                >
                  {p.inForce ? t('presets.reapply') : t('presets.apply')}
                </Button>,
              ]}
            >
              <Typography.Paragraph>{p.description[lang]}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('presets.sets')}</Typography.Text>
              <div style={{ margin: '4px 0 12px' }}>
                {p.sets.map((s) => (
                  <Tag key={s.key} color="blue" style={{ marginBottom: 4 }}>
                    {s.label[lang]}
                  </Tag>
                ))}
              </div>
              <Typography.Text type="secondary">{t('presets.othersDefault')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                {p.changes.length === 0 ? (
                  <Tag color="success">{t('presets.noChanges')}</Tag>
                ) : (
                  <Typography.Text
                    type={p.inForce ? 'warning' : undefined}
                    data-testid={`preset-changes-${p.name}`}
                  >
                    {t(p.inForce ? 'presets.driftedFrom' : 'presets.wouldChange', { n: p.changes.length })}
                    {p.changes.map(labelOf).join(t('sep'))}
                  </Typography.Text>
                )}
              </div>
            </Card>
          );
          return (
            <Col key={p.name} xs={24} md={12} xl={8}>
              {p.inForce ? (
                <Badge.Ribbon text={t('presets.inForce')} color="blue">
                  {card}
                </Badge.Ribbon>
              ) : (
                card
              )}
            </Col>
          );
        })}
      </Row>
      <Modal
        open={!!applying}
        title={t('presets.confirmTitle', { label: applying ? applying.label[lang] : '' })}
        onOk={() => void apply()}
        okText={t('presets.apply')}
        okButtonProps={{ danger: true, 'data-testid': 'preset-apply-confirm' } as never}
        confirmLoading={busy}
        onCancel={() => setApplying(undefined)}
        destroyOnClose
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={t('presets.confirmWarning')} />
          {applying && applying.changes.length > 0 && (
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('presets.wouldChange', { n: applying.changes.length })}
              {applying.changes.map(labelOf).join(t('sep'))}
            </Typography.Paragraph>
          )}
          <Form form={form} layout="vertical" preserve={false}>
            <Form.Item
              name="reason"
              label={t('reason')}
              rules={[{ required: true, whitespace: true, message: t('v.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} data-testid="preset-reason" />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </Card>
  );
};

export default PresetsPage;
