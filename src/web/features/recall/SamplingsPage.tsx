import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { RegulatorSampling, RegulatorSamplingList } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import { SAMPLING_RESULTS, type SamplingResult } from '../../../domain/batch/decide-sampling-follow-up';
import { SAMPLINGS_KEY, useProductNames, useWrite } from '../batch-case/quality-queries';
import { rowTestId } from '../compensation/compensation-format';
import { SamplingModal } from './SamplingModal';
import { samplingMessages } from './sampling.i18n';

registerMessages('sampling', samplingMessages);

const RESULT_COLOR: Record<SamplingResult, string> = {
  pending: 'default',
  conforming: 'success',
  nonconforming: 'red',
};

type Follow = { kind: 'retest' | 'original'; sampling: RegulatorSampling };
type FollowValues = { reason?: string; reportRef?: string; result?: SamplingResult };

/**
 * R-BAT-6: samplings by regulators, with the re-test request (only for a sample that was not representative, once)
 * and the original report handed to quality (once).
 */
const SamplingsPage = () => {
  const { t } = useTranslation('sampling');
  const { access } = useSession();
  const client = useQueryClient();
  const productName = useProductNames();
  const { busy, run } = useWrite();
  const [creating, setCreating] = useState(false);
  const [follow, setFollow] = useState<Follow>();
  const [form] = Form.useForm<FollowValues>();
  const mayManage = access.has('batch.manage');
  const q = useQuery({
    queryKey: SAMPLINGS_KEY,
    queryFn: () => api.get<RegulatorSamplingList>('/api/v1/regulator-samplings?limit=200'),
  });

  const closeFollow = () => {
    form.resetFields();
    setFollow(undefined);
  };
  const submitFollow = async () => {
    if (!follow) return;
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const { sampling, kind } = follow;
    const saved = await run(
      () =>
        kind === 'retest'
          ? api.post<RegulatorSampling>(`/api/v1/regulator-samplings/${sampling.id}/retest-request`, {
              reason: v.reason?.trim() ?? '',
            })
          : api.post<RegulatorSampling>(`/api/v1/regulator-samplings/${sampling.id}/original-report`, {
              ...(v.reportRef?.trim() ? { reportRef: v.reportRef.trim() } : {}),
              ...(v.result ? { result: v.result } : {}),
            }),
      kind === 'retest' ? t('retestDone') : t('originalDone'),
    );
    if (!saved) return;
    await client.invalidateQueries({ queryKey: SAMPLINGS_KEY });
    closeFollow();
  };

  return (
    <Card
      title={t('title')}
      data-testid="samplings"
      extra={
        mayManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="sampling-create"
            onClick={() => setCreating(true)}
          >
            {t('create')}
          </Button>
        )
      }
    >
      <Table<RegulatorSampling>
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('none') }}
        onRow={(s) => rowTestId(`sampling-${s.reportRef ?? s.id}`)}
        columns={[
          { title: t('sampledOn'), dataIndex: 'sampledOn' },
          { title: t('agency'), dataIndex: 'agency' },
          { title: t('product'), key: 'product', render: (_, s) => productName(s.productId) },
          { title: t('batchNo'), key: 'batchNo', render: (_, s) => s.batchNo ?? '—' },
          { title: t('sampleQuantity'), dataIndex: 'sampleQuantity', align: 'right' },
          {
            title: t('result'),
            key: 'result',
            render: (_, s) => (
              <Space size={4} wrap>
                <Tag color={RESULT_COLOR[s.result]}>{t(`resultValue.${s.result}`)}</Tag>
                {!s.representative && <Tag color="orange">{t('notRepresentative')}</Tag>}
              </Space>
            ),
          },
          { title: t('reportRef'), key: 'reportRef', render: (_, s) => s.reportRef ?? '—' },
          {
            title: t('retest'),
            key: 'retest',
            render: (_, s) =>
              s.retestRequestedAt ? (
                <div>
                  <div>{t('requested', { time: formatDateTime(s.retestRequestedAt) })}</div>
                  <Typography.Text type="secondary">{s.retestReason}</Typography.Text>
                </div>
              ) : mayManage && !s.representative ? (
                <Button
                  size="small"
                  data-testid="sampling-retest"
                  onClick={() => setFollow({ kind: 'retest', sampling: s })}
                >
                  {t('requestRetest')}
                </Button>
              ) : (
                '—'
              ),
          },
          {
            title: t('original'),
            key: 'original',
            render: (_, s) =>
              s.originalReportToQualityAt ? (
                t('handedOver', { time: formatDateTime(s.originalReportToQualityAt) })
              ) : mayManage ? (
                <Button
                  size="small"
                  data-testid="sampling-original"
                  onClick={() => setFollow({ kind: 'original', sampling: s })}
                >
                  {t('recordOriginal')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <SamplingModal open={creating} onClose={() => setCreating(false)} />
      <Modal
        open={!!follow}
        title={follow?.kind === 'retest' ? t('retestTitle') : t('originalTitle')}
        okButtonProps={{ 'data-testid': 'sampling-follow-submit' } as never}
        confirmLoading={busy}
        onOk={() => void submitFollow()}
        onCancel={closeFollow}
        forceRender
      >
        <Form form={form} name="sampling-follow-up" layout="vertical">
          {follow?.kind === 'retest' ? (
            <Form.Item
              name="reason"
              label={t('retestReason')}
              extra={t('retestReasonHint')}
              rules={[{ required: true, whitespace: true, message: t('required') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="sampling-retest-reason" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="reportRef" label={t('reportRef')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="result" label={t('originalResult')}>
                <Select
                  allowClear
                  options={SAMPLING_RESULTS.map((r) => ({ value: r, label: t(`resultValue.${r}`) }))}
                />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
};

export default SamplingsPage;
